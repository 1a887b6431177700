import { describe, expect, it } from 'vitest';
import type { KnowledgeCheck } from '../../learning/schemas';
import {
	calendarDate,
	compareVersions,
	daysUntil,
	drawnQuestions,
	drawQuestions,
	dueStatus,
	gradeCheck,
	PASS_MARK,
	isEarlierMajor,
	isModuleComplete,
	learnerStatus,
	pathProgress,
	unanswered
} from './rules';

const option = (id: string, correct: boolean) => ({
	id,
	text: `Option ${id}`,
	correct,
	feedback: `Because ${id} is ${correct ? 'right' : 'wrong'}.`
});

const check: KnowledgeCheck = {
	questions: [
		{
			id: 'one',
			objective: 'grading',
			kind: 'single',
			prompt: 'Pick the right one',
			options: [option('a', false), option('b', true), option('c', false)]
		},
		{
			id: 'two',
			objective: 'grading',
			kind: 'multiple',
			prompt: 'Pick all the right ones',
			options: [option('a', true), option('b', true), option('c', false), option('d', false)]
		},
		{
			id: 'three',
			objective: 'grading',
			kind: 'single',
			prompt: 'Another single one',
			options: [option('a', true), option('b', false)]
		},
		{
			id: 'four',
			objective: 'grading',
			kind: 'multiple',
			prompt: 'Three are right here',
			options: [option('a', true), option('b', true), option('c', true), option('d', false)]
		}
	]
};

describe('gradeCheck', () => {
	it('gives full marks and a pass for all-correct answers', () => {
		const grade = gradeCheck(check.questions, { one: ['b'], two: ['a', 'b'], three: ['a'], four: ['a', 'b', 'c'] });
		expect(grade.score).toBe(100);
		expect(grade.passed).toBe(true);
		expect(grade.results.map((r) => r.credit)).toEqual([1, 1, 1, 1]);
	});

	it('gives a single-choice question nothing for a wrong option', () => {
		const grade = gradeCheck(check.questions, { one: ['a'], two: ['a', 'b'], three: ['a'], four: ['a', 'b', 'c'] });
		expect(grade.results[0]!.credit).toBe(0);
		expect(grade.score).toBe(75);
		// The library's pass mark is 80 %: three of four is not enough.
		expect(grade.passed).toBe(false);
	});

	it('gives partial credit for a partly right multiple-choice answer', () => {
		const grade = gradeCheck(check.questions, { one: ['b'], two: ['a'], three: ['a'], four: ['a', 'b'] });
		expect(grade.results[1]!.credit).toBe(0.5);
		expect(grade.results[3]!.credit).toBeCloseTo(2 / 3);
		expect(grade.score).toBe(Math.round((100 * (1 + 0.5 + 1 + 2 / 3)) / 4));
	});

	it('takes credit back for wrong options ticked, never below zero', () => {
		const everything = gradeCheck(check.questions, {
			one: ['b'],
			two: ['a', 'b', 'c', 'd'],
			three: ['a'],
			four: ['a', 'b', 'c', 'd']
		});
		expect(everything.results[1]!.credit).toBe(0);
		expect(everything.results[3]!.credit).toBeCloseTo(2 / 3);
		const onlyWrong = gradeCheck(check.questions, { one: ['b'], two: ['c', 'd'], three: ['a'], four: ['d'] });
		expect(onlyWrong.results[1]!.credit).toBe(0);
		expect(onlyWrong.results[3]!.credit).toBe(0);
	});

	it('fails below the pass mark', () => {
		const grade = gradeCheck(check.questions, { one: ['a'], two: ['c'], three: ['a'], four: ['a', 'b', 'c'] });
		expect(grade.score).toBe(50);
		expect(grade.passed).toBe(false);
		expect(grade.passMark).toBe(PASS_MARK);
	});

	it('marks which options were chosen and which are correct, with their feedback', () => {
		const grade = gradeCheck(check.questions, { one: ['a'], two: ['a'], three: ['b'], four: ['a'] });
		const first = grade.results[0]!;
		expect(first.options.find((o) => o.id === 'a')).toMatchObject({
			chosen: true,
			correct: false,
			feedback: 'Because a is wrong.'
		});
		expect(first.options.find((o) => o.id === 'b')).toMatchObject({ chosen: false, correct: true });
	});

	it('ignores option ids that do not belong to the question', () => {
		expect(
			gradeCheck(check.questions, {
				one: ['z'],
				two: ['a', 'b', 'z'],
				three: ['a'],
				four: ['a', 'b', 'c']
			}).results.map((r) => r.credit)
		).toEqual([0, 1, 1, 1]);
	});

	it('lists unanswered questions', () => {
		expect(unanswered(check.questions, { one: ['b'], three: [] })).toEqual(['two', 'three', 'four']);
	});
});

/** A reproducible stand-in for Math.random (a linear congruential generator). */
function seeded(seed: number) {
	let state = seed;
	return () => {
		state = (state * 48271) % 2147483647;
		return state / 2147483647;
	};
}

describe('drawQuestions', () => {
	const pool: KnowledgeCheck = {
		questions: Array.from({ length: 14 }, (_, i) => ({
			id: `q${i}`,
			objective: ['one', 'two', 'three', 'four'][i % 4]!,
			kind: 'single' as const,
			prompt: `Question ${i}`,
			options: ['a', 'b', 'c', 'd'].map((id) => option(id, id === 'a'))
		}))
	};
	const objectives = ['one', 'two', 'three', 'four'];

	it('draws eight different questions that cover every objective, each with all four options', () => {
		for (let seed = 1; seed < 50; seed++) {
			const draw = drawQuestions(pool, objectives, new Set(), seeded(seed));
			expect(draw).toHaveLength(8);
			expect(new Set(draw.map((d) => d.id)).size).toBe(8);
			const covered = new Set(draw.map((d) => pool.questions.find((q) => q.id === d.id)!.objective));
			expect([...covered].sort()).toEqual([...objectives].sort());
			for (const d of draw) expect([...d.options].sort()).toEqual(['a', 'b', 'c', 'd']);
		}
	});

	it('shuffles the options, so the right one is not always in the same place', () => {
		const places = new Set<number>();
		for (let seed = 1; seed < 20; seed++)
			for (const d of drawQuestions(pool, objectives, new Set(), seeded(seed))) places.add(d.options.indexOf('a'));
		expect([...places].sort()).toEqual([0, 1, 2, 3]);
	});

	it('prefers questions the learner did not see last time', () => {
		const first = drawQuestions(pool, objectives, new Set(), seeded(7));
		const seen = new Set(first.map((d) => d.id));
		const retake = drawQuestions(pool, objectives, seen, seeded(8));
		// 14 in the pool, 8 seen: the 6 unseen are all drawn, and only 2 repeat.
		expect(retake.filter((d) => seen.has(d.id))).toHaveLength(2);
	});

	it('finds the drawn questions with their options in the order drawn, or null once the pool has changed', () => {
		const draw = [{ id: 'q3', options: ['c', 'a', 'd', 'b'] }];
		expect(drawnQuestions(pool, draw)![0]!.options.map((o) => o.id)).toEqual(['c', 'a', 'd', 'b']);
		expect(drawnQuestions(pool, [{ id: 'gone', options: ['a'] }])).toBeNull();
		expect(drawnQuestions(pool, [{ id: 'q3', options: ['a', 'b', 'c', 'x'] }])).toBeNull();
	});
});

describe('completion rules', () => {
	const lessons = ['01-a', '02-b', '03-c'];
	it('needs every lesson and a passed check', () => {
		expect(isModuleComplete(lessons, new Set(lessons), true)).toBe(true);
		expect(isModuleComplete(lessons, new Set(['01-a', '02-b']), true)).toBe(false);
		expect(isModuleComplete(lessons, new Set(lessons), false)).toBe(false);
	});

	it('shows a completion of an earlier major version as such', () => {
		expect(learnerStatus({ currentVersion: '2.0.0', completedVersions: ['1.3.0'], started: false })).toBe(
			'earlier_version'
		);
		expect(learnerStatus({ currentVersion: '2.1.0', completedVersions: ['2.0.0'], started: false })).toBe('completed');
		expect(learnerStatus({ currentVersion: '2.0.0', completedVersions: ['1.0.0'], started: true })).toBe('in_progress');
		expect(learnerStatus({ currentVersion: '1.0.0', completedVersions: [], started: false })).toBe('not_started');
	});
});

describe('versions', () => {
	it('compares semantic versions numerically', () => {
		expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
		expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
		expect(compareVersions('1.2.3', '2.0.0')).toBeLessThan(0);
	});
	it('treats only a new major version as a change that needs a refresh', () => {
		expect(isEarlierMajor('1.4.2', '2.0.0')).toBe(true);
		expect(isEarlierMajor('1.0.0', '1.9.0')).toBe(false);
	});
});

describe('due dates', () => {
	it('counts calendar days between dates', () => {
		expect(daysUntil('2026-12-01', '2026-11-22')).toBe(9);
		expect(daysUntil('2026-11-21', '2026-11-22')).toBe(-1);
	});
	it('is overdue after the due day, due soon within a week, upcoming beyond, done when complete', () => {
		expect(dueStatus('2026-11-21', '2026-11-22', false)).toBe('overdue');
		expect(dueStatus('2026-11-22', '2026-11-22', false)).toBe('due_soon');
		expect(dueStatus('2026-11-29', '2026-11-22', false)).toBe('due_soon');
		expect(dueStatus('2026-11-30', '2026-11-22', false)).toBe('upcoming');
		expect(dueStatus('2026-11-01', '2026-11-22', true)).toBe('completed');
	});
	it('takes today in the person’s time zone', () => {
		const lateEvening = new Date('2026-11-22T23:30:00Z');
		expect(calendarDate(lateEvening, 'Europe/London')).toBe('2026-11-22');
		expect(calendarDate(lateEvening, 'Asia/Kolkata')).toBe('2026-11-23');
		expect(calendarDate(lateEvening, 'America/New_York')).toBe('2026-11-22');
	});
});

describe('path progress', () => {
	it('counts done modules and points at the next one', () => {
		expect(pathProgress(['a', 'b', 'c', 'd'], new Set(['a', 'c']))).toEqual({
			done: 2,
			total: 4,
			percent: 50,
			complete: false,
			next: 'b'
		});
	});
	it('is complete when every module is done', () => {
		expect(pathProgress(['a', 'b'], new Set(['a', 'b']))).toMatchObject({ complete: true, next: null, percent: 100 });
	});
	it('ignores completions outside the path', () => {
		expect(pathProgress(['a'], new Set(['x']))).toMatchObject({ done: 0, percent: 0 });
	});
});
