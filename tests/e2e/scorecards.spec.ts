import { readFile } from 'node:fs/promises';
import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './worker-server';
import {
	DEMO_PASSWORD,
	demoLocales,
	expectNoAxeViolations,
	fillSignInForm,
	freshContext,
	gotoReady,
	storageStateFor,
	text,
	type DemoRole
} from './fixtures';

/** The demo leader reads Ripple in Dutch: their pages are checked in their language. */
const leaderSays = (key: string) => text(demoLocales.leader, key);
/** How the watermelon explanation says "the SLA side is on target, yet the experience is off target". */
const disagreement = {
	en: /SLA measures?.* on target, yet .* off target/,
	nl: /SLA-indicator(en)?.* op streefwaarde, maar .* niet op streefwaarde/,
	'zh-CN': /SLA指标.*达标，但.*未达标/
}[demoLocales.leader];

async function pageAs(browser: Browser, role: DemoRole, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
	return (await browser.newContext({ storageState: storageStateFor(role), colorScheme })).newPage();
}

/** The id of a team, read from its link in the leader's scorecard table. */
async function teamIdFromTable(page: Page, team: string): Promise<string> {
	const href = await page.getByRole('table').getByRole('link', { name: team, exact: true }).getAttribute('href');
	const id = href?.match(/\/measure\/teams\/([^/?]+)/)?.[1];
	expect(id).toBeTruthy();
	return id!;
}

test('the leader sees the watermelon, drills into a team and exports the scorecards', async ({ browser }) => {
	const leader = await pageAs(browser, 'leader');
	await gotoReady(leader, '/measure');
	await expect(leader.getByRole('heading', { level: 1 })).toContainText(leaderSays('measure_overview_title'));

	const warning = leader.getByRole('region', { name: new RegExp(leaderSays('measure_column_watermelon'), 'i') });
	await expect(warning).toContainText('Accounts Receivable');
	await expect(warning).toContainText(disagreement);
	await expect(leader.getByRole('row').filter({ hasText: 'Accounts Receivable' })).toContainText(
		leaderSays('measure_column_watermelon')
	);
	await expectNoAxeViolations(leader);

	// Sorting is a plain link that says how the column is sorted.
	const unit = new RegExp(`^${leaderSays('measure_column_unit')}`);
	await leader.getByRole('columnheader', { name: unit }).getByRole('link').click();
	await expect(leader.getByRole('columnheader', { name: unit })).toHaveAttribute('aria-sort', 'ascending');

	const [download] = await Promise.all([
		leader.waitForEvent('download'),
		leader.getByRole('link', { name: leaderSays('measure_export_csv') }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^ripple-scorecards-.*\d{4}-\d{2}\.csv$/);
	const csv = await readFile((await download.path())!, 'utf8');
	const [header, ...lines] = csv.trim().split(/\r?\n/);
	expect(header).toMatch(/^team,unit,team kind,month,/);
	expect(header).toContain('watermelon,watermelon reason');
	const ar = lines.find((l) => l.startsWith('Accounts Receivable,'));
	// Column keys stay English in every language; the cells people read are in theirs.
	expect(ar).toContain(`,${leaderSays('measure_csv_yes')},`);
	expect(lines.some((l) => l.startsWith('Accounts Payable,'))).toBe(true);

	await leader.getByRole('table').getByRole('link', { name: 'Accounts Receivable', exact: true }).click();
	await leader.waitForLoadState('networkidle');
	await expect(leader.getByRole('heading', { level: 1 })).toContainText('Accounts Receivable');
	await expect(
		leader.getByRole('region', { name: new RegExp(leaderSays('measure_column_watermelon'), 'i') })
	).toContainText(new RegExp(leaderSays('measure_rag_red'), 'i'));
	for (const column of ['measure_column_what', 'measure_column_how', 'measure_column_experience']) {
		await expect(leader.getByRole('heading', { level: 2, name: leaderSays(column), exact: true })).toBeVisible();
	}
	const trendCaption = leaderSays('measure_trend_caption').replace('{name}', '.*').replace('{month}', '.*');
	await expect(leader.getByRole('figure', { name: new RegExp(trendCaption) }).first()).toBeVisible();
	await expectNoAxeViolations(leader);
});

test('scorecard pages have no axe violations in the dark theme', async ({ browser }) => {
	// A journey through several people's pages with axe checks: slow on two cores.
	test.slow();
	const leader = await pageAs(browser, 'leader', 'dark');
	await gotoReady(leader, '/measure');
	expect(await leader.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
	await expectNoAxeViolations(leader);
	const id = await teamIdFromTable(leader, 'General Ledger & Reporting');
	await gotoReady(leader, `/measure/teams/${id}`);
	await expect(leader.getByText(leaderSays('measure_not_enough_responses')).first()).toBeVisible();
	await expectNoAxeViolations(leader);
	await gotoReady(leader, `/measure/teams/${id}/assessment`);
	await expectNoAxeViolations(leader);
});

test('a manager of another team gets 404 for Accounts Payable, and staff get 403 for scorecards', async ({
	browser
}) => {
	const leader = await pageAs(browser, 'leader');
	await gotoReady(leader, '/measure');
	const accountsPayable = await teamIdFromTable(leader, 'Accounts Payable');

	const context = await freshContext(browser);
	const carlos = await context.newPage();
	await gotoReady(carlos, '/login');
	await fillSignInForm(carlos, 'carlos.mendoza@northwind.example', DEMO_PASSWORD);
	await expect(carlos).toHaveURL(/\/$/);
	for (const path of [`/measure/teams/${accountsPayable}`, `/measure/teams/${accountsPayable}/assessment`]) {
		expect((await carlos.goto(path))?.status()).toBe(404);
	}
	// Their own scorecards list has Customer Care and not Accounts Payable.
	await gotoReady(carlos, '/measure');
	await expect(carlos.getByRole('table').getByRole('link', { name: 'Customer Care' })).toBeVisible();
	await expect(carlos.getByRole('table').getByRole('link', { name: 'Accounts Payable' })).toHaveCount(0);

	const staff = await pageAs(browser, 'staff');
	expect((await staff.goto('/measure'))?.status()).toBe(403);
	expect((await staff.goto('/measure/export.csv'))?.status()).toBe(403);
});

test('a manager saves a self-assessment and sees it on the radar chart', async ({ browser }) => {
	const manager = await pageAs(browser, 'manager');
	await gotoReady(manager, '/measure');
	await manager.getByRole('table').getByRole('link', { name: 'Accounts Payable', exact: true }).click();
	await manager.waitForLoadState('networkidle');
	await manager.getByRole('link', { name: 'Service self-assessment' }).click();
	await manager.waitForLoadState('networkidle');
	await expect(manager.getByRole('heading', { level: 1 })).toContainText('Service self-assessment');

	const components = [
		'Account management',
		'Contact management',
		'Service partnership agreement',
		'Client feedback',
		'Continuous improvement',
		'Process documentation',
		'Performance measurement on both sides',
		'Performance reporting',
		'Recharging'
	];
	for (const [i, name] of components.entries()) {
		await manager
			.getByRole('group', { name })
			.getByLabel(i % 2 ? '3 Working' : '4 Established')
			.check();
	}
	await manager.getByLabel('Notes on recharging').fill('Charges explained at the quarterly review.');
	await manager.getByRole('button', { name: 'Save self-assessment' }).click();
	await expect(manager.getByRole('status')).toContainText('Self-assessment saved');
	await expect(manager.getByLabel('Notes on recharging')).toHaveValue('Charges explained at the quarterly review.');
	await expect(manager.getByRole('group', { name: 'Recharging' }).getByLabel('4 Established')).toBeChecked();

	const radar = manager.getByRole('figure', { name: /^Ratings for/ });
	await expect(radar).toBeVisible();
	await expect(radar.locator('path.series').first()).toBeVisible();
	await radar.getByText('Show the numbers').click();
	await expect(radar.getByRole('row', { name: /Recharging/ })).toContainText('4');
	await expect(manager.getByRole('region', { name: 'History' }).getByRole('row').nth(1)).toContainText('Tomasz Nowak');
	await expectNoAxeViolations(manager);
});
