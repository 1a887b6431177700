import { z } from 'zod';

/** Field name -> first message for that field; `_form` for errors not tied to one field. */
export type FieldErrors = Record<string, string>;

/**
 * What the person typed, to show again, by the schema's fields: text as text, multi-value fields
 * (arrays in the schema) as lists. A field the form did not send is absent.
 */
export type FormValues<S extends z.ZodType = z.ZodType> = {
	[K in keyof z.input<S>]?: z.input<S>[K] extends readonly unknown[] ? string[] : string;
};

export type ParsedForm<S extends z.ZodType> =
	{ ok: true; data: z.infer<S>; values: FormValues<S> } | { ok: false; errors: FieldErrors; values: FormValues<S> };

/** Fields never echoed back to the page. */
const secret = /password|confirm|current/;

type SchemaDef = { type?: string; innerType?: unknown; in?: unknown; shape?: Record<string, unknown> };
const defOf = (schema: unknown) => (schema as { def?: SchemaDef } | undefined)?.def;

/**
 * The schema a form field or form is checked against underneath its wrappers: optional, default
 * and catch, and the input side of a transform (a pipe).
 */
function unwrapped(schema: unknown): SchemaDef | undefined {
	let def = defOf(schema);
	while (def && ['optional', 'default', 'catch', 'pipe'].includes(def.type ?? '')) {
		def = defOf(def.type === 'pipe' ? def.in : def.innerType);
	}
	return def;
}

/** Whether a schema field takes several values (`z.array`, possibly wrapped). */
const isList = (field: unknown): boolean => unwrapped(field)?.type === 'array';

/**
 * Validates a submitted form with a schema: the one way an action reads input. On failure returns
 * one message per field and the values as typed (never passwords), so the page can show both.
 * Fields the schema declares as arrays take every value sent (ticked boxes, multi-selects); other
 * fields take the first. Absent fields (an unticked box, a select without a choice) validate as
 * empty text or an empty list, so the person sees the field's own message rather than a type error.
 */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData): ParsedForm<S> {
	const shape = unwrapped(schema)?.shape ?? {};
	const raw: Record<string, string | string[]> = {};
	for (const [key, field] of Object.entries(shape)) raw[key] = isList(field) ? [] : '';
	for (const key of new Set(form.keys())) {
		const texts = form.getAll(key).filter((v): v is string => typeof v === 'string');
		if (texts.length === 0) continue;
		raw[key] = isList(shape[key]) ? texts : texts[0]!;
	}
	const values: Record<string, string | string[]> = {};
	for (const key of new Set(form.keys())) if (!secret.test(key) && key in raw) values[key] = raw[key]!;
	const result = schema.safeParse(raw);
	const typed = values as FormValues<S>;
	if (result.success) return { ok: true, data: result.data, values: typed };
	return { ok: false, errors: firstErrors(result.error), values: typed };
}

/** `parseForm` for the request an action received. */
export async function readForm<S extends z.ZodType>(request: Request, schema: S): Promise<ParsedForm<S>> {
	return parseForm(schema, await request.formData());
}

export function firstErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const key = issue.path.length ? String(issue.path[0]) : '_form';
		errors[key] ??= issue.message;
	}
	return errors;
}

/** Errors for a problem with the whole form rather than one field. */
export function formError(message: string): FieldErrors {
	return { _form: message };
}

/** Matches adapter-node's default BODY_SIZE_LIMIT; about 5,000 typical CSV rows. */
export const MAX_CSV_BYTES = 512 * 1024;

/**
 * The CSV an import form sent: the uploaded `file`, or the text pasted into `csv` when no file
 * was chosen. Bounded so a preview never parses more than a request may carry.
 */
export async function csvFromForm(form: FormData): Promise<{ text: string } | { error: string }> {
	const file = form.get('file');
	const text = file instanceof File && file.size > 0 ? await file.text() : String(form.get('csv') ?? '');
	if (!text.trim()) return { error: 'Choose a CSV file, or paste its contents.' };
	if (new TextEncoder().encode(text).length > MAX_CSV_BYTES)
		return { error: 'The CSV is larger than 512 KB. Split it into smaller imports.' };
	return { text };
}

const objectId = z.string().trim().max(64);

/**
 * The id a form names in `field`, such as a delete or withdraw button's `id`; empty when it names
 * none (or nothing an id could be), which the caller answers like an id that does not exist.
 */
export function objectIdOf(form: FormData, field = 'id'): string {
	const parsed = parseForm(z.record(z.string(), z.string()), form);
	return parsed.ok ? (objectId.safeParse(parsed.data[field] ?? '').data ?? '') : '';
}
