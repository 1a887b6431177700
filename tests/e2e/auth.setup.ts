import { test as setup, expect } from '@playwright/test';
import { DEMO_PASSWORD, demoLocales, demoNames, roles, storageStateFor, text } from './fixtures';

// Signs each demo role in once through the real form; other tests reuse the cookies.
for (const role of roles) {
	setup(`sign in as ${role}`, async ({ page }) => {
		await page.goto('/login');
		await page.getByLabel('Email').fill(`${role}@ripple.test`);
		await page.getByLabel('Password').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Sign in' }).click();
		// The greeting in the person's own language: Hannah's home page reloads in Dutch after signing in,
		// so an English "Hello" is only there, if at all, for the moment before that reload.
		await expect(page.locator('html')).toHaveAttribute('lang', demoLocales[role]);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			text(demoLocales[role], 'shell_home_greeting').replace('{name}', demoNames[role])
		);
		await page.context().storageState({ path: storageStateFor(role) });
	});
}
