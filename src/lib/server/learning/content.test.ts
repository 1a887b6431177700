import { describe, expect, it } from 'vitest';
import type { Question, Scenario, ScenarioStep } from '../../learning/schemas';
import { defaultFramework } from '../db/migrations/default-framework';
import { courseContent, lessonSourcesOf, packKinds, type ModuleEntry } from './content';
import { proseWords } from './reading-time';
import { baseLocale, supportedLocales } from '../../i18n/locales';
import { drawnQuestions, drawQuestions, gradeCheck, parseVersion, type Answers } from './rules';

/**
 * The course content is part of the product (content/README.md): these checks keep every module a
 * complete course whose knowledge check measures understanding (issue 15's standard).
 */

const { modules, paths } = courseContent();
const behaviours = defaultFramework.flatMap((v) => v.behaviours);
const questionsOf = (mods: readonly ModuleEntry[]) => mods.flatMap((m) => m.check.questions);
const share = (hits: number, total: number) => (total === 0 ? 0 : hits / total);

/** Lower-case words, punctuation gone: what "a run of six words" is counted in. */
function words(text: string): string[] {
	return text
		.toLowerCase()
		.replace(/[’']/g, '')
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

function runsOfSix(text: string): Set<string> {
	const list = words(text);
	const runs = new Set<string>();
	for (let i = 0; i + 6 <= list.length; i++) runs.add(list.slice(i, i + 6).join(' '));
	return runs;
}

function stepsOf(step: ScenarioStep): ScenarioStep[] {
	return [step, ...step.choices.flatMap((c) => (c.next ? stepsOf(c.next) : []))];
}

function scenarioText(s: Scenario): string {
	return stepsOf(s)
		.flatMap((step) => [step.situation, ...step.choices.flatMap((c) => [c.label, c.consequence])])
		.join(' \n ');
}

/** The index of the longest text, or -1 when two share the greatest length. */
function longest(texts: readonly string[]): number {
	const max = Math.max(...texts.map((t) => t.length));
	const at = texts.flatMap((t, i) => (t.length === max ? [i] : []));
	return at.length === 1 ? at[0]! : -1;
}

const correctIsLongest = (q: Question) => {
	const i = longest(q.options.map((o) => o.text));
	return i >= 0 && q.options[i]!.correct;
};

describe('the library', () => {
	it('has the ten service-excellence modules, at version 2 or later, and three paths made of modules that exist', () => {
		expect(modules.length).toBeGreaterThanOrEqual(10);
		expect(modules.filter((m) => parseVersion(m.version)[0] < 2).map((m) => m.slug)).toEqual([]);
		expect(paths.map((p) => p.slug)).toEqual(
			expect.arrayContaining(['back-office-foundations', 'customer-facing-foundations', 'leading-service'])
		);
		const slugs = new Set(modules.map((m) => m.slug));
		for (const path of paths)
			expect(
				path.modules.filter((m) => !slugs.has(m)),
				path.slug
			).toEqual([]);
	});

	it('gives every scenario its own title', () => {
		const titles = modules.flatMap((m) => [...m.scenarios.values()].map((s) => s.title));
		expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
	});

	it('does not put the right answer in one position more than 35 % of the time', () => {
		const singles = questionsOf(modules).filter((q) => q.kind === 'single');
		for (const position of [0, 1, 2, 3]) {
			const hits = singles.filter((q) => q.options[position]?.correct).length;
			expect(share(hits, singles.length), `position ${'abcd'[position]}`).toBeLessThanOrEqual(0.35);
		}
	});

	it('does not make the right answer the longest option more than 40 % of the time', () => {
		const singles = questionsOf(modules).filter((q) => q.kind === 'single');
		expect(share(singles.filter(correctIsLongest).length, singles.length)).toBeLessThanOrEqual(0.4);
	});

	it('does not make the strong scenario choice the longest more than 40 % of the time', () => {
		const steps = modules.flatMap((m) => [...m.scenarios.values()].flatMap(stepsOf));
		const withStrong = steps.filter((s) => s.choices.some((c) => c.outcome === 'strong'));
		const strongLongest = withStrong.filter((s) => {
			const i = longest(s.choices.map((c) => c.label));
			return i >= 0 && s.choices[i]!.outcome === 'strong';
		});
		expect(share(strongLongest.length, withStrong.length)).toBeLessThanOrEqual(0.4);
	});

	// Done when (issue 15): a learner who has not read the module fails more often than not.
	for (const [strategy, pick] of [
		['always the longest option', (texts: string[]) => Math.max(0, longest(texts))],
		['always the second option', () => 1]
	] as const) {
		it(`passes under 10 % of 1,000 attempts answered by choosing ${strategy}`, () => {
			let state = 20261206;
			const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
			let passes = 0;
			for (let attempt = 0; attempt < 1000; attempt++) {
				const mod = modules[attempt % modules.length]!;
				const draw = drawQuestions(
					mod.check,
					mod.objectives.map((o) => o.id),
					new Set(),
					random
				);
				const shown = drawnQuestions(mod.check, draw)!;
				const answers: Answers = Object.fromEntries(
					shown.map((q) => [q.id, [q.options[pick(q.options.map((o) => o.text))]!.id]])
				);
				if (gradeCheck(shown, answers).passed) passes++;
			}
			expect(passes).toBeLessThan(100);
		});
	}
});

for (const mod of modules) {
	describe(mod.slug, () => {
		const sources = lessonSourcesOf(mod.slug);

		it('has three to six lessons with at least 1,500 words of prose', () => {
			expect(mod.lessons.length).toBeGreaterThanOrEqual(3);
			expect(mod.lessons.length).toBeLessThanOrEqual(6);
			expect(sources.reduce((n, s) => n + proseWords(s), 0)).toBeGreaterThanOrEqual(1500);
		});

		it('has branching scenarios, names only known behaviours, and has reflections and practice', () => {
			expect(mod.scenarios.size).toBeGreaterThanOrEqual(1);
			const known = new Set(behaviours.map((b) => b.slug));
			expect(mod.behaviours.filter((b) => !known.has(b))).toEqual([]);
			expect(mod.reflections.length).toBeGreaterThanOrEqual(2);
			expect(mod.practice.title.length).toBeGreaterThan(0);
		});

		it('gives feedback on every option of its knowledge check', () => {
			for (const q of mod.check.questions) for (const o of q.options) expect(o.feedback.length).toBeGreaterThan(10);
		});
	});
}

for (const mod of modules) {
	describe(`${mod.slug}: the standard`, () => {
		const lessonText = [...lessonSourcesOf(mod.slug), ...[...mod.scenarios.values()].map(scenarioText)].join('\n');
		const lessonRuns = runsOfSix(lessonText);

		it('has three to six objectives, each tested by at least two questions of a pool of 16 or more', () => {
			expect(mod.objectives.length).toBeGreaterThanOrEqual(3);
			expect(mod.objectives.length).toBeLessThanOrEqual(6);
			expect(mod.check.questions.length).toBeGreaterThanOrEqual(16);
			for (const objective of mod.objectives)
				expect(
					mod.check.questions.filter((q) => q.objective === objective.id).length,
					`questions on ${objective.id}`
				).toBeGreaterThanOrEqual(2);
		});

		it('asks every question with four options a to d, one right (or two or three when several are), each with feedback that explains', () => {
			for (const q of mod.check.questions) {
				expect(
					q.options.map((o) => o.id),
					q.id
				).toEqual(['a', 'b', 'c', 'd']);
				const right = q.options.filter((o) => o.correct).length;
				if (q.kind === 'single') expect(right, q.id).toBe(1);
				else expect([2, 3], q.id).toContain(right);
				for (const o of q.options) expect(o.feedback.length, `${q.id} ${o.id}`).toBeGreaterThanOrEqual(60);
			}
		});

		it('sets its questions apart from the lessons: no run of six words comes from a lesson or scenario', () => {
			const borrowed = mod.check.questions.flatMap((q) =>
				[q.prompt, ...q.options.map((o) => o.text)].flatMap((text) =>
					[...runsOfSix(text)].filter((run) => lessonRuns.has(run)).map((run) => `${q.id}: “${run}”`)
				)
			);
			expect(borrowed).toEqual([]);
		});

		it('makes the right answer the longest option in at most half of its questions', () => {
			const singles = mod.check.questions.filter((q) => q.kind === 'single');
			expect(share(singles.filter(correctIsLongest).length, singles.length)).toBeLessThanOrEqual(0.5);
		});

		it('has scenarios in which every first choice leads on, and a weak or mixed one can still be recovered', () => {
			expect(mod.scenarios.size).toBeGreaterThanOrEqual(2);
			for (const [id, scenario] of mod.scenarios) {
				expect(scenario.choices.length, id).toBeGreaterThanOrEqual(3);
				for (const choice of scenario.choices) {
					expect(choice.next, `${id}: “${choice.label}” leads nowhere`).toBeDefined();
					if (choice.outcome !== 'strong')
						expect(
							choice.next!.choices.some((c) => c.outcome === 'strong'),
							`${id}: no way back after “${choice.label}”`
						).toBe(true);
				}
			}
		});

		it('has three reflection prompts, references, and the whole blended-delivery pack', () => {
			expect(mod.reflections.length).toBe(3);
			expect(mod.references.length).toBeGreaterThanOrEqual(2);
			for (const kind of packKinds) expect(mod.pack[kind], kind).toBeDefined();
			expect(mod.session).not.toBeNull();
		});
	});
}

/** Every text a learner reads in a module's check and scenarios. */
const textsOf = (mod: ModuleEntry) => [
	mod.title,
	mod.summary,
	...mod.check.questions.flatMap((q) => [q.prompt, ...q.options.flatMap((o) => [o.text, o.feedback])]),
	...[...mod.scenarios.values()].map(scenarioText)
];

describe('the translations', () => {
	const { translations } = courseContent();
	const other = supportedLocales.filter((l) => l !== baseLocale);

	it('give every learning path a title and summary in every language', () => {
		for (const path of paths) expect(Object.keys(path.translations).sort(), path.slug).toEqual([...other].sort());
	});

	it('ask every question with several right answers to say how many to choose, in its language', () => {
		const instruction: Record<string, RegExp> = {
			en: /(Select|Choose) (all that apply|two|three)\.$/,
			nl: /Kies (alle juiste antwoorden|er twee|er drie)\.$/,
			'zh-CN': /选出(所有适用的选项|两项|三项)。$/
		};
		const missing = [...modules, ...[...translations.values()].flatMap((byLocale) => [...byLocale.values()])].flatMap(
			(mod) =>
				mod.check.questions
					.filter((q) => q.kind === 'multiple' && !instruction[mod.locale]!.test(q.prompt))
					.map((q) => `${mod.slug} (${mod.locale}): ${q.id}`)
		);
		expect(missing).toEqual([]);
	});

	for (const mod of modules) {
		for (const [locale, translation] of translations.get(mod.slug) ?? []) {
			describe(`${mod.slug} in ${locale}`, () => {
				it('is translated, not copied: its texts differ from the English', () => {
					const english = new Set(textsOf(mod));
					const copied = textsOf(translation).filter((text) => english.has(text));
					expect(copied).toEqual([]);
				});

				it('keeps the original’s lessons, scenarios, objectives, answer key and references', () => {
					expect(translation.lessons.map((l) => [l.slug, l.scenarios])).toEqual(
						mod.lessons.map((l) => [l.slug, l.scenarios])
					);
					expect(translation.check.questions.map((q) => q.id)).toEqual(mod.check.questions.map((q) => q.id));
					expect(translation.references.map((r) => [r.id, r.author, r.year])).toEqual(
						mod.references.map((r) => [r.id, r.author, r.year])
					);
					expect(Object.keys(translation.pack).sort()).toEqual(Object.keys(mod.pack).sort());
					expect(translation.session === null).toBe(mod.session === null);
				});

				it('grades the same answers the same as the English', () => {
					const answers: Answers = Object.fromEntries(
						mod.check.questions.map((q, i) => [q.id, [q.options[i % q.options.length]!.id]])
					);
					const outcome = (questions: readonly Question[]) => {
						const grade = gradeCheck(questions, answers);
						return [grade.score, grade.passed, grade.results.map((r) => [r.id, r.credit])];
					};
					expect(outcome(translation.check.questions)).toEqual(outcome(mod.check.questions));
				});
			});
		}
	}
});
