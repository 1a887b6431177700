import type { z } from 'zod';

/** Field name -> first message for that field; `_form` for errors not tied to one field. */
export type FieldErrors = Record<string, string>;

export type ParsedForm<T> =
	| { ok: true; data: T; values: Record<string, string> }
	| { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Validates a submitted form with a schema. On failure returns one message per field and the
 * values as typed (never passwords), so the page can show both.
 */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData): ParsedForm<z.infer<S>> {
	const values: Record<string, string> = {};
	for (const [key, value] of form) {
		if (typeof value === 'string' && !/password|confirm|current/.test(key)) values[key] = value;
	}
	const raw: Record<string, string> = {};
	// Absent fields (an unticked box, a select without a choice) validate as empty text, so the
	// person sees the field's own message rather than a type error.
	const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
	for (const key of Object.keys(shape ?? {})) raw[key] = '';
	for (const [key, value] of form) if (typeof value === 'string') raw[key] = value;
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data, values };
	return { ok: false, errors: firstErrors(result.error), values };
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
