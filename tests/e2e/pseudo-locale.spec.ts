import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import SQLite from 'better-sqlite3';
import { matrix, personaLabels, personas, type Objects, type Persona } from './authz/matrix';
import { lookUpObjects } from './authz/objects';
import { routeTree, urlOf } from './authz/routes';
import { DEMO_PASSWORD, storageStateFor } from './fixtures';
import { root, sessionCookie } from './servers';
import { variantTest } from './variant-server';
import { CLOSE, OPEN } from '../builds/pseudo';

/**
 * The pseudo-locale run (issue 16): Ripple built with every message transformed (tests/builds/build.ts)
 * renders every page of the route tree as every persona the authorization matrix lets see it, and the
 * pages the others are refused with. Every text a person reads, in the page or in the attributes
 * assistive technology reads out, must come from messages, except data: what the database holds
 * (names, titles, comments people typed), course content (translated as content, not as messages),
 * and numbers, dates and times as Intl formats them.
 */

const test = variantTest('pseudo-app');
const seen = new Map<string, { ids: Objects; data: Set<string> }>();
/** The objects and texts of a variant server's database, read once per worker. */
function lookUp(databasePath: string) {
	let found = seen.get(databasePath);
	if (!found) {
		found = { ids: lookUpObjects(databasePath), data: databaseTexts(databasePath) };
		seen.set(databasePath, found);
	}
	return found;
}

/** Every text value the database holds, but identifiers and codes (lower-case words joined by _ - . :). */
function databaseTexts(databasePath: string): Set<string> {
	const db = new SQLite(databasePath, { readonly: true });
	const texts = new Set<string>();
	try {
		const tables = db.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[];
		for (const table of tables) {
			for (const row of db.prepare(`select * from "${table}"`).raw().iterate() as Iterable<unknown[]>) {
				for (const value of row) {
					if (typeof value !== 'string' || value.length < 2 || /^[a-z0-9_.:/-]+$/.test(value)) continue;
					texts.add(normalise(value));
					// A page may quote a text, or end a sentence around it.
					texts.add(bareOf(value));
				}
			}
		}
	} finally {
		db.close();
	}
	return texts;
}

/** Typography mdsvex and people vary: curly quotes, dashes, ellipses, runs of white space. */
function normalise(text: string): string {
	return text
		.replace(/[‘’]/g, "'")
		.replace(/[“”]/g, '"')
		.replace(/[–—]/g, '-')
		.replace(/…/g, '...')
		.replace(/\s+/g, ' ')
		.trim();
}

/** A text without the punctuation, symbols and digits around it. */
function bareOf(text: string): string {
	return normalise(text).replace(/^[\s\p{P}\p{S}\p{N}]+|[\s\p{P}\p{S}\p{N}]+$/gu, '');
}

/** Text as the content corpus holds it: Markdown's marks and brackets as spaces. */
function asContent(text: string): string {
	return normalise(text.replace(/[*_`#>[\]()]/g, ' '));
}

/** All course content, Markdown and JSON, as one text to find a lesson's sentence in. */
const contentCorpus = (() => {
	const texts: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else texts.push(readFileSync(path, 'utf8'));
		}
	};
	walk(join(root, 'content'));
	return asContent(texts.join('\n'));
})();

/** Month and weekday names, day periods and relative-time words, as Intl writes them in each language. */
const intlWords = (() => {
	const words = new Set<string>();
	const add = (text: string) => {
		for (const word of text.split(/[^\p{L}]+/u)) if (word) words.add(word.toLowerCase());
	};
	for (const locale of ['en-GB', 'nl-NL', 'zh-CN']) {
		for (let day = 0; day < 7; day++) {
			const date = new Date(Date.UTC(2026, 10, 1 + day));
			for (const option of ['long', 'short'] as const)
				add(new Intl.DateTimeFormat(locale, { weekday: option }).format(date));
		}
		for (const type of ['conjunction', 'disjunction'] as const)
			add(new Intl.ListFormat(locale, { type }).format(['x', 'y', 'z']).replace(/[xyz]/g, ' '));
		for (let month = 0; month < 12; month++) {
			const date = new Date(Date.UTC(2026, month, 1 + month));
			for (const option of ['long', 'short'] as const) {
				add(new Intl.DateTimeFormat(locale, { month: option, weekday: option }).format(date));
				add(new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date));
				add(new Intl.DateTimeFormat(locale, { dateStyle: 'full' }).format(date));
			}
		}
		const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
		for (const unit of ['year', 'month', 'week', 'day', 'hour', 'minute'] as const)
			for (const n of [-3, -1, 0, 1, 3]) add(relative.format(n, unit));
	}
	return words;
})();

/** Text that is not a message and not data: what remains once both are taken away, or null. */
function untranslated(text: string, data: ReadonlySet<string>): string | null {
	let rest = normalise(text);
	if (data.has(rest)) return null;
	// Messages may hold messages (a placeholder worded by another): take the innermost first.
	const fenced = new RegExp(`${OPEN}[^${OPEN}${CLOSE}]*${CLOSE}`, 'g');
	for (let before = ''; before !== rest;) [before, rest] = [rest, rest.replace(fenced, '\n')];
	for (const piece of rest.split(/·|•|\||—| - | \+ |\n/)) {
		if (isAccounted(piece, data)) continue;
		// A list of data (names, module titles) joined by Intl's separators and words, or a name and
		// what it is of, in one text: each part on its own.
		const parts = piece.split(/, | and | en | or | of |: |、|，|：|和|或/);
		if (parts.length > 1 && parts.every((part) => isAccounted(part, data))) continue;
		return piece.trim();
	}
	return null;
}

/** Whether a piece of text is data, a transformed message, Intl's words, course content or a name Ripple keeps. */
function isAccounted(piece: string, data: ReadonlySet<string>): boolean {
	const bare = bareOf(piece);
	if (!/\p{L}.*\p{L}|\p{Script=Han}/u.test(bare)) return true;
	if (data.has(bare) || data.has(normalise(piece))) return true;
	// Part of a message whose markup split it into several text nodes: every letter transformed,
	// bar the data a placeholder put in it.
	const unaccented = normalise(
		bare.replace(/\S*[^\p{ASCII}]\S*/gu, (word) => (/[A-Za-z]|\p{Script=Han}/u.test(word) ? word : ' '))
	);
	if (!/\p{L}/u.test(unaccented) || data.has(bareOf(unaccented))) return true;
	if (bare.split(/[^\p{L}]+/u).every((word) => !word || intlWords.has(word.toLowerCase()))) return true;
	// Time zones by their IANA names, as the time zone chooser lists them, and addresses.
	if (/^(?:[A-Z][A-Za-z_-]+\/)+[A-Za-z_+-]+$|^UTC$/.test(bare) || /^https?:\/\/\S+$/.test(piece.trim())) return true;
	if (contentCorpus.includes(asContent(bare))) return true;
	if (bare.split(/[()]/).every((part) => !/\p{L}/u.test(part) || contentCorpus.includes(asContent(part)))) return true;
	return ['Ripple', 'English', 'Nederlands', '简体中文'].includes(bare);
}

/** The texts of a page a person reads or hears: text nodes, the title, labels and hints in attributes. */
async function textsOf(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const texts = [document.title];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			// Code is written as the machine reads it: CSV columns, keys, codes, the demo password.
			if (node.parentElement?.closest('script, style, noscript, template, code, kbd, samp')) continue;
			if (node.textContent?.trim()) texts.push(node.textContent);
		}
		for (const element of document.querySelectorAll(
			'[aria-label], [title], [placeholder], [alt], [aria-description]'
		)) {
			for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
				const value = element.getAttribute(name);
				if (value?.trim()) texts.push(value);
			}
		}
		for (const button of document.querySelectorAll<HTMLInputElement>('input[type=submit], input[type=button]'))
			texts.push(button.value);
		return texts;
	});
}

const tree = routeTree(join(root, 'src/routes')).filter((route) => route.page && matrix[route.id]?.page);
const roleOf: Partial<Record<Persona, 'staff' | 'manager' | 'leader' | 'admin'>> = {
	staff: 'staff',
	mgr: 'manager',
	lead: 'leader',
	admin: 'admin'
};
const strangers: Partial<Record<Persona, string>> = {
	mgrX: 'carlos.mendoza@northwind.example',
	leadX: 'isabelle.laurent@northwind.example'
};

async function contextFor(
	persona: Persona,
	origin: string,
	browser: import('@playwright/test').Browser
): Promise<BrowserContext> {
	const role = roleOf[persona];
	if (role) return browser.newContext({ baseURL: origin, storageState: storageStateFor(role) });
	const context = await browser.newContext({ baseURL: origin, storageState: { cookies: [], origins: [] } });
	const email = strangers[persona];
	if (email) {
		const response = await context.request.post('/login', {
			form: { email, password: DEMO_PASSWORD },
			headers: { origin },
			maxRedirects: 0
		});
		const cookie = sessionCookie(response);
		if (!cookie) throw new Error(`Signing in as ${email} answered ${response.status()}`);
		const [name, value] = cookie.split('=') as [string, string];
		await context.addCookies([{ name, value, url: origin }]);
	}
	return context;
}

for (const route of tree) {
	test(`${route.id} speaks only messages and data, to everyone it answers`, async ({ variant, browser }) => {
		const pseudo = { origin: variant.origin, ...lookUp(variant.databasePath) };
		const rule = matrix[route.id]!;
		const url = urlOf(route.id, rule.params?.(pseudo.ids) ?? {}) + (rule.query?.(pseudo.ids) ?? '');
		// Everyone who may see the page, and one persona it refuses (its error page is read too).
		const allowed = personas.filter((p) => rule.page![p] === 'ok');
		const refused = personas.find((p) => rule.page![p] === 'forbidden' || rule.page![p] === 'hidden');
		// What the address holds (a code to check, say) is the visitor's input: data too.
		const data = new Set([...pseudo.data, ...url.split(/[/?&=]/).filter(Boolean)]);
		const found: string[] = [];
		for (const persona of refused ? [...allowed, refused] : allowed) {
			const context = await contextFor(persona, pseudo.origin, browser);
			try {
				const page = await context.newPage();
				await page.goto(url);
				for (const text of await textsOf(page)) {
					const left = untranslated(text, data);
					if (left) found.push(`as ${personaLabels[persona]}: “${left}”`);
				}
			} finally {
				await context.close();
			}
		}
		expect([...new Set(found)], `text on ${url} that is neither a message nor data`).toEqual([]);
	});
}

test('covers every page of the route tree', () => {
	const pages = routeTree(join(root, 'src/routes')).filter((route) => route.page);
	expect(tree.map((route) => route.id)).toEqual(pages.map((route) => route.id));
});
