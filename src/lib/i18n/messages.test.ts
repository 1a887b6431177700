import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseLocale, supportedLocales } from './locales';

/**
 * The message catalogue (messages/<area>/<locale>.json, compiled by Paraglide): every key of the English
 * source exists in every language, with the same placeholders, and no translation is empty.
 */
/** A message is text, or variants (plurals) whose texts are the values of `match`. */
type Message = string | { match: Record<string, string> }[];
const textsOf = (message: Message): string[] =>
	typeof message === 'string' ? [message] : message.flatMap((variant) => Object.values(variant.match));

/** Every area's file (messages/<area>/<locale>.json, as project.inlang/settings.json lists them). */
const areas = readdirSync('messages', { withFileTypes: true })
	.filter((entry) => entry.isDirectory())
	.map((entry) => entry.name);

/** Which area files hold each key: one each, or the compiled catalogue would keep only one. */
const owners = new Map<string, string[]>();

const catalogue = Object.fromEntries(
	supportedLocales.map((locale) => {
		const messages: Record<string, string[]> = {};
		for (const area of areas) {
			const file = JSON.parse(readFileSync(`messages/${area}/${locale}.json`, 'utf8')) as Record<string, Message>;
			for (const [key, message] of Object.entries(file)) {
				if (key === '$schema') continue;
				messages[key] = textsOf(message);
				if (locale === baseLocale) owners.set(key, [...(owners.get(key) ?? []), area]);
			}
		}
		return [locale, messages];
	})
) as Record<(typeof supportedLocales)[number], Record<string, string[]>>;

/** The placeholders a message uses, across all its variants. */
const placeholders = (texts: string[]) =>
	[...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))].sort();
const source = catalogue[baseLocale];

describe('the message catalogue', () => {
	it('has messages, and names every area file in the inlang settings', () => {
		expect(Object.keys(source).length).toBeGreaterThan(0);
		const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as {
			'plugin.inlang.messageFormat': { pathPattern: string[] };
		};
		expect([...settings['plugin.inlang.messageFormat'].pathPattern].sort()).toEqual(
			areas.map((area) => `./messages/${area}/{locale}.json`).sort()
		);
	});

	it('keeps each key in one area', () => {
		expect([...owners].filter(([, holders]) => holders.length > 1)).toEqual([]);
	});

	for (const locale of supportedLocales.filter((l) => l !== baseLocale)) {
		it(`has every message in ${locale}, with the same placeholders, none empty`, () => {
			const messages = catalogue[locale];
			expect(Object.keys(messages).sort()).toEqual(Object.keys(source).sort());
			for (const [key, texts] of Object.entries(messages)) {
				expect(texts.length, key).toBeGreaterThan(0);
				for (const text of texts) expect(text.trim(), key).not.toBe('');
				expect(placeholders(texts), key).toEqual(placeholders(source[key]!));
			}
		});
	}
});
