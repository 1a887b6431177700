import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './worker-server';
import { expectNoAxeViolations, gotoReady, storageStateFor, text, unique } from './fixtures';

/**
 * The public case-feedback form in the requester's language (issue 16): a requester has no account,
 * so the form speaks their browser's language, or the one they choose on it, which is remembered.
 * Whatever language it was answered in, the team reads the answer in theirs.
 */

type Locale = 'en' | 'nl' | 'zh-CN';
const TEAM = 'Accounts Payable';

const fill = (template: string, values: Record<string, string>) =>
	template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);

/** The form's question, as a requester in `locale` reads it. */
const question = (locale: Locale, reference: string) =>
	fill(text(locale, 'measure_answer_question_case'), { team: TEAM, reference });

async function managerPage(browser: Browser): Promise<Page> {
	return (await browser.newContext({ storageState: storageStateFor('manager') })).newPage();
}

/** The manager's Accounts Payable case-feedback page (the team learning page's export link names the team). */
async function openCaseFeedback(manager: Page): Promise<void> {
	await gotoReady(manager, '/learn/team');
	const href = await manager.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
	const id = new URL(href ?? '', 'http://x').searchParams.get('team');
	expect(id).toBeTruthy();
	await gotoReady(manager, `/measure/teams/${id}/feedback`);
}

/** Tomasz, who manages Accounts Payable in English, makes a link for one case. */
async function createCaseLink(manager: Page, reference: string): Promise<string> {
	await openCaseFeedback(manager);
	const form = manager.getByRole('region', { name: 'Link for one case' });
	await form.getByLabel('Case reference').fill(reference);
	await form.getByRole('button', { name: 'Create case link' }).click();
	const field = manager.getByLabel(`Feedback link for ${reference}`);
	await expect(field).toBeVisible();
	const url = await field.inputValue();
	expect(url).toMatch(/\/feedback\/[a-z2-7]{32}$/);
	return url;
}

/** A requester's browser: no cookies at all, asking for `locale`. */
async function requester(browser: Browser, locale: string): Promise<Page> {
	return (await browser.newContext({ storageState: { cookies: [], origins: [] }, locale })).newPage();
}

async function expectFormIn(page: Page, locale: Locale, reference: string) {
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(question(locale, reference));
	await expect(page.getByRole('button', { name: text(locale, 'measure_answer_send') })).toBeVisible();
	await expect(page.getByRole('group', { name: text(locale, 'measure_answer_score_legend') })).toBeVisible();
}

test('a requester’s browser in Dutch or Chinese gets the case feedback form in that language', async ({ browser }) => {
	const reference = `AP-${unique()}`;
	const manager = await managerPage(browser);
	const url = await createCaseLink(manager, reference);
	await manager.context().close();

	for (const [browserLocale, locale] of [
		['nl-NL', 'nl'],
		['zh-CN', 'zh-CN'],
		['en-GB', 'en']
	] as const) {
		const page = await requester(browser, browserLocale);
		await gotoReady(page, url);
		await expectFormIn(page, locale, reference);
		await expect(page.getByLabel(text(locale, 'language_label'))).toHaveValue(locale);
		if (locale !== 'en') await expectNoAxeViolations(page);

		// A link that does not exist is explained in the same language.
		const unknown = await page.goto('/feedback/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
		expect(unknown?.status()).toBe(404);
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(locale, 'measure_public_error_not_found'));
		await expect(page.getByRole('alert')).toHaveText(text(locale, 'measure_link_unknown'));
		await page.context().close();
	}
});

test('a requester chooses another language on the form, and it is remembered on the next visit', async ({
	browser
}) => {
	const reference = `AP-${unique()}`;
	const manager = await managerPage(browser);
	const url = await createCaseLink(manager, reference);
	await manager.context().close();

	const page = await requester(browser, 'nl-NL');
	await gotoReady(page, url);
	await expectFormIn(page, 'nl', reference);
	await page.getByLabel(text('nl', 'language_label')).selectOption({ label: '简体中文' });
	await expectFormIn(page, 'zh-CN', reference);
	// Back on the same form, not elsewhere, and nothing was answered by choosing.
	expect(new URL(page.url()).pathname).toBe(new URL(url).pathname);

	// The next visit, in the same browser that still asks for Dutch: the choice wins.
	const again = await page.context().newPage();
	await gotoReady(again, url);
	await expectFormIn(again, 'zh-CN', reference);
	await expect(again.getByLabel(text('zh-CN', 'language_label'))).toHaveValue('zh-CN');
	await page.context().close();
});

test('a requester answers in Dutch, and the team reads the answer in English', async ({ browser }) => {
	const reference = `AP-${unique()}`;
	const comment = `De leveranciersvraag was dezelfde dag opgelost ${unique()}.`;
	const manager = await managerPage(browser);
	const url = await createCaseLink(manager, reference);

	const page = await requester(browser, 'nl-NL');
	await gotoReady(page, url);
	await expectFormIn(page, 'nl', reference);

	// Forgetting the score is refused in Dutch, keeping what was typed.
	await page.getByLabel(text('nl', 'measure_answer_comment_label')).fill(comment);
	await page.getByRole('button', { name: text('nl', 'measure_answer_send') }).click();
	await expect(
		page.getByText(fill(text('nl', 'measure_answer_score_required'), { min: '0', max: '10' }))
	).toBeVisible();
	await expect(page.getByLabel(text('nl', 'measure_answer_comment_label'))).toHaveValue(comment);

	await page.getByRole('radio', { name: '8', exact: true }).check();
	await page.getByRole('checkbox', { name: text('nl', 'measure_reason_resolved_first_time'), exact: true }).check();
	await page.getByRole('checkbox', { name: text('nl', 'measure_reason_had_to_repeat'), exact: true }).check();
	// A Dutch requester writes one and a half with a decimal comma.
	await page.getByLabel(text('nl', 'measure_answer_time_lost_amount')).fill('1,5');
	await page.getByLabel(text('nl', 'measure_answer_time_unit'), { exact: true }).selectOption('hours');
	await page.getByRole('button', { name: text('nl', 'measure_answer_send') }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('nl', 'measure_thanks_title'));
	await expect(page.getByRole('status')).toHaveText(fill(text('nl', 'measure_thanks_reached'), { team: TEAM }));
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

	// The same link again: one answer per case, and the requester is told so in Dutch.
	const again = await page.goto(url);
	expect(again?.status()).toBe(409);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('nl', 'measure_public_error_answered'));
	await expect(page.getByRole('status')).toHaveText(text('nl', 'measure_link_answered'));
	await page.context().close();

	// The manager reads it in English: the reasons are the team's words, the comment the requester's.
	await openCaseFeedback(manager);
	const answer = manager
		.getByRole('region', { name: 'Responses' })
		.getByRole('listitem')
		.filter({ hasText: reference });
	await expect(answer).toContainText(comment);
	await expect(answer).toContainText('Resolved first time');
	await expect(answer).toContainText('Had to repeat myself');
	await expect(answer).toContainText('Time lost: 1 h 30 min');
	await expect(answer.getByLabel('Score 8 out of 10')).toBeVisible();
	await manager.context().close();
});
