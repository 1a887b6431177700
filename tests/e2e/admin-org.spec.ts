import { expect, test } from './worker-server';
import { gotoReady, storageStateFor } from './fixtures';

/** Team names, and unit names under one parent, are unique ignoring case. */
test.use({ storageState: storageStateFor('admin') });

test('refuses a team named like another but for case, next to the name, keeping what was typed', async ({ page }) => {
	await gotoReady(page, '/admin/org');
	const form = page.getByRole('region', { name: 'Add a team' });
	await form.getByLabel('Team name').fill('accounts PAYABLE');
	await form.getByLabel('Org unit').selectOption({ label: '\u00a0\u00a0HR Services' });
	await form.getByRole('button', { name: 'Add team' }).click();

	const name = form.getByLabel('Team name');
	await expect(name).toHaveAccessibleDescription('A team called Accounts Payable already exists');
	await expect(name).toHaveAttribute('aria-invalid', 'true');
	await expect(name).toHaveValue('accounts PAYABLE');
	await expect(form.getByLabel('Org unit')).toHaveValue(/.+/);
});

test('refuses a unit named like a sibling but for case', async ({ page }) => {
	await gotoReady(page, '/admin/org');
	const form = page.getByRole('region', { name: 'Add an org unit' });
	await form.getByLabel('Unit name').fill('hr services');
	await form.getByLabel('Part of').selectOption({ label: 'Northwind Group' });
	await form.getByRole('button', { name: 'Add unit' }).click();

	const name = form.getByLabel('Unit name');
	await expect(name).toHaveAccessibleDescription('A unit called HR Services already exists under Northwind Group');
	await expect(name).toHaveValue('hr services');
});
