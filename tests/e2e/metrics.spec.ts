import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './worker-server';
import { periodLabel, periodOf, shiftPeriod } from '../../src/lib/periods';
import { expectNoAxeViolations, gotoReady, storageStateFor, unique, type DemoRole } from './fixtures';

const lastMonth = shiftPeriod(periodOf('month', new Date().toISOString().slice(0, 10)), -1);
const HEADER = 'team,metric,period,value';

async function pageAs(browser: Browser, role: DemoRole): Promise<Page> {
	return (await browser.newContext({ storageState: storageStateFor(role) })).newPage();
}

/** Adds a monthly metric through /admin/metrics/new (the page must be signed in as admin). */
async function addMetric(page: Page, name: string, key: string) {
	await gotoReady(page, '/admin/metrics/new');
	await page.getByLabel('Name', { exact: true }).fill(name);
	await page.getByLabel('Key', { exact: true }).fill(key);
	await page.getByLabel('Unit (optional)').fill('%');
	await page.getByLabel('Target (optional)').fill('95');
	await page.getByLabel('Amber band').fill('3');
	await page.getByLabel('Kind').selectOption({ label: 'SLA' });
	await page.getByLabel('Period').selectOption({ label: 'Monthly' });
	await page.getByRole('button', { name: 'Add metric' }).click();
	await expect(page.getByRole('status')).toHaveText('Metric created. Managers can enter values for it now.');
}

/** The entry grid of the manager's Accounts Payable team, reached from the import page. */
async function openApGrid(page: Page) {
	await gotoReady(page, '/measure/import');
	await page.getByRole('link', { name: 'Accounts Payable', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Accounts Payable: metrics' })).toBeVisible();
	await page.waitForLoadState('networkidle');
}

test.describe('as an admin', () => {
	test.use({ storageState: storageStateFor('admin') });

	test('defining a metric and an integration whose token works until it is revoked', async ({ page, request }) => {
		const id = unique();
		const key = `e2e_api_${id}`;

		await gotoReady(page, '/admin/metrics/new');
		await page.getByLabel('Target (optional)').fill('95');
		await page.getByLabel('Amber band').fill('3');
		await page.getByLabel('Unit (optional)').fill('%');
		await expect(page.locator('p', { hasText: 'Status rule:' })).toHaveText(
			'Status rule: Green at 95 % or more; amber from 92 %; red below.'
		);
		await page.getByLabel('Lower is better').check();
		await expect(page.locator('p', { hasText: 'Status rule:' })).toHaveText(
			'Status rule: Green at 95 % or less; amber up to 98 %; red above.'
		);

		await addMetric(page, `API metric ${id}`, key);
		await expect(page.getByRole('row').filter({ hasText: key })).toContainText('Monthly');
		await expectNoAxeViolations(page);

		await gotoReady(page, '/admin/integrations');
		const name = `E2E feed ${id}`;
		await page.getByLabel('Name', { exact: true }).fill(name);
		await page.getByRole('button', { name: 'Create integration and token' }).click();
		const token = await page.getByRole('textbox', { name: `Token for ${name}` }).inputValue();
		expect(token).toMatch(/^rpl_[a-z2-7]{16}_[a-z2-7]{32}$/);
		await expect(page.locator('pre')).toContainText(`Bearer ${token}`);
		await expectNoAxeViolations(page);

		const values = { values: [{ team: 'Accounts Payable', metric: key, period: lastMonth, value: 97.5 }] };
		const accepted = await request.post('/api/v1/metrics', {
			headers: { authorization: `Bearer ${token}` },
			data: values
		});
		expect(accepted.status()).toBe(200);
		expect(await accepted.json()).toEqual({ received: 1, created: 1, updated: 0, unchanged: 0 });

		const invalid = await request.post('/api/v1/metrics', {
			headers: { authorization: `Bearer ${token}` },
			data: { values: [{ ...values.values[0], metric: `${key}_nope` }] }
		});
		expect(invalid.status()).toBe(422);
		expect(invalid.headers()['content-type']).toBe('application/problem+json');
		expect((await invalid.json()).errors).toEqual([
			{ pointer: '/values/0/metric', detail: `"${key}_nope" is not a metric key` }
		]);

		await page.reload();
		await page.waitForLoadState('networkidle');
		const row = page.getByRole('row').filter({ hasText: name });
		await expect(row).not.toContainText('Never');
		await row.getByRole('button', { name: `Revoke ${name}` }).click();
		await expect(page.getByRole('status')).toHaveText('Integration revoked. Its token no longer works.');
		await expect(page.getByRole('row').filter({ hasText: name })).toContainText('Revoked');

		const refused = await request.post('/api/v1/metrics', {
			headers: { authorization: `Bearer ${token}` },
			data: values
		});
		expect(refused.status()).toBe(401);
		expect(refused.headers()['www-authenticate']).toContain('Bearer');
	});
});

test('a manager imports a month of metrics for Accounts Payable from CSV and sees them in the grid', async ({
	browser
}) => {
	const id = unique();
	const metrics = [
		{ name: `Invoices on time ${id}`, key: `e2e_on_time_${id}`, value: '96.5' },
		{ name: `First-time right ${id}`, key: `e2e_right_${id}`, value: '91' }
	];
	const admin = await pageAs(browser, 'admin');
	for (const m of metrics) await addMetric(admin, m.name, m.key);

	const page = await pageAs(browser, 'manager');
	await gotoReady(page, '/measure/import');
	await expectNoAxeViolations(page);

	// The template offers the manager's team with every active metric key.
	const template = await page.request.get('/measure/import/template.csv');
	expect(template.headers()['content-type']).toMatch(/^text\/csv/);
	const lines = (await template.text()).split(/\r?\n/);
	expect(lines[0]).toBe(HEADER);
	for (const m of metrics) expect(lines).toContain(`Accounts Payable,${m.key},${lastMonth},`);

	const csv = [HEADER, ...metrics.map((m) => `Accounts Payable,${m.key},${lastMonth},${m.value}`)].join('\n');
	await page.getByLabel('Or paste the CSV').fill(csv);
	await page.getByRole('button', { name: 'Preview import' }).click();
	const preview = page.getByRole('region', { name: '2. Check the preview' });
	await expect(preview).toContainText('2 rows: 2 new, 0 changed, 0 unchanged, 0 skipped.');
	const rows = preview.getByRole('table', { name: 'Rows in the file' });
	for (const [i, m] of metrics.entries()) {
		await expect(rows.getByRole('row').filter({ hasText: m.key }).getByRole('cell')).toHaveText([
			String(i + 2),
			'Accounts Payable',
			m.key,
			lastMonth,
			m.value,
			'New'
		]);
	}
	await expectNoAxeViolations(page);

	await preview.getByRole('button', { name: 'Apply import' }).click();
	const done = page.getByRole('region', { name: 'Import applied' });
	await expect(done.getByRole('status')).toHaveText('2 new, 0 changed, 0 unchanged, 0 skipped.');

	await done.getByRole('link', { name: 'Accounts Payable metrics' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Accounts Payable: metrics' })).toBeVisible();
	for (const m of metrics) {
		await expect(page.getByLabel(`${m.name}, ${periodLabel(lastMonth)}`)).toHaveValue(m.value);
	}
	await page.waitForLoadState('networkidle');
	await expectNoAxeViolations(page);
});

test('a CSV with a bad row shows the problem and imports nothing', async ({ browser, server }) => {
	const id = unique();
	const metric = { name: `Held invoices ${id}`, key: `e2e_held_${id}` };
	await addMetric(await pageAs(browser, 'admin'), metric.name, metric.key);

	const page = await pageAs(browser, 'manager');
	await gotoReady(page, '/measure/import');
	const csv = [
		HEADER,
		`Accounts Payable,${metric.key},${lastMonth},12`,
		`Nowhere ${id},${metric.key},${lastMonth},13`
	].join('\n');
	await page.getByLabel('Or paste the CSV').fill(csv);
	await page.getByRole('button', { name: 'Preview import' }).click();

	const preview = page.getByRole('region', { name: '2. Check the preview' });
	await expect(preview.getByRole('alert')).toContainText('1 problem to fix.');
	await expect(preview.getByRole('alert')).toContainText('Nothing has been imported.');
	const rows = preview.getByRole('table', { name: 'Rows in the file' }).getByRole('row');
	await expect(rows.filter({ hasText: `Accounts Payable` }).getByRole('cell')).toHaveText([
		'2',
		'Accounts Payable',
		metric.key,
		lastMonth,
		'12',
		'New'
	]);
	await expect(rows.filter({ hasText: `Nowhere ${id}` }).getByRole('cell')).toHaveText([
		'3',
		`Nowhere ${id}`,
		metric.key,
		lastMonth,
		'13',
		`Not imported team: "Nowhere ${id}" is not one of your teams`
	]);
	await expect(page.getByRole('button', { name: 'Apply import' })).toHaveCount(0);

	// Skipping the preview does not help: the server checks again and applies nothing.
	const forced = await page.request.post('/measure/import?/apply', {
		form: { csv },
		headers: { origin: server.origin },
		maxRedirects: 0
	});
	expect(forced.status()).toBe(400);

	await openApGrid(page);
	await expect(page.getByLabel(`${metric.name}, ${periodLabel(lastMonth)}`)).toHaveValue('');
});

test('a manager corrects a value in the grid; a wrong cell keeps what was typed', async ({ browser }) => {
	const id = unique();
	const metric = { name: `Grid metric ${id}`, key: `e2e_grid_${id}` };
	await addMetric(await pageAs(browser, 'admin'), metric.name, metric.key);

	const page = await pageAs(browser, 'manager');
	await openApGrid(page);
	await expectNoAxeViolations(page);
	const cell = page.getByLabel(`${metric.name}, ${periodLabel(lastMonth)}`);
	await cell.fill('93.5');
	await page.getByRole('button', { name: 'Save values' }).click();
	await expect(page.getByRole('status')).toHaveText('Values saved: 1 new, 0 changed, 0 cleared.');
	await expect(cell).toHaveValue('93.5');
	// 93.5 against a target of 95 with a band of 3 is amber.
	await expect(page.getByRole('row').filter({ hasText: metric.name }).getByText('Near target')).toHaveCount(1);

	await cell.fill('1e13');
	await page.getByRole('button', { name: 'Save values' }).click();
	await expect(page.getByRole('alert')).toHaveText('1 value needs attention. Nothing was saved.');
	await expect(cell).toHaveValue('1e13');
	await expect(page.getByText('This number is too large to be a measure')).toBeVisible();

	await cell.fill('');
	await page.getByRole('button', { name: 'Save values' }).click();
	await expect(page.getByRole('status')).toHaveText('Values saved: 0 new, 0 changed, 1 cleared.');
	await expect(cell).toHaveValue('');
});

test('a leader who does not manage the team is refused its grid and cannot import', async ({ browser, server }) => {
	const manager = await pageAs(browser, 'manager');
	await gotoReady(manager, '/measure/import');
	const gridUrl = await manager.getByRole('link', { name: 'Accounts Payable', exact: true }).getAttribute('href');
	expect(gridUrl).toMatch(/^\/measure\/teams\/[^/]+\/metrics$/);

	const leader = await pageAs(browser, 'leader');
	// They see the team, so the grid answers 403 rather than pretending it does not exist.
	expect((await leader.goto(gridUrl!))?.status()).toBe(403);
	const post = await leader.request.post(gridUrl!, {
		form: { x: '1' },
		headers: { origin: server.origin },
		maxRedirects: 0
	});
	expect(post.status()).toBe(403);
	expect((await leader.goto('/measure/import'))?.status()).toBe(403);
	expect((await leader.request.get('/measure/import/template.csv')).status()).toBe(403);

	const staff = await pageAs(browser, 'staff');
	expect((await staff.goto('/admin/metrics'))?.status()).toBe(403);
});
