import { expect, test } from './worker-server';
import { expectNoAxeViolations, storageStateFor, text } from './fixtures';

/** The language of a page (issue 16): the person's own when signed in, else the browser's. */

test('someone not signed in gets the page in their browser’s language, when Ripple speaks it', async ({
	browser,
	server
}) => {
	// The browser's locale is what it sends as Accept-Language.
	for (const [locale, lang] of [
		['zh-CN', 'zh-CN'],
		['nl-BE', 'nl'],
		['de-DE', 'en']
	] as const) {
		const context = await browser.newContext({ baseURL: server.origin, locale });
		const page = await context.newPage();
		await page.goto('/login');
		await expect(page.locator('html'), locale).toHaveAttribute('lang', lang);
		await context.close();
	}
});

test('someone not signed in chooses a language on the page, and it is remembered', async ({ browser, server }) => {
	const context = await browser.newContext({ baseURL: server.origin, locale: 'en-GB' });
	const page = await context.newPage();
	await page.goto('/login');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByLabel(text('en', 'language_label')).selectOption({ label: '简体中文' });
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await expect(page).toHaveURL(/\/login$/);
	await expect(page.getByLabel(text('zh-CN', 'language_label'))).toHaveValue('zh-CN');
	await page.goto('/verify/AAAAA-AAAAA');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await context.close();
});

test('the sign-in page speaks the visitor’s language, refusals included', async ({ browser, server }) => {
	for (const locale of ['nl', 'zh-CN'] as const) {
		const context = await browser.newContext({ baseURL: server.origin, locale });
		const page = await context.newPage();
		await page.goto('/login');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(locale, 'login_title'));
		await page.getByLabel(text(locale, 'login_email')).fill('nobody@ripple.test');
		await page.getByLabel(text(locale, 'login_password')).fill('not the password');
		await page.getByRole('button', { name: text(locale, 'login_submit') }).click();
		await expect(page.getByRole('alert')).toHaveText(text(locale, 'login_failed'));
		await expect(page.getByLabel(text(locale, 'login_email'))).toHaveValue('nobody@ripple.test');
		await expectNoAxeViolations(page);
		await context.close();
	}
});

test('an invitation that cannot be used says so in the visitor’s language', async ({ browser, server }) => {
	const context = await browser.newContext({ baseURL: server.origin, locale: 'zh-CN' });
	const page = await context.newPage();
	await page.goto('/invite/not-a-real-token');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('zh-CN', 'invite_unusable_title'));
	await expect(page.getByRole('alert')).toHaveText(text('zh-CN', 'invite_unknown'));
	await expect(page.getByRole('link', { name: text('zh-CN', 'invite_go_sign_in') })).toBeVisible();
	await context.close();
});

test('the language form returns only to a page of Ripple', async ({ page, server }) => {
	const response = await page.request.post('/language', {
		form: { locale: 'nl', return: 'https://evil.example/phish' },
		headers: { origin: server.origin },
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
	expect(new URL(response.headers()['location']!, server.origin).origin).toBe(server.origin);
});

test.describe('Hannah, who works in Dutch', () => {
	test.use({ storageState: storageStateFor('leader') });

	test.use({ locale: 'en-GB' });

	test('finds her way around in Dutch, whatever her browser says', async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		const nav = page.getByRole('navigation', { name: text('nl', 'nav_main') });
		await expect(nav.getByRole('link', { name: text('nl', 'nav_learn'), exact: true })).toBeVisible();
		await expect(page.getByRole('button', { name: text('nl', 'header_sign_out') })).toBeVisible();
	});
});

test.describe('an admin', () => {
	test.use({ storageState: storageStateFor('admin') });

	test('sets the organisation’s default language, which visitors get when their browser asks for none Ripple speaks', async ({
		page,
		browser,
		server
	}) => {
		const choose = async (name: string) => {
			await page.goto('/admin/org');
			await page.getByRole('combobox', { name: text('en', 'org_language_heading') }).selectOption({ label: name });
			await page.getByRole('button', { name: text('en', 'org_language_save') }).click();
			await expect(page.getByRole('status')).toHaveText(text('en', 'org_language_saved'));
		};
		await choose('Nederlands');
		// A visitor: signed out, whose browser asks for German.
		const visitor = await browser.newContext({
			baseURL: server.origin,
			locale: 'de-DE',
			storageState: { cookies: [], origins: [] }
		});
		const visit = await visitor.newPage();
		await visit.goto('/login');
		await expect(visit.locator('html')).toHaveAttribute('lang', 'nl');
		await choose('English');
		await visit.goto('/login');
		await expect(visit.locator('html')).toHaveAttribute('lang', 'en');
		await visitor.close();
	});
});
