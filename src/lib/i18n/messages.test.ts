import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseLocale, supportedLocales } from './locales';

/**
 * The message catalogue (messages/<area>/<locale>.json, compiled by Paraglide): every key of the English
 * source exists in every language, with the same placeholders and the same markup, and no translation
 * is empty.
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

/**
 * The markup tags of one text, in order: `#link` opens, `/link` closes, `#teams/` stands alone
 * (`{#link}Show all modules{/link}`, rendered by RichText). A translation that drops or renames a tag
 * would silently lose its link or code.
 */
const tagsOf = (text: string) =>
	[...text.matchAll(/\{([#/])([\w-]+)[^{}]*?(\/?)\}/g)].map((t) => t[1]! + t[2]! + t[3]!);

/** Why a text's tags cannot be rendered (a close without its open, an open never closed, a tag inside another), or null. */
function unbalanced(tags: string[]): string | null {
	let open: string | null = null;
	for (const tag of tags) {
		if (tag.endsWith('/')) continue;
		const name = tag.slice(1);
		if (tag.startsWith('#')) {
			if (open !== null) return `{#${name}} inside {#${open}}`;
			open = name;
		} else if (open !== name) {
			return `{/${name}} without {#${name}}`;
		} else {
			open = null;
		}
	}
	return open === null ? null : `{#${open}} never closed`;
}

/** The tags of each of a message's texts, as a sorted list to compare. */
const markupOf = (texts: string[]) => texts.map((text) => tagsOf(text).sort().join(' '));

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

	it('closes every markup tag it opens, in English, and uses the same tags in every variant', () => {
		for (const [key, texts] of Object.entries(source)) {
			for (const text of texts) expect(unbalanced(tagsOf(text)), `${key}: ${text}`).toBeNull();
			expect(new Set(markupOf(texts)).size, key).toBe(1);
		}
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

		it(`uses the same markup tags in ${locale} as in English, each closed where it is opened`, () => {
			for (const [key, texts] of Object.entries(catalogue[locale])) {
				const english = markupOf(source[key] ?? [])[0];
				for (const text of texts) {
					expect(unbalanced(tagsOf(text)), `${key}: ${text}`).toBeNull();
					expect(tagsOf(text).sort().join(' '), `${key}: ${text}`).toBe(english);
				}
			}
		});
	}
});
