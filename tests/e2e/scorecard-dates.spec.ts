import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './worker-server';
import { DEMO_PASSWORD, fillSignInForm, freshContext, gotoReady, storageStateFor, text } from './fixtures';

/**
 * Months and dates on a team's scorecard in the reader's language (issue 16): Hannah reads
 * "november 2026" and "6 dec. 2026" as Dutch writes them, an English admin "Nov 2026" and
 * "6 Dec 2026" as British English does, the Dalian manager "2026年11月". Expected strings are
 * worked out with Intl from the periods and dates the page itself carries (the month picker's
 * values, `<time datetime>`), so they follow the day the demo was loaded.
 */

type Locale = 'en' | 'nl' | 'zh-CN';
const intlTag: Record<Locale, string> = { en: 'en-GB', nl: 'nl-NL', 'zh-CN': 'zh-CN' };
/** How each language names a month on a scorecard: Dutch and Chinese in full, English abbreviated. */
const monthStyle: Record<Locale, 'long' | 'short'> = { en: 'short', nl: 'long', 'zh-CN': 'long' };

/** A month key ("2026-11") as people in `locale` read it. */
function monthLabel(locale: Locale, key: string): string {
	const [year, month] = key.split('-').map(Number) as [number, number];
	const label = new Intl.DateTimeFormat(intlTag[locale], {
		year: 'numeric',
		month: monthStyle[locale],
		timeZone: 'UTC'
	}).format(Date.UTC(year, month - 1, 15));
	// ICU's British data abbreviates September to four letters; Ripple's English months all have three.
	return locale === 'en' ? label.replace(/^Sept /, 'Sep ') : label;
}

/** A calendar date ("2026-12-06") as Ripple writes one in `locale`: the medium date style. */
function dateLabel(locale: Locale, date: string): string {
	return new Intl.DateTimeFormat(intlTag[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(
		new Date(`${date}T12:00:00Z`)
	);
}

/** The month `steps` months after (or before) a month key. */
function shiftMonth(key: string, steps: number): string {
	const [year, month] = key.split('-').map(Number) as [number, number];
	const d = new Date(Date.UTC(year, month - 1 + steps, 1));
	return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

const fill = (template: string, values: Record<string, string>) =>
	template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);

async function teamScorecard(page: Page, team: string): Promise<string> {
	await gotoReady(page, '/measure');
	const href = await page.getByRole('table').getByRole('link', { name: team, exact: true }).getAttribute('href');
	const id = href?.match(/\/measure\/teams\/([^/?]+)/)?.[1];
	expect(id).toBeTruthy();
	const path = `/measure/teams/${id}`;
	await gotoReady(page, path);
	return path;
}

/**
 * The scorecard's heading, month picker, the How column's window and every chart's table of
 * numbers name months in `locale`.
 */
async function expectScorecardMonthsIn(page: Page, locale: Locale, team: string, trends: 'some' | 'any') {
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
	const picker = page.getByLabel(text(locale, 'measure_month'), { exact: true });
	const month = await picker.inputValue();
	expect(month).toMatch(/^\d{4}-\d{2}$/);

	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		fill(text(locale, 'measure_team_scorecard_heading'), { team, month: monthLabel(locale, month) })
	);

	// Two years of months to choose from, each named in the reader's language.
	const options = await picker
		.locator('option')
		.evaluateAll((list) => list.map((o) => [(o as HTMLOptionElement).value, o.textContent?.trim() ?? '']));
	expect(options.length).toBeGreaterThanOrEqual(12);
	expect(options).toEqual(options.map(([value]) => [value, monthLabel(locale, value!)]));

	await expect(
		page.getByText(
			fill(text(locale, 'measure_how_intro'), {
				first: monthLabel(locale, shiftMonth(month, -2)),
				last: monthLabel(locale, month)
			}),
			{ exact: true }
		)
	).toBeVisible();

	// Every chart's numbers, the sparklines' and the trends', list the twelve months to the chosen one.
	const twelve = Array.from({ length: 12 }, (_, i) => monthLabel(locale, shiftMonth(month, i - 11)));
	const tables = await page
		.getByRole('main')
		.locator('table')
		.evaluateAll((list) =>
			list.map((table) => [...table.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent?.trim()))
		);
	if (trends === 'some') expect(tables.length).toBeGreaterThan(0);
	for (const rows of tables) expect(rows).toEqual(twelve);
}

/** The scorecard's evidence: the day each observation was made, written as `locale` writes a date. */
async function expectEvidenceDatesIn(page: Page, locale: Locale, scorecard: string) {
	await gotoReady(page, `${scorecard}/observations`);
	const times = await page
		.getByRole('main')
		.locator('time[datetime]')
		.evaluateAll((list) => list.map((t) => [t.getAttribute('datetime') ?? '', t.textContent?.trim() ?? '']));
	expect(times.length).toBeGreaterThan(0);
	expect(times).toEqual(times.map(([date]) => [date, dateLabel(locale, date!)]));
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
	const page = await (await freshContext(browser)).newPage();
	await gotoReady(page, '/login');
	await fillSignInForm(page, email, DEMO_PASSWORD);
	await expect(page).toHaveURL(/\/$/);
	return page;
}

test.describe('Hannah, who works in Dutch', () => {
	test.use({ storageState: storageStateFor('leader'), locale: 'en-GB' });

	test('reads the months and dates of a team’s scorecard in Dutch', async ({ page }) => {
		const scorecard = await teamScorecard(page, 'Accounts Receivable');
		await expectScorecardMonthsIn(page, 'nl', 'Accounts Receivable', 'some');
		// Not the English abbreviation: a Dutch month is written in full, in lower case.
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(
			/: (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}$/
		);
		await expectEvidenceDatesIn(page, 'nl', scorecard);
	});
});

test.describe('an admin, who works in English', () => {
	test.use({ storageState: storageStateFor('admin'), locale: 'nl-NL' });

	test('reads the same scorecard’s months and dates in British English', async ({ page }) => {
		const scorecard = await teamScorecard(page, 'Accounts Receivable');
		await expectScorecardMonthsIn(page, 'en', 'Accounts Receivable', 'some');
		await expectEvidenceDatesIn(page, 'en', scorecard);
		// Day, month, year: 6 Dec 2026, never Dec 6, 2026.
		const first = await page.getByRole('main').locator('time[datetime]').first().textContent();
		expect(first?.trim()).toMatch(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/);
	});
});

test.describe('the Dalian manager, who works in Chinese', () => {
	test('reads his team’s scorecard months in Chinese', async ({ browser }) => {
		const page = await signedIn(browser, 'liwei.chen@northwind.example');
		await teamScorecard(page, 'Accounts Payable Asia Pacific');
		await expectScorecardMonthsIn(page, 'zh-CN', 'Accounts Payable Asia Pacific', 'any');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/：\d{4}年\d{1,2}月$/);
		await page.context().close();
	});
});
