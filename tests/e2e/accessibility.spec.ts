import { expect, test } from './worker-server';
import { demoLocales, demoNames, expectNoAxeViolations, roles, storageStateFor, text } from './fixtures';

test.describe('signed out', () => {
	test('the sign-in page has no axe violations', async ({ page }) => {
		await page.goto('/login');
		await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('the sign-in page in the dark theme has no axe violations', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.goto('/login');
		await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
		expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
		await expectNoAxeViolations(page);
	});

	test('the first Tab on the sign-in page focuses the skip link, which leads to the main content', async ({ page }) => {
		await page.goto('/login');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Skip to main content' });
		await expect(skip).toBeFocused();
		await expect(skip).toBeInViewport();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('main')).toBeFocused();
	});
});

for (const role of roles) {
	test.describe(`${role}`, () => {
		test.use({ storageState: storageStateFor(role) });

		test('the home page has no axe violations', async ({ page }) => {
			await page.goto('/');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				text(demoLocales[role], 'shell_home_greeting').replace('{name}', demoNames[role])
			);
			await expectNoAxeViolations(page);
		});
	});
}

test.describe('staff pages', () => {
	test.use({ storageState: storageStateFor('staff') });

	test('the profile page has no axe violations', async ({ page }) => {
		await page.goto('/profile');
		await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
		await expectNoAxeViolations(page);
	});
});

test.describe('admin pages', () => {
	test.use({ storageState: storageStateFor('admin') });

	const pages = [
		{ path: '/admin/people', heading: 'People' },
		{ path: '/admin/people/new', heading: 'Add a person' },
		{ path: '/admin/org', heading: /Organisation/ },
		{ path: '/admin/import', heading: 'Import staff' },
		{ path: '/admin/audit', heading: 'Audit log' },
		// No provider and no SECRETS_KEY on the suite's server: the page shows how to connect one.
		{ path: '/admin/sign-in', heading: 'Single sign-on' },
		{ path: '/admin/provisioning', heading: 'Provisioning from the directory' }
	];
	for (const { path, heading } of pages) {
		test(`${path} has no axe violations`, async ({ page }) => {
			const response = await page.goto(path);
			expect(response?.status()).toBe(200);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
			await expectNoAxeViolations(page);
		});
	}

	test('a person’s admin record has no axe violations', async ({ page }) => {
		await page.goto('/admin/people?q=staff%40ripple.test');
		await page.getByRole('link', { name: 'Priya Raman' }).click();
		await expect(page).toHaveURL(/\/admin\/people\/[^/?]+$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Priya Raman');
		await expectNoAxeViolations(page);
	});
});
