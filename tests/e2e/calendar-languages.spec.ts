import { readFile } from 'node:fs/promises';
import { type Browser, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { expect, test } from './worker-server';
import { DEMO_PASSWORD, fillSignInForm, freshContext, gotoReady, storageStateFor, text } from './fixtures';

/**
 * Calendar files in the person's language (issue 16): an event downloaded from a lunch-and-learn
 * session is titled and described in the language of whoever downloads it, and the private
 * subscription feed, which calendar apps fetch with nobody signed in, in its owner's.
 */

type Locale = 'en' | 'nl' | 'zh-CN';

/** A demo session with places to spare, in every worker's copy of the demo (src/lib/server/demo/connect.ts). */
const TOPIC = 'Month-end close, explained in 30 minutes';

const people: { who: string; locale: Locale; open: (browser: Browser) => Promise<Page> }[] = [
	{
		who: 'Hannah, who works in Dutch',
		locale: 'nl',
		open: async (browser) => (await browser.newContext({ storageState: storageStateFor('leader') })).newPage()
	},
	{
		who: 'Priya, who works in English',
		locale: 'en',
		open: async (browser) => (await browser.newContext({ storageState: storageStateFor('staff') })).newPage()
	},
	{
		who: 'Wang Fang, who works in Chinese',
		locale: 'zh-CN',
		open: async (browser) => {
			const page = await (await freshContext(browser)).newPage();
			await gotoReady(page, '/login');
			await fillSignInForm(page, 'fang.wang@northwind.example', DEMO_PASSWORD);
			await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
			return page;
		}
	}
];

/** A message with its placeholders filled in, as Paraglide words it. */
function fill(template: string, values: Record<string, string>): string {
	return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

const escaped = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A message as a pattern, each placeholder standing for any text. */
function pattern(template: string): RegExp {
	return new RegExp(
		`^${template
			.split(/\{\w+\}/)
			.map(escaped)
			.join('.+')}$`,
		's'
	);
}

function events(ics: string): ICAL.Component[] {
	return ICAL.Component.fromString(ics).getAllSubcomponents('vevent');
}

function textOf(event: ICAL.Component, name: string): string {
	const value = event.getFirstPropertyValue(name);
	if (typeof value !== 'string') throw new Error(`${name} is not text`);
	return value;
}

/** Opens the session, books a place if the person has none yet, and returns the session's id. */
async function bookSession(page: Page, locale: Locale): Promise<string> {
	await gotoReady(page, '/connect/sessions');
	await page.getByRole('link', { name: TOPIC, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: TOPIC })).toBeVisible();
	await page.waitForLoadState('networkidle');
	const book = page.getByRole('button', { name: text(locale, 'connect_session_book') });
	if (await book.count()) await book.click();
	await expect(page.getByText(text(locale, 'connect_session_you_have_a_place'), { exact: true })).toBeVisible();
	const id = new URL(page.url()).pathname.split('/').pop();
	expect(id).toBeTruthy();
	return id!;
}

/** Checks a session's event is worded in `locale`, and in no other language Ripple speaks. */
function expectSessionEventIn(event: ICAL.Component, locale: Locale) {
	expect(textOf(event, 'summary')).toBe(fill(text(locale, 'connect_ics_session_title'), { topic: TOPIC }));
	// The description is what the organiser wrote (in their words), then who presents it, in the reader's.
	const presenter = textOf(event, 'description').split('\n\n').pop()!;
	expect(presenter).toMatch(pattern(text(locale, 'connect_ics_session_presenter')));
	for (const other of (['en', 'nl', 'zh-CN'] as const).filter((l) => l !== locale)) {
		expect(textOf(event, 'summary')).not.toMatch(pattern(text(other, 'connect_ics_session_title')));
		expect(presenter).not.toMatch(pattern(text(other, 'connect_ics_session_presenter')));
	}
}

for (const { who, locale, open } of people) {
	test.describe(who, () => {
		test('downloads a session’s calendar file worded in their language', async ({ browser }) => {
			const page = await open(browser);
			const id = await bookSession(page, locale);
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.getByRole('link', { name: text(locale, 'connect_add_to_calendar') }).click()
			]);
			expect(download.suggestedFilename()).toMatch(/\.ics$/);
			const [event] = events(await readFile((await download.path())!, 'utf8'));
			expect(textOf(event!, 'uid')).toBe(`session-${id}@ripple`);
			expectSessionEventIn(event!, locale);
			await page.context().close();
		});

		test('subscribes to a calendar feed worded in their language, whatever language the calendar app asks for', async ({
			browser
		}) => {
			const page = await open(browser);
			const id = await bookSession(page, locale);
			await gotoReady(page, '/profile');
			await page
				.getByRole('button', {
					name: new RegExp(
						`^(${[text(locale, 'shell_profile_calendar_make'), text(locale, 'shell_profile_calendar_renew')]
							.map(escaped)
							.join('|')})$`
					)
				})
				.click();
			const address = await page.getByLabel(text(locale, 'shell_profile_calendar_address')).inputValue();
			expect(address).toMatch(/\/calendar\/[a-z2-7]{32}\.ics$/);

			// The calendar app: nobody signed in, and a language other than the owner's.
			const app = await browser.newContext({
				storageState: { cookies: [], origins: [] },
				locale: locale === 'en' ? 'nl-NL' : 'en-GB'
			});
			const feed = await app.request.get(address);
			expect(feed.status()).toBe(200);
			const session = events(await feed.text()).find((e) => textOf(e, 'uid') === `session-${id}@ripple`);
			expect(session).toBeDefined();
			expectSessionEventIn(session!, locale);
			await app.close();
			await page.context().close();
		});
	});
}
