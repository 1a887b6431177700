import type { KnowledgeCheck, Scenario, ScenarioStep, TranslationMeta } from '../../learning/schemas';
import type { ModuleMeta } from '../../learning/schemas';

export { olderVersion } from './translation-report';

/**
 * What a translation of a module must share with its English original (content/README.md,
 * Languages): everything that is not text. Grading, attempts and certificates rely on it, so a
 * translation that differs is refused, naming the first difference.
 */

const checkShape = (check: KnowledgeCheck) =>
	check.questions.map((q) => ({
		id: q.id,
		objective: q.objective,
		kind: q.kind,
		options: q.options.map((o) => ({ id: o.id, correct: o.correct }))
	}));

type StepShape = { outcome: string; next: StepShape | null }[];
const stepShape = (step: ScenarioStep | Scenario): StepShape =>
	step.choices.map((c) => ({ outcome: c.outcome, next: c.next ? stepShape(c.next) : null }));

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The first way a translated pool differs from the original in anything but text, or null. */
export function checkDifference(original: KnowledgeCheck, translated: KnowledgeCheck): string | null {
	const a = checkShape(original);
	const b = checkShape(translated);
	if (a.length !== b.length) return `has ${b.length} questions where the original has ${a.length}`;
	for (const [i, question] of a.entries()) {
		if (!same(question, b[i]))
			return `question ${i + 1} (${question.id}) differs from the original in more than its text`;
	}
	return null;
}

/** The first way a translated scenario differs from the original in anything but text, or null. */
export function scenarioDifference(original: Scenario, translated: Scenario): string | null {
	return same(stepShape(original), stepShape(translated))
		? null
		: 'its choices, outcomes or branches differ from the original';
}

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id).join(', ');

/** The first way a translated module's frontmatter names other objectives, prompts or references, or null. */
export function metaDifference(original: ModuleMeta, translated: TranslationMeta): string | null {
	for (const key of ['objectives', 'reflections', 'references'] as const) {
		if (ids(original[key]) !== ids(translated[key])) {
			return `its ${key} must have the original's ids in the same order (${ids(original[key]) || 'none'})`;
		}
	}
	return null;
}
