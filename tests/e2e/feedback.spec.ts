import { type Browser, type Page } from '@playwright/test';
import { feedbackReasons, reasonLabel } from '../../src/lib/feedback';
import { expect, test } from './worker-server';
import { expectNoAxeViolations, freshContext, gotoReady, storageStateFor, unique, type DemoRole } from './fixtures';

async function signedIn(browser: Browser, role: DemoRole): Promise<Page> {
	return (await browser.newContext({ storageState: storageStateFor(role) })).newPage();
}

/** The manager's own team (Accounts Payable) is the default of the team learning page, whose export link names it. */
async function accountsPayableId(manager: Page): Promise<string> {
	await gotoReady(manager, '/learn/team');
	const href = await manager.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
	const id = new URL(href ?? '', 'http://x').searchParams.get('team');
	expect(id).toBeTruthy();
	return id!;
}

async function createCaseLink(manager: Page, reference: string, email = ''): Promise<string> {
	const form = manager.getByRole('region', { name: 'Link for one case' });
	await form.getByLabel('Case reference').fill(reference);
	await form.getByLabel('Requester’s email (optional)').fill(email);
	await form.getByRole('button', { name: 'Create case link' }).click();
	const field = manager.getByLabel(`Feedback link for ${reference}`);
	await expect(field).toBeVisible();
	const url = await field.inputValue();
	expect(url).toMatch(/\/feedback\/[a-z2-7]{32}$/);
	return url;
}

test('a case link is answered once by a signed-out requester and read by the team’s manager', async ({ browser }) => {
	const reference = `AP-${unique()}`;
	const requester = `requester.${unique()}@e2e.example`;
	const comment = `The supplier query was settled the same day ${unique()}.`;

	const manager = await signedIn(browser, 'manager');
	const teamId = await accountsPayableId(manager);
	const feedbackPage = `/measure/teams/${teamId}/feedback`;
	await gotoReady(manager, feedbackPage);
	await expect(manager.getByRole('heading', { level: 1, name: 'Case feedback: Accounts Payable' })).toBeVisible();
	await expectNoAxeViolations(manager);

	const url = await createCaseLink(manager, reference, requester);
	const mail = manager.getByRole('link', { name: `Email the link to ${requester}` });
	await expect(mail).toHaveAttribute('href', new RegExp(`^mailto:${requester.replace(/\./g, '\\.')}\\?subject=`));
	expect(decodeURIComponent((await mail.getAttribute('href')) ?? '')).toContain(url);

	// The requester has no account: a browser with no cookies at all.
	const context = await freshContext(browser);
	const visitor = await context.newPage();
	await gotoReady(visitor, url);
	await expect(
		visitor.getByRole('heading', { level: 1, name: `How did Accounts Payable handle your request ${reference}?` })
	).toBeVisible();
	await expect(visitor.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
	await expect(visitor.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
	await expectNoAxeViolations(visitor);

	// Forgetting the score keeps what was typed.
	await visitor.getByLabel('Anything you would like to tell the team? (optional)').fill(comment);
	await visitor.getByRole('button', { name: 'Send feedback' }).click();
	await expect(visitor.getByText('Choose a score from 0 to 10')).toBeVisible();
	await expect(visitor.getByLabel('Anything you would like to tell the team? (optional)')).toHaveValue(comment);

	await visitor.getByRole('radio', { name: '9', exact: true }).check();
	// Each reason is named by its words alone: the chip's "+" or tick is drawn, not read out.
	for (const reason of feedbackReasons) {
		await expect(visitor.getByRole('checkbox', { name: reasonLabel(reason.key), exact: true })).toBeVisible();
	}
	await visitor.getByRole('checkbox', { name: 'Resolved first time', exact: true }).check();
	await expect(visitor.getByRole('checkbox', { name: 'Resolved first time', exact: true })).toBeChecked();
	await visitor.getByRole('checkbox', { name: 'Had to repeat myself', exact: true }).check();
	await visitor.getByLabel('Amount of time lost').fill('1.5');
	await visitor.getByLabel('Unit').selectOption('hours');
	await visitor.getByRole('button', { name: 'Send feedback' }).click();
	await expect(visitor.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
	await expect(visitor.getByRole('status')).toHaveText('Your feedback has reached Accounts Payable.');
	await expectNoAxeViolations(visitor);

	// The same link again: one answer per case.
	const again = await visitor.goto(url);
	expect(again?.status()).toBe(409);
	await expect(visitor.getByText('This request already has an answer, thank you.')).toBeVisible();
	await context.close();

	// The manager reads it, with its case but never the requester's address.
	await gotoReady(manager, feedbackPage);
	const responses = manager.getByRole('region', { name: 'Responses' });
	const answer = responses.getByRole('listitem').filter({ hasText: reference });
	await expect(answer).toContainText(comment);
	await expect(answer).toContainText('Resolved first time');
	await expect(answer).toContainText('Had to repeat myself');
	await expect(answer).toContainText('Time lost: 1 h 30 min');
	await expect(answer.getByLabel('Score 9 out of 10')).toBeVisible();
	await expect(manager.getByText(requester)).toHaveCount(0);
	await expect(
		manager.getByRole('region', { name: 'Links' }).getByRole('row').filter({ hasText: reference })
	).toContainText('Answered');
	await expectNoAxeViolations(manager);
	await manager.context().close();
});

test('a closed link tells the requester it no longer works', async ({ browser }) => {
	const reference = `AP-${unique()}`;
	const manager = await signedIn(browser, 'manager');
	const teamId = await accountsPayableId(manager);
	await gotoReady(manager, `/measure/teams/${teamId}/feedback`);
	const url = await createCaseLink(manager, reference);
	await manager.getByRole('button', { name: `Close the link for ${reference}` }).click();
	await expect(manager.getByRole('status')).toHaveText('Link closed. It no longer takes answers.');
	await expect(
		manager.getByRole('region', { name: 'Links' }).getByRole('row').filter({ hasText: reference })
	).toContainText('Closed');

	const context = await freshContext(browser);
	const visitor = await context.newPage();
	const response = await visitor.goto(url);
	expect(response?.status()).toBe(410);
	await expect(visitor.getByRole('heading', { level: 1, name: 'This feedback link no longer works' })).toBeVisible();
	await expectNoAxeViolations(visitor);

	const unknown = await visitor.goto('/feedback/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
	expect(unknown?.status()).toBe(404);
	await expect(visitor.getByRole('heading', { level: 1, name: 'We could not find this feedback link' })).toBeVisible();
	await context.close();
	await manager.context().close();
});

test('leaders and staff cannot open a team’s case feedback', async ({ browser }) => {
	const manager = await signedIn(browser, 'manager');
	const teamId = await accountsPayableId(manager);
	await manager.context().close();
	// The leader sees the team, so is told the page is not theirs (403); staff do not see it at all (404).
	for (const [role, status] of [
		['leader', 403],
		['staff', 404]
	] as const) {
		const page = await signedIn(browser, role);
		const response = await page.goto(`/measure/teams/${teamId}/feedback`);
		expect(response?.status(), role).toBe(status);
		await page.context().close();
	}
});

// Standing team links, answered by signed-in people once a month each: feedback-standing.spec.ts.
