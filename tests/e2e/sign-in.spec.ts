import { type APIResponse } from '@playwright/test';
import { expect, test } from './worker-server';
import { DEMO_PASSWORD, demoLocales, demoNames, fillSignInForm, roles, text, unique } from './fixtures';

// Everything here starts signed out: the chromium project has no storage state by default.

function setCookies(response: APIResponse): string[] {
	return response
		.headersArray()
		.filter((h) => h.name.toLowerCase() === 'set-cookie')
		.map((h) => h.value);
}

test.describe('signing in and out through the form', () => {
	for (const role of roles) {
		test(`${role} signs in, sees the right navigation and signs out`, async ({ page }) => {
			await page.goto('/login');
			await fillSignInForm(page, `${role}@ripple.test`, DEMO_PASSWORD);

			await expect(page).toHaveURL('/');
			// In the person's own language: the demo leader's is Dutch.
			const t = (key: string) => text(demoLocales[role], key);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				t('shell_home_greeting').replace('{name}', demoNames[role])
			);
			await expect(page.locator('html')).toHaveAttribute('lang', demoLocales[role]);
			const nav = page.getByRole('navigation', { name: t('nav_main') });
			await expect(nav.getByRole('link', { name: t('nav_home'), exact: true })).toBeVisible();
			await expect(nav.getByRole('link', { name: t('nav_profile') })).toBeVisible();
			if (role === 'admin') await expect(nav.getByRole('link', { name: t('nav_admin') })).toBeVisible();
			else await expect(nav.getByRole('link', { name: t('nav_admin') })).toHaveCount(0);

			const session = (await page.context().cookies()).find((c) => c.name === 'ripple_session');
			expect(session).toBeDefined();
			await page.getByRole('button', { name: t('header_sign_out') }).click();
			await expect(page).toHaveURL('/login');
			await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
			// The server ended the session itself: the old cookie, sent again, no longer signs anyone in.
			const replayed = await page.request.get('/', {
				headers: { cookie: `ripple_session=${session!.value}` },
				maxRedirects: 0
			});
			expect(replayed.status()).toBe(303);
			expect(replayed.headers()['location']).toBe('/login?redirectTo=%2F');

			await page.goto('/');
			await expect(page).toHaveURL('/login?redirectTo=%2F');
			await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
		});
	}
});

test('a wrong password is refused with a plain message and keeps the typed email', async ({ page }) => {
	await page.goto('/login');
	await fillSignInForm(page, 'staff@ripple.test', 'not-the-password');

	await expect(page.getByRole('alert')).toHaveText('That email and password do not match an active account.');
	await expect(page.getByLabel('Email', { exact: true })).toHaveValue('staff@ripple.test');
	await expect(page).toHaveURL('/login');
	await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
});

test('a plain form POST with a wrong password answers 400 without a session cookie', async ({ request, server }) => {
	const response = await request.post('/login', {
		form: { email: 'staff@ripple.test', password: 'not-the-password' },
		headers: { origin: server.origin },
		maxRedirects: 0
	});
	expect(response.status()).toBe(400);
	expect(setCookies(response)).toEqual([]);
	expect(await response.text()).toContain('That email and password do not match an active account.');
});

test('a plain form POST with the right password answers 303 with a locked-down session cookie', async ({
	request,
	server
}) => {
	const response = await request.post('/login', {
		form: { email: 'leader@ripple.test', password: DEMO_PASSWORD },
		headers: { origin: server.origin },
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
	expect(response.headers()['location']).toBe('/');

	const session = setCookies(response).find((c) => c.startsWith('ripple_session='));
	expect(session, 'a ripple_session cookie is set').toBeDefined();
	const attributes = session!.split(';').map((a) => a.trim().toLowerCase());
	expect(attributes[0]).toMatch(/^ripple_session=.+/);
	expect(attributes).toContain('httponly');
	expect(attributes).toContain('samesite=lax');
	expect(attributes).toContain('path=/');
});

test('a cross-site form POST is refused with 403', async ({ request }) => {
	const response = await request.post('/login', {
		form: { email: 'staff@ripple.test', password: DEMO_PASSWORD },
		headers: { origin: 'http://evil.example' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(403);
	expect(setCookies(response).filter((c) => c.startsWith('ripple_session='))).toEqual([]);
});

test('an anonymous visit to an admin page goes to sign-in and back there afterwards', async ({ page }) => {
	const response = await page.goto('/admin/people');
	expect(response?.ok()).toBe(true);
	await expect(page).toHaveURL('/login?redirectTo=%2Fadmin%2Fpeople');

	await fillSignInForm(page, 'admin@ripple.test', DEMO_PASSWORD);
	await expect(page).toHaveURL('/admin/people');
	await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
});

test('the sign-in page lists the demo accounts', async ({ page }) => {
	await page.goto('/login');
	const demo = page.getByRole('region', { name: 'Demo accounts' });
	await expect(demo).toBeVisible();
	await expect(demo).toContainText(DEMO_PASSWORD);
	const items = demo.getByRole('listitem');
	await expect(items).toHaveCount(4);
	for (const role of roles) {
		await expect(items.filter({ hasText: `${role}@ripple.test` })).toContainText(demoNames[role]);
	}
});

test('ten failed attempts on one account block the eleventh with 429 and Retry-After', async ({ request, server }) => {
	// An address nobody has: the per-account limit applies to unknown emails as well, and no real account is locked.
	const email = `nobody.${unique()}@e2e.example`;
	const attempt = () =>
		request.post('/login', {
			form: { email, password: 'wrong-password' },
			headers: { origin: server.origin },
			maxRedirects: 0
		});

	for (let i = 1; i <= 10; i++) {
		const response = await attempt();
		expect(response.status(), `attempt ${i}`).toBe(400);
	}
	const blocked = await attempt();
	expect(blocked.status()).toBe(429);
	const retryAfter = Number(blocked.headers()['retry-after']);
	expect(Number.isInteger(retryAfter)).toBe(true);
	expect(retryAfter).toBeGreaterThan(0);
	expect(retryAfter).toBeLessThanOrEqual(15 * 60);
	expect(await blocked.text()).toContain('Too many failed sign-in attempts');
	expect(setCookies(blocked).filter((c) => c.startsWith('ripple_session='))).toEqual([]);
});
