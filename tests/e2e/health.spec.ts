import { expect, test } from './worker-server';
import { storageStateFor } from './fixtures';

test('GET /healthz answers 200 with status ok', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('application/json');
	expect(await response.json()).toEqual({ status: 'ok' });
});

test.describe('signed in', () => {
	test.use({ storageState: storageStateFor('staff') });

	test('an unknown page shows the calm 404 page', async ({ page }) => {
		const response = await page.goto('/no-such-page-here');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		await expect(page.getByText('We could not find that page.')).toBeVisible();
		// No stack trace or incident reference for a missing page.
		await expect(page.getByText('reference')).toHaveCount(0);
		await page.getByRole('link', { name: 'Go to your home page' }).click();
		await expect(page).toHaveURL('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Priya Raman');
	});
});

test('an unknown page asks an anonymous visitor to sign in first', async ({ page }) => {
	await page.goto('/no-such-page-here');
	await expect(page).toHaveURL('/login?redirectTo=%2Fno-such-page-here');
});

test('first-run setup is closed once the organisation has people', async ({ page }) => {
	const response = await page.goto('/setup');
	expect(response?.ok()).toBe(true);
	await expect(page).toHaveURL('/login');
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});
