import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '../../src/lib/paraglide/runtime.js';
import type { Locale } from '../../src/lib/i18n/locales';
import { findModule } from '../../src/lib/server/learning/content';
import { completeLesson, openCheck, submitCheck, type CheckSheet } from '../../src/lib/server/learning/service';
import { assignLearning, teamMatrix } from '../../src/lib/server/learning/team';
import { teamLearningCompletion } from '../../src/lib/server/learning/rollup';
import type { Grade, Random } from '../../src/lib/server/learning/rules';
import { actorFor, addGrant, addPerson, addTeam, addUnit, openTempDb, T0, type TempDb } from './temp-db';

/**
 * The course in three languages is one course (issue 16): a knowledge check is graded on its option
 * ids, whatever language its questions were read in, and a module completed in Dutch or Chinese is
 * as complete, on the team's learning matrix and scorecard, as one completed in English.
 */

const SLUG = 'why-internal-service-matters';
const learners: { id: string; locale: Locale }[] = [
	{ id: 'eva', locale: 'en' },
	{ id: 'daan', locale: 'nl' },
	{ id: 'wei', locale: 'zh-CN' }
];
const moduleIn = (locale: Locale) => findModule(SLUG, locale)!;
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** The same sequence of numbers every time: each learner is dealt the same questions. */
function seeded(seed: number): Random {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
		return state / 2_147_483_648;
	};
}

/**
 * A submission of a sheet, by option ids as the form posts them: the right options of every
 * question, or (`mixed`) a wrong option for every third question, so the score is not simply 100.
 */
function answersTo(sheet: CheckSheet, how: 'right' | 'mixed'): FormData {
	const key = moduleIn('en').check;
	const form = new FormData();
	form.set('draw', sheet.drawId);
	for (const [i, shown] of sheet.questions.entries()) {
		const q = key.questions.find((c) => c.id === shown.id)!;
		const picks =
			how === 'mixed' && i % 3 === 0 ? [q.options.find((o) => !o.correct)!] : q.options.filter((o) => o.correct);
		for (const o of picks) form.append(q.id, o.id);
	}
	return form;
}

const formEntries = (form: FormData) => [...form.entries()].filter(([name]) => name !== 'draw');

let temp: TempDb;

beforeAll(async () => {
	temp = await openTempDb('learning-languages');
	const company = await addUnit(temp.db, 'u-co', 'Company');
	await addTeam(temp.db, 't-ic', 'Intercompany & Consolidation', company.id);
	await addPerson(temp.db, { id: 'mgr', email: 'mgr@example.com', name: 'Mona Manager', team_id: 't-ic' });
	await addGrant(temp.db, 'mgr', 'manager', { team_id: 't-ic' });
	for (const { id, locale } of learners)
		await addPerson(temp.db, {
			id,
			email: `${id}@example.com`,
			name: `Learner ${id}`,
			team_id: 't-ic',
			language: locale
		});
});
afterAll(async () => {
	await temp.close();
});

describe('a knowledge check in three languages', () => {
	it('is worded in each learner’s language', () => {
		const prompts = (locale: Locale) => moduleIn(locale).check.questions.map((q) => q.prompt);
		expect(moduleIn('nl').locale).toBe('nl');
		expect(moduleIn('zh-CN').locale).toBe('zh-CN');
		// Every question reads differently, so the grading below really compares languages.
		for (const locale of ['nl', 'zh-CN'] as const) {
			for (const [i, prompt] of prompts(locale).entries()) expect(prompt).not.toBe(prompts('en')[i]);
		}
	});

	it('grades the same answers the same, whether they were read in English, Dutch or Chinese', async () => {
		const grades: { locale: Locale; answers: [string, FormDataEntryValue][]; grade: Grade }[] = [];
		for (const { id, locale } of learners) {
			const mod = moduleIn(locale);
			const learner = await actorFor(temp.db, id);
			const sheet = await openCheck(temp.db, learner, mod, at(0), seeded(16));
			expect(sheet.questions[0]!.prompt).toBe(mod.check.questions.find((q) => q.id === sheet.questions[0]!.id)!.prompt);
			const answers = answersTo(sheet, 'mixed');
			const result = await submitCheck(temp.db, learner, mod, sheet.drawId, answers, at(1));
			if (result.outcome !== 'graded') throw new Error(`${locale}: expected a graded attempt, got ${result.outcome}`);
			grades.push({ locale, answers: formEntries(answers), grade: result.grade });
		}
		const [english, ...translated] = grades;
		// One wrong question in three: a fail, and the same fail in every language.
		expect(english!.grade.score).toBeGreaterThan(0);
		expect(english!.grade.score).toBeLessThan(100);
		const outcome = (grade: Grade) => ({
			score: grade.score,
			passed: grade.passed,
			results: grade.results.map((r) => ({
				id: r.id,
				credit: r.credit,
				options: r.options.map((o) => ({ id: o.id, correct: o.correct, chosen: o.chosen }))
			}))
		});
		for (const { locale, answers, grade } of translated) {
			expect(answers, locale).toEqual(english!.answers);
			expect(outcome(grade), locale).toEqual(outcome(english!.grade));
			// The review is in the learner's language: the feedback they read is their module's.
			const first = grade.results[0]!;
			expect(first.prompt, locale).toBe(moduleIn(locale).check.questions.find((q) => q.id === first.id)!.prompt);
		}
		const stored = await temp.db
			.selectFrom('check_attempts')
			.select(['person_id', 'score', 'passed'])
			.orderBy('person_id')
			.execute();
		expect(stored.map((a) => [a.score, a.passed])).toEqual(learners.map(() => [english!.grade.score, 0]));
	});
});

describe('a module completed in another language', () => {
	it('counts on the team learning matrix and the scorecard exactly like one completed in English', async () => {
		const manager = await actorFor(temp.db, 'mgr');
		const assigned = await assignLearning(
			temp.db,
			manager,
			{
				item: `module:${SLUG}`,
				target: 'team',
				team_id: 't-ic',
				due_on: '2026-12-15',
				message: '',
				refresh: undefined,
				person_ids: []
			},
			at(2)
		);
		expect(assigned.ok).toBe(true);

		const completions = [];
		for (const { id, locale } of learners) {
			const mod = moduleIn(locale);
			const learner = await actorFor(temp.db, id);
			const sheet = await openCheck(temp.db, learner, mod, at(3), seeded(61));
			const passed = await submitCheck(temp.db, learner, mod, sheet.drawId, answersTo(sheet, 'right'), at(4));
			expect(passed.outcome === 'graded' && passed.grade.passed, locale).toBe(true);
			let last;
			for (const [i, lesson] of mod.lessons.entries())
				last = await completeLesson(temp.db, learner, mod, lesson.slug, at(5 + i));
			expect(last!.completion, locale).toBeDefined();
			completions.push(last!.completion!);
		}
		// Each certificate speaks the language it was earned in; the module and version are the same.
		expect(completions.map((c) => c.locale)).toEqual(['en', 'nl', 'zh-CN']);
		expect(new Set(completions.map((c) => `${c.module_slug}@${c.module_version}`)).size).toBe(1);

		const cellsOf = async () => {
			const matrix = await teamMatrix(temp.db, ['t-ic'], at(30));
			return learners.map(({ id }) => matrix.rows.find((r) => r.id === id)!.cells[SLUG]);
		};
		const lessonCount = moduleIn('en').lessons.length;
		const expected = {
			status: 'completed',
			lessons: `${lessonCount}/${lessonCount}`,
			due: { on: '2026-12-15', status: 'completed' }
		};
		// Whoever reads the matrix, in whichever language: the same cell for every learner.
		const requestLocale = getLocale;
		try {
			for (const viewer of ['en', 'nl', 'zh-CN'] as const) {
				overwriteGetLocale(() => viewer);
				expect(await cellsOf(), viewer).toEqual(learners.map(() => expected));
				const completion = await teamLearningCompletion(temp.db, ['t-ic']);
				// The manager has not done the module: four assigned, the three learners' done.
				expect(completion.get('t-ic'), viewer).toEqual({ assigned: 4, completed: 3 });
			}
		} finally {
			overwriteGetLocale(requestLocale);
		}
	});
});
