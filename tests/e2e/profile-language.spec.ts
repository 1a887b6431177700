import { type Page } from '@playwright/test';
import { expect, test } from './worker-server';
import { acceptInvite, createPersonAsAdmin, freshContext, gotoReady, storageStateFor, text } from './fixtures';

/**
 * A person's own language (issue 16), chosen in their profile, is the language of everything they
 * open next. The person is new, invited for this test, so no other test sees their language change.
 */

type Locale = 'en' | 'nl' | 'zh-CN';

/** Chooses a language in the profile (worded in `from`) and saves it; the profile answers in `to`. */
async function chooseLanguage(page: Page, from: Locale, name: string, to: Locale) {
	await gotoReady(page, '/profile');
	await expect(page.locator('html')).toHaveAttribute('lang', from);
	await page.getByLabel(text(from, 'shell_profile_language')).selectOption({ label: name });
	await page.getByRole('button', { name: text(from, 'shell_profile_save_preferences') }).click();
	await expect(page.getByRole('status')).toHaveText(text(to, 'shell_profile_saved'));
	await expect(page.locator('html')).toHaveAttribute('lang', to);
}

/** The next pages opened are all in `locale`: their headings and the navigation. */
async function expectProductIn(page: Page, locale: Locale) {
	for (const [path, heading] of [
		['/learn', 'learn_title'],
		['/connect', 'connect_title']
	] as const) {
		await gotoReady(page, path);
		await expect(page.locator('html'), path).toHaveAttribute('lang', locale);
		await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(text(locale, heading));
		const nav = page.getByRole('navigation', { name: text(locale, 'nav_main') });
		await expect(nav.getByRole('link', { name: text(locale, 'nav_learn'), exact: true }), path).toBeVisible();
		await expect(nav.getByRole('link', { name: text(locale, 'nav_connect'), exact: true }), path).toBeVisible();
	}
}

test.describe('a newly invited person', () => {
	test.use({ storageState: storageStateFor('admin') });

	test('switches their language in the profile, and the next page is in it', async ({ page, browser }) => {
		const person = await createPersonAsAdmin(page, { team: 'Accounts Payable' });
		const context = await freshContext(browser);
		const own = await context.newPage();
		await acceptInvite(own, person);
		await expectProductIn(own, 'en');

		await chooseLanguage(own, 'en', 'Nederlands', 'nl');
		await expectProductIn(own, 'nl');

		await chooseLanguage(own, 'nl', '简体中文', 'zh-CN');
		await expectProductIn(own, 'zh-CN');

		await chooseLanguage(own, 'zh-CN', 'English', 'en');
		await expectProductIn(own, 'en');
		await context.close();
	});
});
