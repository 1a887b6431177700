import { z } from 'zod';
import { isTimeZone, languages } from '../locale';
import { m } from '../paraglide/messages';

/**
 * Validation shared by forms and the CSV import. Messages are written for the person typing, in
 * their language: each is a function, read when the input is checked.
 */

const optionalText = (max: number, label: () => string) =>
	z
		.string()
		.trim()
		.max(max, { error: () => m.field_too_long({ label: label(), max }) });

export const emailField = z
	.string()
	.trim()
	.min(1, { error: () => m.email_required() })
	.max(254, { error: () => m.email_too_long() })
	.pipe(z.email({ error: () => m.email_invalid() }))
	.transform((v) => v.toLowerCase());

export const nameField = z
	.string()
	.trim()
	.min(1, { error: () => m.name_required() })
	.max(120, { error: () => m.name_too_long() });

export const timeZoneField = z
	.string()
	.trim()
	.refine(isTimeZone, { error: () => m.time_zone_invalid() });

const languageCodes = languages.map((l) => l.code) as [string, ...string[]];
export const languageField = z.enum(languageCodes, { error: () => m.language_invalid() });

const optionalId = z
	.string()
	.trim()
	.transform((v) => (v === '' ? null : v));

export const personSchema = z.object({
	name: nameField,
	email: emailField,
	job_title: optionalText(120, m.field_job_title),
	team_id: optionalId,
	manager_email: z
		.string()
		.trim()
		.transform((v) => v.toLowerCase())
		.pipe(z.union([z.literal(''), z.email({ error: () => m.manager_email_invalid() })])),
	time_zone: timeZoneField,
	language: languageField
});
export type PersonInput = z.infer<typeof personSchema>;

export const preferencesSchema = z.object({
	time_zone: timeZoneField,
	language: languageField
});

export const grantSchema = z.discriminatedUnion(
	'role',
	[
		z.object({ role: z.literal('admin') }),
		z.object({ role: z.literal('manager'), team_id: z.string().min(1, { error: () => m.grant_team_required() }) }),
		z.object({ role: z.literal('leader'), org_unit_id: z.string().min(1, { error: () => m.grant_unit_required() }) })
	],
	{ error: () => m.grant_role_required() }
);

/** Erasing a person cannot be undone, so the form asks for a ticked confirmation. */
export const erasureSchema = z.object({
	confirm: z.literal('yes', { error: () => m.erasure_confirm_required() })
});
