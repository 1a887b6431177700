import { z } from 'zod';
import { m } from '../paraglide/messages';

/** The shapes of course content files (see content/README.md), checked when content loads. */

export const audiences = ['back_office', 'customer_facing', 'managers'] as const;
export type Audience = (typeof audiences)[number];

export const audienceLabel: Record<Audience, string> = {
	back_office: 'Back-office staff',
	customer_facing: 'Customer-facing staff',
	managers: 'Managers and leaders'
};

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens');

const objectiveSchema = z.object({ id: slug, text: z.string().min(10) });

const referenceSchema = z.object({
	id: slug,
	author: z.string().min(2),
	title: z.string().min(3),
	year: z.number().int().min(1900).max(2100),
	/** What the module takes from it: the figure and what kind of figure it is, or the idea. */
	what: z.string().min(10),
	url: z.url().optional()
});
export type Reference = z.infer<typeof referenceSchema>;

const version = z.string().regex(/^\d+\.\d+\.\d+$/, 'use a semantic version like 1.0.0');

const uniqueIds = <T extends { id: string }>(items: T[]) => new Set(items.map((i) => i.id)).size === items.length;

export const moduleMetaSchema = z.object({
	title: z.string().min(3),
	summary: z.string().min(20),
	audience: z.array(z.enum(audiences)).min(1),
	objectives: z.array(objectiveSchema).min(2).max(8).refine(uniqueIds, 'objective ids must be unique'),
	behaviours: z.array(slug).min(1),
	version,
	order: z.number().int(),
	reflections: z.array(z.object({ id: slug, prompt: z.string().min(20) })).min(2),
	practice: z.object({ title: z.string().min(5), description: z.string().min(40) }),
	references: z.array(referenceSchema).refine(uniqueIds, 'reference ids must be unique').default([])
});
export type ModuleMeta = z.infer<typeof moduleMetaSchema>;
export type Objective = z.infer<typeof objectiveSchema>;

export const lessonMetaSchema = z.object({
	title: z.string().min(3)
});

/** The frontmatter of a pack document: the takeaways, job aid and the two guides. */
export const packMetaSchema = z.object({ title: z.string().min(3) });
export const facilitatorMetaSchema = packMetaSchema.extend({
	session: z.object({ topic: z.string().min(5).max(200), description: z.string().min(20).max(2000) })
});

const optionSchema = z.object({
	id: z.string().min(1),
	text: z.string().min(1),
	correct: z.boolean(),
	feedback: z.string().min(10)
});

export const questionSchema = z
	.object({
		id: slug,
		/** The id of the module objective it tests. */
		objective: slug,
		kind: z.enum(['single', 'multiple']),
		prompt: z.string().min(10),
		options: z.array(optionSchema).min(2)
	})
	.refine((q) => q.options.some((o) => o.correct), 'a question needs at least one correct option')
	.refine(
		(q) => q.kind === 'multiple' || q.options.filter((o) => o.correct).length === 1,
		'a single-choice question has exactly one correct option'
	)
	.refine((q) => uniqueIds(q.options), 'option ids must be unique');

export const checkSchema = z.object({
	questions: z.array(questionSchema).min(6).refine(uniqueIds, 'question ids must be unique')
});
export type KnowledgeCheck = z.infer<typeof checkSchema>;
export type Question = z.infer<typeof questionSchema>;

const outcomes = ['strong', 'mixed', 'weak'] as const;
export type ScenarioOutcome = (typeof outcomes)[number];

export interface ScenarioStep {
	situation: string;
	choices: ScenarioChoice[];
}
export interface ScenarioChoice {
	label: string;
	/** What happens because of the choice: the reply, the escalation, what the customer sees. */
	consequence: string;
	outcome: ScenarioOutcome;
	/** Where the choice leads: the next decision. */
	next?: ScenarioStep;
}

const stepSchema: z.ZodType<ScenarioStep> = z.lazy(() =>
	z.object({
		situation: z.string().min(10),
		choices: z.array(choiceSchema).min(2).max(4)
	})
);
const choiceSchema: z.ZodType<ScenarioChoice> = z.lazy(() =>
	z.object({
		label: z.string().min(3),
		consequence: z.string().min(10),
		outcome: z.enum(outcomes),
		next: stepSchema.optional()
	})
);

export const scenarioSchema = z.object({
	title: z.string().min(3),
	situation: z.string().min(10),
	choices: z.array(choiceSchema).min(2).max(4)
});
export type Scenario = z.infer<typeof scenarioSchema>;

/**
 * The frontmatter of a module's translation (content/modules/<slug>/<locale>/module.md): the texts a
 * learner reads and the English version it was made from. Ids and everything else are the original's.
 */
export const translationMetaSchema = z.object({
	source_version: version,
	title: z.string().min(2),
	summary: z.string().min(10),
	objectives: z.array(z.object({ id: slug, text: z.string().min(4) })),
	reflections: z.array(z.object({ id: slug, prompt: z.string().min(8) })),
	practice: z.object({ title: z.string().min(2), description: z.string().min(20) }),
	references: z.array(z.object({ id: slug, what: z.string().min(4) })).default([])
});
export type TranslationMeta = z.infer<typeof translationMetaSchema>;

const pathTextSchema = z.object({ title: z.string().min(2), summary: z.string().min(10) });

export const pathSchema = z.object({
	title: z.string().min(3),
	summary: z.string().min(20),
	audience: z.array(z.enum(audiences)).min(1),
	order: z.number().int(),
	modules: z.array(slug).min(2),
	/** The title and summary in each other language, by locale. */
	translations: z.record(z.string(), pathTextSchema).default({})
});
export type PathMeta = z.infer<typeof pathSchema>;

export const REFLECTION_MAX = 4000;

/**
 * A module's reflections form: for each prompt, the answer (`body:<id>`) and whether it is shared
 * with the buddy (`buddy:<id>`) and the manager (`manager:<id>`). Parsed into one entry per prompt.
 */
export function reflectionsSchema(promptIds: readonly string[]) {
	const fields = Object.fromEntries(
		promptIds.flatMap((id) => [
			[`body:${id}`, z.string()],
			[`buddy:${id}`, z.string()],
			[`manager:${id}`, z.string()]
		])
	);
	return z.object(fields).transform((form) =>
		promptIds.map((id) => ({
			promptId: id,
			body: form[`body:${id}`] ?? '',
			shareWithBuddy: form[`buddy:${id}`] === 'on',
			shareWithManager: form[`manager:${id}`] === 'on'
		}))
	);
}

/** Answers over the limit, by prompt id, each a refusal saying how long it is now (worded by the route). */
export function reflectionLengthProblems(entries: readonly { promptId: string; body: string }[]) {
	return Object.fromEntries(
		entries
			.filter((e) => e.body.length > REFLECTION_MAX)
			.map((e) => [
				e.promptId,
				{ code: 'learn_reflection_too_long' as const, params: { max: REFLECTION_MAX, length: e.body.length } }
			])
	);
}
export const practiceNoteSchema = z.object({
	note: z
		.string()
		.trim()
		.min(3, { error: () => m.learn_practice_note_required() })
		.max(1000, { error: () => m.learn_practice_note_too_long({ max: 1000 }) })
});
