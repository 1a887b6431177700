import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseForm } from './forms';

const schema = z.object({
	name: z.string().trim().min(1, 'Enter a name'),
	person_ids: z.array(z.string()).min(1, 'Choose at least one person'),
	password: z.string()
});

function form(entries: [string, string][]): FormData {
	const data = new FormData();
	for (const [key, value] of entries) data.append(key, value);
	return data;
}

describe('parseForm', () => {
	it('reads text fields once and list fields in full', () => {
		const parsed = parseForm(
			schema,
			form([
				['name', ' Ada '],
				['person_ids', 'p1'],
				['person_ids', 'p2'],
				['password', 'secret']
			])
		);
		expect(parsed).toEqual({
			ok: true,
			data: { name: 'Ada', person_ids: ['p1', 'p2'], password: 'secret' },
			values: { name: ' Ada ', person_ids: ['p1', 'p2'] }
		});
	});

	it('gives each missing field its own message and echoes what was typed, never a password', () => {
		const parsed = parseForm(
			schema,
			form([
				['name', ''],
				['password', 'secret']
			])
		);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors).toEqual({ name: 'Enter a name', person_ids: 'Choose at least one person' });
		expect(parsed.values).toEqual({ name: '' });
	});

	it('takes the first of repeated text values', () => {
		const parsed = parseForm(
			schema,
			form([
				['name', 'first'],
				['name', 'second'],
				['person_ids', 'p1']
			])
		);
		expect(parsed.ok && parsed.data.name).toBe('first');
	});
});

describe('parseForm through transforms', () => {
	it('finds the fields and lists of a schema whose result is transformed', () => {
		const transformed = z
			.object({ note: z.string(), ticked: z.array(z.string()).transform((ids) => ids.length) })
			.transform((v) => ({ ...v, note: v.note.toUpperCase() }));
		expect(parseForm(transformed, form([['ticked', 'a']]))).toMatchObject({ ok: true, data: { note: '', ticked: 1 } });
	});
});
