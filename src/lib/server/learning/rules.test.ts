import { describe, expect, it } from 'vitest';
import type { KnowledgeCheck } from '../../learning/schemas';
import {
	calendarDate,
	compareVersions,
	daysUntil,
	dueStatus,
	gradeCheck,
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
	passMark: 75,
	questions: [
		{
			id: 'one',
			kind: 'single',
			prompt: 'Pick the right one',
			options: [option('a', false), option('b', true), option('c', false)]
		},
		{
			id: 'two',
			kind: 'multiple',
			prompt: 'Pick all the right ones',
			options: [option('a', true), option('b', true), option('c', false), option('d', false)]
		},
		{ id: 'three', kind: 'single', prompt: 'Another single one', options: [option('a', true), option('b', false)] },
		{
			id: 'four',
			kind: 'multiple',
			prompt: 'Three are right here',
			options: [option('a', true), option('b', true), option('c', true), option('d', false)]
		}
	]
};

describe('gradeCheck', () => {
	it('gives full marks and a pass for all-correct answers', () => {
		const grade = gradeCheck(check, { one: ['b'], two: ['a', 'b'], three: ['a'], four: ['a', 'b', 'c'] });
		expect(grade.score).toBe(100);
		expect(grade.passed).toBe(true);
		expect(grade.results.map((r) => r.credit)).toEqual([1, 1, 1, 1]);
	});

	it('gives a single-choice question nothing for a wrong option', () => {
		const grade = gradeCheck(check, { one: ['a'], two: ['a', 'b'], three: ['a'], four: ['a', 'b', 'c'] });
		expect(grade.results[0]!.credit).toBe(0);
		expect(grade.score).toBe(75);
		expect(grade.passed).toBe(true);
	});

	it('gives partial credit for a partly right multiple-choice answer', () => {
		const grade = gradeCheck(check, { one: ['b'], two: ['a'], three: ['a'], four: ['a', 'b'] });
		expect(grade.results[1]!.credit).toBe(0.5);
		expect(grade.results[3]!.credit).toBeCloseTo(2 / 3);
		expect(grade.score).toBe(Math.round((100 * (1 + 0.5 + 1 + 2 / 3)) / 4));
	});

	it('takes credit back for wrong options ticked, never below zero', () => {
		const everything = gradeCheck(check, {
			one: ['b'],
			two: ['a', 'b', 'c', 'd'],
			three: ['a'],
			four: ['a', 'b', 'c', 'd']
		});
		expect(everything.results[1]!.credit).toBe(0);
		expect(everything.results[3]!.credit).toBeCloseTo(2 / 3);
		const onlyWrong = gradeCheck(check, { one: ['b'], two: ['c', 'd'], three: ['a'], four: ['d'] });
		expect(onlyWrong.results[1]!.credit).toBe(0);
		expect(onlyWrong.results[3]!.credit).toBe(0);
	});

	it('fails below the pass mark', () => {
		const grade = gradeCheck(check, { one: ['a'], two: ['c'], three: ['a'], four: ['a', 'b', 'c'] });
		expect(grade.score).toBe(50);
		expect(grade.passed).toBe(false);
		expect(grade.passMark).toBe(75);
	});

	it('marks which options were chosen and which are correct, with their feedback', () => {
		const grade = gradeCheck(check, { one: ['a'], two: ['a'], three: ['b'], four: ['a'] });
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
			gradeCheck(check, { one: ['z'], two: ['a', 'b', 'z'], three: ['a'], four: ['a', 'b', 'c'] }).results.map(
				(r) => r.credit
			)
		).toEqual([0, 1, 1, 1]);
	});

	it('lists unanswered questions', () => {
		expect(unanswered(check, { one: ['b'], three: [] })).toEqual(['two', 'three', 'four']);
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
