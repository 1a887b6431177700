import { type APIRequestContext } from '@playwright/test';
import { expect, test } from './worker-server';
import { DEMO_PASSWORD, storageStateFor } from './fixtures';

/**
 * Sign-in and the theme switch send people back to a path the request names. A browser drops tabs
 * and line breaks from an address before following it, so `/\t/evil.example` would become
 * `//evil.example`: every answer here is resolved the way a browser resolves it, and must stay on
 * Ripple. A line break must also never become a broken header (a 500).
 */
const hostile = [
	'/\t/evil.example/x',
	'/\n/evil.example/x',
	'/\r\n/evil.example/x',
	'//evil.example/x',
	'/\\evil.example/x',
	'/\\/evil.example/x',
	'https://evil.example/x',
	'/%0d%0aSet-Cookie:%20x=1'
];

function landsOn(origin: string, location: string | undefined): boolean {
	expect(location, 'a Location header').toBeDefined();
	return new URL(location!, origin).origin === origin;
}

test.describe('a signed-in visit to the sign-in page', () => {
	test.use({ storageState: storageStateFor('staff') });

	for (const raw of hostile) {
		test(`goes home for redirectTo=${JSON.stringify(raw)}`, async ({ request, server }) => {
			const response = await request.get(`/login?redirectTo=${encodeURIComponent(raw)}`, { maxRedirects: 0 });
			expect(response.status()).toBe(303);
			expect(landsOn(server.origin, response.headers()['location'])).toBe(true);
		});
	}

	test('keeps a path on Ripple, with its query', async ({ request }) => {
		const response = await request.get(`/login?redirectTo=${encodeURIComponent('/learn/team?show=overdue')}`, {
			maxRedirects: 0
		});
		expect(response.headers()['location']).toBe('/learn/team?show=overdue');
	});
});

test('signing in with a hostile redirectTo lands on Ripple', async ({ playwright, server }) => {
	const request: APIRequestContext = await playwright.request.newContext({ baseURL: server.origin });
	try {
		const response = await request.post(`/login?redirectTo=${encodeURIComponent('/\t/evil.example/x')}`, {
			form: { email: 'staff@ripple.test', password: DEMO_PASSWORD },
			headers: { origin: server.origin },
			maxRedirects: 0
		});
		expect(response.status()).toBe(303);
		expect(landsOn(server.origin, response.headers()['location'])).toBe(true);
	} finally {
		await request.dispose();
	}
});

test.describe('the theme switch', () => {
	test.use({ storageState: storageStateFor('staff') });

	for (const raw of hostile) {
		test(`goes home for return=${JSON.stringify(raw)}`, async ({ request, server }) => {
			const response = await request.post('/theme', {
				form: { theme: 'dark', return: raw },
				headers: { origin: server.origin },
				maxRedirects: 0
			});
			expect(response.status()).toBe(303);
			expect(landsOn(server.origin, response.headers()['location'])).toBe(true);
		});
	}
});
