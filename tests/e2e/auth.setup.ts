import { test as setup, expect } from '@playwright/test';
import { DEMO_PASSWORD, roles, storageStateFor } from './fixtures';

// Signs each demo role in once through the real form; other tests reuse the cookies.
for (const role of roles) {
	setup(`sign in as ${role}`, async ({ page }) => {
		await page.goto('/login');
		await page.getByLabel('Email').fill(`${role}@ripple.test`);
		await page.getByLabel('Password').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello');
		await page.context().storageState({ path: storageStateFor(role) });
	});
}
