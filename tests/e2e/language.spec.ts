import { expect, test } from './worker-server';
import { storageStateFor, text } from './fixtures';

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
