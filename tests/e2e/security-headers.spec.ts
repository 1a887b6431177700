import { type Page } from '@playwright/test';
import { expect, test } from './worker-server';
import { storageStateFor } from './fixtures';

/**
 * Headers and limits every answer carries (issue 8), read from the production server. The other
 * suites run every page under this policy, so a page it broke would fail there too; here the
 * policy itself is pinned down.
 */

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | undefined): Map<string, string[]> {
	expect(header, 'a Content-Security-Policy header').toBeTruthy();
	return new Map(
		header!
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...values]) => [name!, values])
	);
}

function expectCommonHeaders(headers: Record<string, string>) {
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('same-origin');
	expect(headers['x-frame-options']).toBe('DENY');
}

test('a page’s scripts need a fresh nonce, nothing may frame it and forms post only to Ripple', async ({ request }) => {
	const first = await request.get('/login');
	const second = await request.get('/login');
	expectCommonHeaders(first.headers());
	const csp = directives(first.headers()['content-security-policy']);
	const scripts = csp.get('script-src') ?? [];
	expect(scripts).toContain("'self'");
	expect(scripts).not.toContain("'unsafe-inline'");
	expect(scripts).not.toContain("'unsafe-eval'");
	const nonce = scripts.find((s) => s.startsWith("'nonce-"));
	expect(nonce).toBeTruthy();
	expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
	expect(csp.get('object-src')).toEqual(["'none'"]);
	expect(csp.get('form-action')).toEqual(["'self'"]);
	expect(csp.get('base-uri')).toEqual(["'self'"]);
	// A nonce is good for one answer only.
	expect(directives(second.headers()['content-security-policy']).get('script-src')).not.toContain(nonce);
	// Every script in the page carries it.
	const html = await first.text();
	const tags = html.match(/<script\b[^>]*>/g) ?? [];
	expect(tags.length).toBeGreaterThan(0);
	for (const tag of tags) expect(tag).toContain(`nonce="${nonce!.slice(7, -1)}"`);
});

test('answers that are not pages may not run or be framed', async ({ request }) => {
	const health = await request.get('/healthz');
	expectCommonHeaders(health.headers());
	expect(health.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
});

test('a form post to the reserved action name is a bad request, not a server error', async ({ request, server }) => {
	const response = await request.post('/login?/default', {
		headers: { origin: server.origin },
		form: { email: 'x@example.com', password: 'x' }
	});
	expect(response.status()).toBe(400);
});

test('a body over the size limit is refused before it is read', async ({ request, server }) => {
	const response = await request.post('/login', {
		headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' },
		data: `email=${'a'.repeat(600 * 1024)}`
	});
	expect(response.status()).toBe(413);
	expect(await response.text()).toContain('more than Ripple accepts in one request');
});

test.describe('signed in', () => {
	test.use({ storageState: storageStateFor('leader') });

	/** Collects the browser's reports of anything the policy blocked. */
	function violations(page: Page): string[] {
		const seen: string[] = [];
		page.on('console', (m) => {
			if (/Content.Security.Policy|Refused to/i.test(m.text())) seen.push(m.text());
		});
		return seen;
	}

	test('the main pages run without the policy blocking anything', async ({ page }) => {
		const blocked = violations(page);
		for (const path of ['/', '/learn', '/connect', '/measure', '/growth', '/profile']) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(200);
			expectCommonHeaders(response!.headers());
			await page.waitForLoadState('networkidle');
		}
		// The scorecard's trend chart is drawn by script after hydration, so it proves scripts ran.
		await page.goto('/measure');
		await expect(page.locator('.ripple-chart svg').first()).toBeVisible();
		expect(blocked).toEqual([]);
	});
});

test.describe('compressed answers', () => {
	test.use({ storageState: storageStateFor('staff') });

	test('pages and their data travel compressed as the client accepts, and plain when it does not', async ({
		page,
		server
	}) => {
		// The browser's own request: Chromium accepts brotli.
		const home = await page.goto('/');
		expect(await home!.headerValue('content-encoding')).toBe('br');
		expect(await home!.headerValue('vary')).toMatch(/Accept-Encoding/i);

		// Node's fetch decodes what it is sent; the header says what travelled.
		const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
		for (const [accept, expected] of [
			['gzip', 'gzip'],
			['br;q=0, gzip;q=0', null],
			['identity', null]
		] as const) {
			const answer = await fetch(`${server.origin}/`, { headers: { cookie, 'accept-encoding': accept } });
			expect(answer.headers.get('content-encoding'), accept).toBe(expected);
			expect(await answer.text()).toContain('<main');
		}
		const data = await fetch(`${server.origin}/__data.json`, { headers: { cookie, 'accept-encoding': 'br' } });
		expect(data.headers.get('content-encoding')).toBe('br');
		expect(((await data.json()) as { type: string }).type).toBe('data');
	});
});
