import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseLocale, supportedLocales } from './locales';

/**
 * The message catalogue (messages/<locale>.json, compiled by Paraglide): every key of the English
 * source exists in every language, with the same placeholders, and no translation is empty.
 */
const catalogue = Object.fromEntries(
	supportedLocales.map((locale) => {
		const file = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;
		return [locale, Object.fromEntries(Object.entries(file).filter(([key]) => key !== '$schema'))];
	})
) as Record<(typeof supportedLocales)[number], Record<string, string>>;

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const source = catalogue[baseLocale];

describe('the message catalogue', () => {
	it('has messages', () => {
		expect(Object.keys(source).length).toBeGreaterThan(0);
	});

	for (const locale of supportedLocales.filter((l) => l !== baseLocale)) {
		it(`has every message in ${locale}, with the same placeholders, none empty`, () => {
			const messages = catalogue[locale];
			expect(Object.keys(messages).sort()).toEqual(Object.keys(source).sort());
			for (const [key, text] of Object.entries(messages)) {
				expect(text.trim(), key).not.toBe('');
				expect(placeholders(text), key).toEqual(placeholders(source[key]!));
			}
		});
	}
});
