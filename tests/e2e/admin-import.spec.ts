import { type Page } from '@playwright/test';
import { expect, test } from './worker-server';
import { expectNoAxeViolations, gotoReady, storageStateFor, unique } from './fixtures';

test.use({ storageState: storageStateFor('admin') });

const HEADER = 'email,name,job title,team,manager email,time zone,roles';

/** Searches the directory (everyone, active or not) for an exact email; returns the matching rows. */
async function directoryRowsFor(page: Page, email: string) {
	await page.goto(`/admin/people?status=all&q=${encodeURIComponent(email)}`);
	await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(email);
	return page.getByRole('row').filter({ hasText: email });
}

test('the template downloads as CSV with the header row', async ({ page }) => {
	await page.goto('/admin/import');
	const link = page.getByRole('link', { name: 'Download the template' });
	const href = await link.getAttribute('href');
	expect(href).toBe('/admin/import/template.csv');

	const response = await page.request.get(href!);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toMatch(/^text\/csv/);
	expect(response.headers()['content-disposition']).toContain('ripple-staff-template.csv');
	const lines = (await response.text()).split(/\r?\n/);
	expect(lines[0]).toBe(HEADER);
	expect(lines.filter((l) => l.trim() !== '').length).toBe(3);

	const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
	expect(download.suggestedFilename()).toBe('ripple-staff-template.csv');
});

test('a file with a bad row shows every problem and imports nothing', async ({ page }) => {
	const id = unique();
	const good1 = `import.good1.${id}@e2e.example`;
	const good2 = `import.good2.${id}@e2e.example`;
	const csv = [
		HEADER,
		`${good1},Good One ${id},Payroll Analyst,Payroll,helen.murray@northwind.example,Europe/London,`,
		`${good2},Good Two ${id},Payroll Analyst,Payroll,,Europe/London,`,
		`import.bad.${id}@e2e.example,Bad Row ${id},Analyst,Nowhere Team ${id},,Europe/London,`
	].join('\n');

	await gotoReady(page, '/admin/import');
	await page.getByLabel('Or paste the CSV').fill(csv);
	await page.getByRole('button', { name: 'Preview import' }).click();

	const preview = page.getByRole('region', { name: '2. Check the preview' });
	await expect(preview).toBeVisible();
	await expect(preview.getByRole('alert')).toContainText('1 problem to fix.');
	await expect(preview.getByRole('alert')).toContainText('Nothing has been imported.');

	const problems = preview.getByRole('table', { name: 'Problems' });
	await expect(problems.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(1);
	await expect(problems.getByRole('row').nth(1).getByRole('cell')).toHaveText([
		'4',
		'team',
		`"Nowhere Team ${id}" is not a team; add it under Admin › Organisation first`
	]);
	await expect(page.getByRole('button', { name: 'Apply import' })).toHaveCount(0);

	// Nothing was imported: neither good row's person exists.
	await expect(await directoryRowsFor(page, good1)).toHaveCount(0);
	await expect(page.getByText('Nobody matches these filters.')).toBeVisible();
	await expect(await directoryRowsFor(page, good2)).toHaveCount(0);
	await expect(page.getByText('Nobody matches these filters.')).toBeVisible();
});

test('applying the import with problems is refused even without the preview', async ({ page, server }) => {
	// The server checks again on apply: a crafted post cannot skip the preview's verdict.
	const id = unique();
	const good = `import.forced.${id}@e2e.example`;
	await page.goto('/admin/import');
	const response = await page.request.post('/admin/import?/apply', {
		form: { csv: [HEADER, `${good},Forced ${id},,Payroll,,,`, `not-an-email,Bad ${id},,Payroll,,,`].join('\n') },
		headers: { origin: server.origin },
		maxRedirects: 0
	});
	expect(response.status()).toBe(400);
	await expect(await directoryRowsFor(page, good)).toHaveCount(0);
});

test('a valid file previews, applies and hands out invite links', async ({ page, server }) => {
	const id = unique();
	const ana = { email: `import.ana.${id}@e2e.example`, name: `Ana Import ${id}` };
	const ben = { email: `import.ben.${id}@e2e.example`, name: `Ben Import ${id}` };
	const people = [ana, ben];
	// Ben's manager is Ana, who arrives in the same file.
	const csv = [
		HEADER,
		`${ana.email},${ana.name},Payroll Analyst,Payroll,helen.murray@northwind.example,Europe/London,`,
		`${ben.email},${ben.name},Payroll Specialist,Payroll,${ana.email},Europe/Warsaw,`
	].join('\n');

	await gotoReady(page, '/admin/import');
	await page.getByLabel('Or paste the CSV').fill(csv);
	await page.getByRole('button', { name: 'Preview import' }).click();

	const preview = page.getByRole('region', { name: '2. Check the preview' });
	await expect(preview).toContainText('2 rows: 2 to create, 0 to change, 0 unchanged.');
	await expect(preview.getByRole('table', { name: 'Problems' })).toHaveCount(0);
	const plan = preview.getByRole('table', { name: 'What the import would do' });
	for (const person of people) {
		await expect(plan.getByRole('row').filter({ hasText: person.email })).toContainText('New person');
	}

	await preview.getByRole('button', { name: 'Apply import' }).click();
	const done = page.getByRole('region', { name: 'Import applied' });
	await expect(done).toBeVisible();
	await expect(done.getByRole('status')).toHaveText('2 created, 0 changed, 0 unchanged.');

	const invites = done.getByRole('table');
	await expect(invites.getByRole('columnheader')).toHaveText(['Name', 'Email', 'Link', 'Expires']);
	for (const person of people) {
		const row = invites.getByRole('row').filter({ hasText: person.email });
		await expect(row.getByRole('cell').nth(0)).toHaveText(person.name);
		await expect(row.getByRole('cell').nth(2)).toHaveText(new RegExp(`^${server.origin}/invite/[^/\\s]+$`));
	}

	for (const person of people) {
		const rows = await directoryRowsFor(page, person.email);
		await expect(rows).toHaveCount(1);
		await expect(rows.getByRole('cell')).toHaveText([
			person.name,
			person.email,
			/Payroll (Analyst|Specialist)/,
			'Payroll',
			'HR Services'
		]);
	}
});

test('says which columns are required, and refuses a file without them by name', async ({ page }) => {
	await gotoReady(page, '/admin/import');
	const upload = page.getByRole('region', { name: '1. Choose a file' });
	await expect(upload).toContainText('Required columns: email, name.');
	await expect(upload).toContainText('Optional columns: job title, team, manager email, time zone, roles.');

	const id = unique();
	await page
		.getByLabel('Or paste the CSV')
		.fill(['email,team', `import.nameless.${id}@e2e.example,Payroll`].join('\n'));
	await page.getByRole('button', { name: 'Preview import' }).click();
	const preview = page.getByRole('region', { name: '2. Check the preview' });
	await expect(preview.getByRole('alert')).toContainText('1 problem to fix.');
	await expect(preview.getByRole('table', { name: 'Problems' }).getByRole('row').nth(1).getByRole('cell')).toHaveText([
		'1',
		'name',
		'The required column "name" is missing. Every file needs the columns email and name.'
	]);
	await expect(page.getByRole('button', { name: 'Apply import' })).toHaveCount(0);
	await expectNoAxeViolations(page);

	// One person: one row, in the singular.
	await page
		.getByLabel('Or paste the CSV')
		.fill(['name,email', `One Row ${id},import.one.${id}@e2e.example`].join('\n'));
	await page.getByRole('button', { name: 'Preview import' }).click();
	await expect(preview).toContainText('1 row: 1 to create, 0 to change, 0 unchanged.');
});
