import { z } from 'zod';
import { isTimeZone, languages } from '../locale';

/** Validation shared by forms and the CSV import. Messages are written for the person typing. */

const optionalText = (max: number, label: string) =>
	z.string().trim().max(max, `${label} can be at most ${max} characters`);

export const emailField = z
	.string()
	.trim()
	.min(1, 'Enter an email address')
	.max(254, 'That email address is too long')
	.pipe(z.email('Enter a valid email address, like name@example.com'))
	.transform((v) => v.toLowerCase());

export const nameField = z.string().trim().min(1, 'Enter a name').max(120, 'A name can be at most 120 characters');

export const timeZoneField = z
	.string()
	.trim()
	.refine(isTimeZone, 'Choose a time zone from the list, like Europe/London');

const languageCodes = languages.map((l) => l.code) as [string, ...string[]];
export const languageField = z.enum(languageCodes, 'Choose a language from the list');

const optionalId = z
	.string()
	.trim()
	.transform((v) => (v === '' ? null : v));

export const personSchema = z.object({
	name: nameField,
	email: emailField,
	job_title: optionalText(120, 'A job title'),
	team_id: optionalId,
	manager_email: z
		.string()
		.trim()
		.transform((v) => v.toLowerCase())
		.pipe(z.union([z.literal(''), z.email('Enter the manager’s email address, or leave it empty')])),
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
		z.object({ role: z.literal('manager'), team_id: z.string().min(1, 'Choose the team they manage') }),
		z.object({ role: z.literal('leader'), org_unit_id: z.string().min(1, 'Choose the unit they lead') })
	],
	'Choose a role'
);

/** Erasing a person cannot be undone, so the form asks for a ticked confirmation. */
export const erasureSchema = z.object({
	confirm: z.literal('yes', 'Tick the box to confirm: erasing cannot be undone')
});
