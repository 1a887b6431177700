import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request, type Browser, type Page } from '@playwright/test';
import { expect, test } from './worker-server';
import { backupSqlite } from '../../src/lib/server/db/backup';
import { demoLocales, expectNoAxeViolations, fillSignInForm, gotoReady, DEMO_PASSWORD, text, unique } from './fixtures';
import { freePorts, root, startInstance, stopInstance, waitUntilHealthy, type Instance } from './servers';

/**
 * Standing feedback links (issue 13): one person must not be able to lift a team over the
 * anonymity threshold. The spec answers from outside, as a script and as people in a browser,
 * on a server of its own (a copy of the demo database, with a small per-address answer limit),
 * so the answers it sends disturb no other test.
 */

// One server for the file; each test builds on the answers of the one before.
test.describe.configure({ mode: 'serial' });

/** Answers one client address may send an hour on this server. */
const ANSWERS_PER_HOUR = 3;

let dir: string;
let server: Instance;
let manager: Page;
let standingUrl: string;
let standingPath: string;

async function signedInPage(browser: Browser, email: string, javaScriptEnabled = true): Promise<Page> {
	const context = await browser.newContext({
		baseURL: server.origin,
		storageState: { cookies: [], origins: [] },
		javaScriptEnabled
	});
	const page = await context.newPage();
	await page.goto('/login');
	await fillSignInForm(page, email, DEMO_PASSWORD);
	await expect(page).toHaveURL(`${server.origin}/`);
	return page;
}

/** Accounts Payable, the demo manager's team, named by the export link of the team learning page. */
async function accountsPayableFeedback(page: Page): Promise<string> {
	await gotoReady(page, '/learn/team');
	const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
	const id = new URL(href ?? '', 'http://x').searchParams.get('team');
	expect(id).toBeTruthy();
	return `/measure/teams/${id}/feedback`;
}

/** What the team's page says the open standing link has: its number of answers. */
async function standingAnswers(): Promise<string> {
	await gotoReady(manager, await accountsPayableFeedback(manager));
	const row = manager
		.getByRole('region', { name: 'Links' })
		.getByRole('row')
		.filter({ hasText: 'Standing team link' })
		.filter({ hasText: 'Open' });
	await expect(row).toHaveCount(1);
	return (await row.locator('td[data-label="Answers"]').textContent())?.trim() ?? '';
}

test.beforeAll(async ({ browser }) => {
	test.setTimeout(120_000);
	dir = mkdtempSync(join(tmpdir(), 'ripple-standing-'));
	const databasePath = join(dir, 'standing.db');
	await backupSqlite(join(root, 'tests/.tmp/e2e.db'), databasePath);
	const [port] = await freePorts(1);
	server = startInstance('standing', port!, databasePath, { FEEDBACK_THROTTLE_IP_MAX: String(ANSWERS_PER_HOUR) });
	await waitUntilHealthy(server, Date.now() + 60_000);

	manager = await signedInPage(browser, 'manager@ripple.test');
	await gotoReady(manager, await accountsPayableFeedback(manager));
	await manager
		.getByRole('region', { name: 'Standing team link' })
		.getByRole('button', { name: /standing link/ })
		.click();
	standingUrl = await manager.getByLabel('Standing feedback link').inputValue();
	expect(standingUrl).toMatch(/\/feedback\/[a-z2-7]{32}$/);
	standingPath = new URL(standingUrl).pathname;
});

test.afterAll(async () => {
	await manager?.context().close();
	if (server) await stopInstance(server);
	rmSync(dir, { recursive: true, force: true });
});

// Playwright reads a hook's fixtures from a destructuring pattern, so it must be one, even empty.
// eslint-disable-next-line no-empty-pattern
test.afterEach(async ({}, testInfo) => {
	if (testInfo.status !== testInfo.expectedStatus && server)
		await testInfo.attach('server output', { body: server.output, contentType: 'text/plain' });
});

test('five cookie-less answers to a standing link make no response: each is asked to sign in', async ({ browser }) => {
	expect(await standingAnswers()).toBe('0');
	const signIn = `/login?redirectTo=${encodeURIComponent(standingPath)}`;

	// Each answer from a client of its own: a script that keeps no cookies between requests.
	const answers = [];
	for (let i = 0; i < 5; i++) {
		const script = await request.newContext({
			baseURL: server.origin,
			maxRedirects: 0,
			extraHTTPHeaders: { origin: server.origin }
		});
		const answer = await script.post(standingPath, {
			form: { score: '0', comment: `ballot ${i}`, time_lost: '', time_unit: 'minutes' }
		});
		answers.push({ status: answer.status(), location: answer.headers()['location'] });
		await script.dispose();
	}
	expect(await standingAnswers()).toBe('0');
	expect(answers).toEqual(Array(5).fill({ status: 303, location: signIn }));

	// Opened in a browser without an account, the link explains why it asks for a sign-in.
	const context = await browser.newContext({ baseURL: server.origin, storageState: { cookies: [], origins: [] } });
	const visitor = await context.newPage();
	const opened = await gotoReady(visitor, standingPath);
	expect(opened?.status()).toBe(200);
	await expect(
		visitor.getByRole('heading', { level: 1, name: 'How did Accounts Payable handle your request?' })
	).toBeVisible();
	await expect(visitor.getByText('Accounts Payable never sees who answered')).toBeVisible();
	await expect(visitor.getByRole('button', { name: 'Send feedback' })).toHaveCount(0);
	await expect(visitor.getByRole('link', { name: 'Sign in to answer' })).toHaveAttribute('href', signIn);
	await expectNoAxeViolations(visitor);
	await context.close();
});

test('a signed-in person answers without JavaScript, and answering again that month replaces their answer', async ({
	browser
}) => {
	const first = `First thoughts ${unique()}`;
	const second = `Second thoughts ${unique()}`;
	const context = await browser.newContext({
		baseURL: server.origin,
		storageState: { cookies: [], origins: [] },
		javaScriptEnabled: false
	});
	const staff = await context.newPage();
	await staff.goto(standingPath);
	await staff.getByRole('link', { name: 'Sign in to answer' }).click();
	await fillSignInForm(staff, 'staff@ripple.test', DEMO_PASSWORD);
	await expect(staff).toHaveURL(standingUrl);

	await staff.getByRole('radio', { name: /^10/ }).check();
	await staff.getByRole('checkbox', { name: 'Kept me informed' }).check();
	await staff.getByLabel('Anything you would like to tell the team? (optional)').fill(first);
	await staff.getByRole('button', { name: 'Send feedback' }).click();
	await expect(staff.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
	await expect(staff.getByRole('status')).toHaveText('Your feedback has reached Accounts Payable.');
	expect(await standingAnswers()).toBe('1');

	// Back on the link: their answer is there to change, and sending again replaces it.
	await staff.goto(standingPath);
	await expect(staff.getByRole('status')).toContainText('You answered this month');
	await expect(staff.getByRole('radio', { name: /^10/ })).toBeChecked();
	await expect(staff.getByLabel('Anything you would like to tell the team? (optional)')).toHaveValue(first);
	await staff.getByRole('radio', { name: '3', exact: true }).check();
	await staff.getByLabel('Anything you would like to tell the team? (optional)').fill(second);
	await staff.getByRole('button', { name: 'Send feedback' }).click();
	await expect(staff.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
	await expect(staff.getByText('It replaces the answer you sent earlier this month.')).toBeVisible();
	await context.close();

	expect(await standingAnswers()).toBe('1');
	const responses = manager.getByRole('region', { name: 'Responses' });
	await expect(responses.getByRole('listitem').filter({ hasText: second })).toContainText('Standing team link');
	await expect(
		responses.getByRole('listitem').filter({ hasText: second }).getByLabel('Score 3 out of 10')
	).toBeVisible();
	await expect(manager.getByText(first)).toHaveCount(0);
	await expect(manager.getByText('Priya Raman')).toHaveCount(0);
	await expectNoAxeViolations(manager);
});

test('a second person counts as a second answer', async ({ browser }) => {
	const leader = await signedInPage(browser, 'leader@ripple.test');
	await gotoReady(leader, standingPath);
	await leader.getByRole('radio', { name: '8', exact: true }).check();
	// The demo leader answers in Dutch, their language.
	await leader.getByRole('button', { name: text(demoLocales.leader, 'measure_answer_send') }).click();
	await expect(
		leader.getByRole('heading', { level: 1, name: text(demoLocales.leader, 'measure_thanks_title') })
	).toBeVisible();
	await leader.context().close();
	expect(await standingAnswers()).toBe('2');
});

test('one address sending more answers than the hour allows is asked to wait, and keeps what it typed', async ({
	browser
}) => {
	// Three answers have come from this address so far (two from Priya, one from Hannah).
	const comment = `Held back ${unique()}`;
	const admin = await signedInPage(browser, 'admin@ripple.test', false);
	await admin.goto(standingPath);
	await admin.getByRole('radio', { name: '6', exact: true }).check();
	await admin.getByLabel('Anything you would like to tell the team? (optional)').fill(comment);
	const [answer] = await Promise.all([
		admin.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === standingPath),
		admin.getByRole('button', { name: 'Send feedback' }).click()
	]);
	expect(answer.status()).toBe(429);
	expect(Number(answer.headers()['retry-after'])).toBeGreaterThan(0);
	await expect(admin.getByRole('alert')).toContainText('Many answers have come from your network in the last hour');
	await expect(admin.getByLabel('Anything you would like to tell the team? (optional)')).toHaveValue(comment);
	await expect(admin.getByRole('radio', { name: '6', exact: true })).toBeChecked();
	await admin.context().close();
	expect(await standingAnswers()).toBe('2');
});
