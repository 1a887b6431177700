import { readFileSync } from 'node:fs';
import { expect, test } from './worker-server';
import { NEW_PASSWORD, acceptInvite, createPersonAsAdmin, freshContext, gotoReady, storageStateFor } from './fixtures';

/** Personal data rights (issue 8): a person downloads their data; an admin exports and erases. */

test.describe('a person', () => {
	test.use({ storageState: storageStateFor('staff') });

	test('downloads everything Ripple holds about them from their profile', async ({ page }) => {
		await gotoReady(page, '/profile');
		const section = page.getByRole('region', { name: 'Your data' });
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			section.getByRole('link', { name: 'Download my data' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/^ripple-personal-data-.+\.json$/);
		const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
		expect(data.format).toBe('ripple-personal-data/1');
		expect(data.person).toMatchObject({ name: 'Priya Raman', email: 'staff@ripple.test' });
		expect(data.person.password_hash).toBeUndefined();
		const tables = data.records.map((r: { table: string }) => r.table);
		for (const table of ['completions', 'reflections', 'observations', 'sessions']) expect(tables).toContain(table);
	});

	test('cannot download someone else’s data', async ({ page }) => {
		const admin = await page.request.get('/admin/people');
		expect(admin.status()).toBe(403);
		const response = await page.request.get('/admin/people/anyone/export.json');
		expect(response.status()).toBe(403);
	});
});

test.describe('an admin', () => {
	test.use({ storageState: storageStateFor('admin') });

	test('exports a person’s data, then erases them after confirming', async ({ page, browser }) => {
		const person = await createPersonAsAdmin(page, { team: 'Payroll' });
		const theirs = await freshContext(browser);
		try {
			await acceptInvite(await theirs.newPage(), person, NEW_PASSWORD);

			await gotoReady(page, `/admin/people/${person.id}`);
			const section = page.getByRole('region', { name: 'Personal data' });
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				section.getByRole('link', { name: `Download ${person.name}’s data` }).click()
			]);
			const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
			expect(data.person).toMatchObject({ id: person.id, name: person.name, email: person.email });

			// Not ticking the box changes nothing and says why, next to the box.
			await section.getByRole('button', { name: `Erase ${person.name}` }).click();
			await expect(section.getByText('Tick the box to confirm: erasing cannot be undone')).toBeVisible();
			await expect(page.getByRole('heading', { level: 1 })).toContainText(person.name);

			await section.getByLabel(`I understand that erasing ${person.name} cannot be undone`).check();
			await section.getByRole('button', { name: `Erase ${person.name}` }).click();
			await expect(page.getByRole('status')).toHaveText(
				'Erased. Their identity and private writing are gone; their figures remain under this name.'
			);
			await expect(page.getByRole('heading', { level: 1 })).toContainText(`Erased person ${person.id.slice(0, 6)}`);
			await expect(page.getByRole('heading', { level: 1 })).toContainText('Deactivated');
			await expect(page.getByRole('button', { name: /^Erase / })).toHaveCount(0);

			// They are signed out, and the old name is nowhere in the directory.
			const theirPage = await theirs.newPage();
			await theirPage.goto('/profile');
			await expect(theirPage).toHaveURL('/login?redirectTo=%2Fprofile');
			await page.goto(`/admin/people?q=${encodeURIComponent(person.name)}`);
			await expect(page.getByRole('link', { name: person.name })).toHaveCount(0);

			await page.goto('/admin/audit?action=person.erased');
			await expect(
				page.getByRole('link', { name: `Erased the personal data of Erased person ${person.id.slice(0, 6)}` })
			).toBeVisible();
		} finally {
			await theirs.close();
		}
	});
});
