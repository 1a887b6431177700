import { z } from 'zod';

/** The shapes of course content files (see content/README.md), checked when content loads. */

export const audiences = ['back_office', 'customer_facing', 'managers'] as const;
export type Audience = (typeof audiences)[number];

export const audienceLabel: Record<Audience, string> = {
	back_office: 'Back-office staff',
	customer_facing: 'Customer-facing staff',
	managers: 'Managers and leaders'
};

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens');

export const moduleMetaSchema = z.object({
	title: z.string().min(3),
	summary: z.string().min(20),
	audience: z.array(z.enum(audiences)).min(1),
	objectives: z.array(z.string().min(10)).min(2),
	minutes: z.number().int().positive(),
	behaviours: z.array(slug).min(1),
	version: z.string().regex(/^\d+\.\d+\.\d+$/, 'use a semantic version like 1.0.0'),
	order: z.number().int(),
	reflections: z.array(z.object({ id: slug, prompt: z.string().min(20) })).min(2),
	practice: z.object({ title: z.string().min(5), description: z.string().min(40) })
});
export type ModuleMeta = z.infer<typeof moduleMetaSchema>;

export const lessonMetaSchema = z.object({
	title: z.string().min(3),
	minutes: z.number().int().positive()
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
		kind: z.enum(['single', 'multiple']),
		prompt: z.string().min(10),
		options: z.array(optionSchema).min(2)
	})
	.refine((q) => q.options.some((o) => o.correct), 'a question needs at least one correct option')
	.refine(
		(q) => q.kind === 'multiple' || q.options.filter((o) => o.correct).length === 1,
		'a single-choice question has exactly one correct option'
	)
	.refine((q) => new Set(q.options.map((o) => o.id)).size === q.options.length, 'option ids must be unique');

export const checkSchema = z.object({
	passMark: z.number().int().min(1).max(100),
	questions: z
		.array(questionSchema)
		.min(6)
		.refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, 'question ids must be unique')
});
export type KnowledgeCheck = z.infer<typeof checkSchema>;
export type Question = z.infer<typeof questionSchema>;

export const pathSchema = z.object({
	title: z.string().min(3),
	summary: z.string().min(20),
	audience: z.array(z.enum(audiences)).min(1),
	order: z.number().int(),
	modules: z.array(slug).min(2)
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

/** Answers over the limit, by prompt id, each saying how long it is now. */
export function reflectionLengthProblems(
	entries: readonly { promptId: string; body: string }[]
): Record<string, string> {
	return Object.fromEntries(
		entries
			.filter((e) => e.body.length > REFLECTION_MAX)
			.map((e) => [
				e.promptId,
				`Keep this under ${REFLECTION_MAX.toLocaleString('en')} characters; it is ${e.body.length.toLocaleString('en')} now.`
			])
	);
}
export const practiceNoteSchema = z.object({
	note: z
		.string()
		.trim()
		.min(3, 'Write a line about what you did and how it went')
		.max(1000, 'Keep the note under 1,000 characters')
});
