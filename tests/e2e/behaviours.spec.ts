import { expect, test } from './worker-server';
import { expectNoAxeViolations, gotoReady, storageStateFor, unique } from './fixtures';

test.describe('admin', () => {
	test.use({ storageState: storageStateFor('admin') });

	test('sees the framework with versions, use and modules, and it passes axe', async ({ page }) => {
		await gotoReady(page, '/admin/behaviours');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Behaviour framework');
		const ownership = page.getByRole('region', { name: 'Ownership', exact: true });
		const row = ownership.getByRole('row').filter({ hasText: 'Takes ownership' });
		await expect(row).toContainText('Breaking down silos');
		await expectNoAxeViolations(page);
	});

	test('adds, reorders, renames and deletes a value, but not one with behaviours', async ({ page }) => {
		const name = `Curiosity ${unique()}`;
		await gotoReady(page, '/admin/behaviours');
		await page.getByLabel('Name').fill(name);
		await page.getByLabel('What it means').fill('We ask why a request arrived, not only what it asks for.');
		await page.getByRole('button', { name: 'Add value' }).click();
		await expect(page.getByRole('status')).toHaveText('Value saved.');
		const region = page.getByRole('region', { name, exact: true });
		await expect(region).toContainText('No behaviours under this value yet.');

		await region.getByRole('button', { name: `Move the value ${name} up` }).click();
		await expect(page.getByRole('status')).toHaveText('Order saved.');

		await page.getByRole('link', { name: `Edit the value ${name}` }).click();
		// The add form turns into the edit form once the navigation lands; type only then.
		await expect(page.getByRole('heading', { name: `Edit the value ${name}` })).toBeVisible();
		await page.getByLabel('Name').fill(`${name} and learning`);
		await page.getByRole('button', { name: 'Save value' }).click();
		await expect(page.getByRole('region', { name: `${name} and learning`, exact: true })).toBeVisible();

		await page.getByRole('link', { name: `Edit the value ${name} and learning` }).click();
		await page.getByRole('button', { name: 'Delete this value' }).click();
		await expect(page.getByRole('status')).toHaveText('Value deleted.');
		await expect(page.getByRole('region', { name: `${name} and learning`, exact: true })).toHaveCount(0);

		// A value that still has behaviours cannot go.
		await page.getByRole('link', { name: 'Edit the value Ownership' }).click();
		await page.getByRole('button', { name: 'Delete this value' }).click();
		await expect(page.getByRole('alert')).toContainText('Ownership still has');
	});

	test('archives a behaviour out of the pickers and restores it', async ({ page }) => {
		const label = `Writes it down ${unique()}`;
		await gotoReady(page, '/admin/behaviours/new');
		await page.getByLabel('Name').fill(label);
		await page.getByLabel('Value').selectOption({ label: 'Clarity' });
		for (const level of [1, 2, 3, 4, 5])
			await page
				.getByLabel(`Level ${level}`, { exact: true })
				.fill(`What level ${level} of writing things down looks like.`);
		await page.getByRole('button', { name: 'Add behaviour' }).click();
		await expect(page.getByRole('status')).toContainText('Behaviour added.');
		const behaviourUrl = page.url().replace(/\?.*$/, '');
		await expect(page.getByRole('region', { name: 'At a glance' })).toContainText(
			label.toLowerCase().replace(/ /g, '-')
		);

		await page.getByRole('button', { name: 'Archive this behaviour' }).click();
		await expect(page.getByRole('status')).toContainText('Archived.');
		const options = (p: typeof page) =>
			p
				.getByRole('region', { name: 'Recognise a colleague' })
				.getByLabel('Behaviour', { exact: true })
				.locator('option', { hasText: label });
		await gotoReady(page, '/connect/recognition');
		await expect(options(page)).toHaveCount(0);

		await gotoReady(page, behaviourUrl);
		await page.getByRole('button', { name: 'Restore this behaviour' }).click();
		await expect(page.getByRole('status')).toContainText('Restored.');
		await gotoReady(page, '/connect/recognition');
		await expect(options(page)).toHaveCount(1);
	});

	test('writes a behaviour in Dutch beside the English, and each reader gets their language', async ({
		page,
		browser
	}) => {
		const label = `Answers the same day ${unique()}`;
		const dutch = `Antwoordt dezelfde dag ${unique()}`;
		await gotoReady(page, '/admin/behaviours/new');
		await page.getByLabel('Name').fill(label);
		await page.getByLabel('Value').selectOption({ label: 'Reliability' });
		for (const level of [1, 2, 3, 4, 5])
			await page.getByLabel(`Level ${level}`, { exact: true }).fill(`What level ${level} of answering looks like.`);
		await page.getByRole('button', { name: 'Add behaviour' }).click();
		await expect(page.getByRole('status')).toContainText('Behaviour added.');

		const languages = page.getByRole('navigation', { name: 'Language of the texts' });
		await expect(languages.getByRole('listitem').filter({ hasText: 'Nederlands' })).toContainText('not written yet');
		await languages.getByRole('link', { name: 'Nederlands' }).click();
		await expect(page.getByText('Not written in Dutch yet.')).toBeVisible();
		await expect(page.getByLabel('Name')).toHaveValue('');
		await page.getByLabel('Name').fill(dutch);
		for (const level of [1, 2, 3, 4, 5])
			await page.getByLabel(`Level ${level}`, { exact: true }).fill(`Zo ziet niveau ${level} van antwoorden eruit.`);
		await page.getByRole('button', { name: 'Save behaviour' }).click();
		await expect(page.getByRole('status')).toBeVisible();
		await expect(page.getByLabel('Name')).toHaveValue(dutch);
		await expect(page.getByText('Not written in Dutch yet.')).toHaveCount(0);

		// The overview in each language: Dutch where written, else what Chinese readers get now.
		await gotoReady(page, '/admin/behaviours?language=nl');
		await expect(page.getByRole('link', { name: dutch })).toBeVisible();
		await gotoReady(page, '/admin/behaviours?language=zh-CN');
		const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: label }) });
		await expect(row).toContainText('简体中文: not written yet');

		// Hannah works in Dutch: the recognition picker names the behaviour in Dutch.
		const hannah = await (await browser.newContext({ storageState: storageStateFor('leader') })).newPage();
		await gotoReady(hannah, '/connect/recognition');
		// (The page has two behaviour choosers: the recognition form and the wall's filter.)
		await expect(hannah.locator('option', { hasText: dutch }).first()).toBeAttached();
		await expect(hannah.locator('option', { hasText: label })).toHaveCount(0);
		await expectNoAxeViolations(page);
	});

	test('needs all five anchors', async ({ page }) => {
		await gotoReady(page, '/admin/behaviours/new');
		await page.getByLabel('Name').fill(`Half a scale ${unique()}`);
		await page.getByLabel('Value').selectOption({ label: 'Clarity' });
		await page.getByLabel('Level 1', { exact: true }).fill('Leaves the requester guessing what happens next.');
		// Skip the browser's own check to see the server's messages.
		await page
			.locator('form')
			.filter({ has: page.getByRole('button', { name: 'Add behaviour' }) })
			.evaluate((form) => form.setAttribute('novalidate', ''));
		await page.getByRole('button', { name: 'Add behaviour' }).click();
		await expect(page.getByText('Describe what level 2 looks like, in a sentence')).toBeVisible();
		await expect(page.getByLabel('Level 1', { exact: true })).toHaveValue(
			'Leaves the requester guessing what happens next.'
		);
	});
});

test.describe('manager', () => {
	test.use({ storageState: storageStateFor('manager') });

	test('cannot open or change the framework', async ({ page, server }) => {
		expect((await page.goto('/admin/behaviours'))?.status()).toBe(403);
		const response = await page.request.post('/admin/behaviours?/createValue', {
			form: { name: `Sneaky ${unique()}`, description: '' },
			headers: { origin: server.origin },
			maxRedirects: 0
		});
		expect(response.status()).toBe(403);
	});
});
