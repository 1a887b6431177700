import { type Page } from '@playwright/test';
import { expect, test } from './worker-server';
import {
	DEMO_PASSWORD,
	expectNoAxeViolations,
	fillSignInForm,
	freshContext,
	gotoReady,
	storageStateFor,
	text
} from './fixtures';

/**
 * Accessibility in every language (issue 16): the pages a Dutch or Chinese person works in declare
 * their language on `<html>` (so screen readers pronounce them right) and pass axe as the English
 * ones do, with the longer Dutch words and the Chinese text in place.
 */

type Locale = 'nl' | 'zh-CN';
const LESSON = '/learn/why-internal-service-matters/01-who-your-internal-customers-are';

/** The team scorecard a person reaches from their Measure overview. */
async function scorecardOf(page: Page, team: string): Promise<string> {
	await gotoReady(page, '/measure');
	const href = await page.getByRole('table').getByRole('link', { name: team, exact: true }).getAttribute('href');
	expect(href).toMatch(/^\/measure\/teams\/[^/?]+(\?month=\d{4}-\d{2})?$/);
	return href!;
}

async function expectAccessibleIn(page: Page, locale: Locale, paths: string[]) {
	for (const path of paths) {
		const response = await gotoReady(page, path);
		expect(response?.status(), path).toBe(200);
		await expect(page.locator('html'), path).toHaveAttribute('lang', locale);
		// The page is in that language, not only labelled so: its navigation is.
		await expect(page.getByRole('navigation', { name: text(locale, 'nav_main') }), path).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible();
		await expectNoAxeViolations(page);
	}
}

test.describe('Hannah, who works in Dutch', () => {
	test.use({ storageState: storageStateFor('leader'), locale: 'en-GB' });

	test('finds no axe violations on her pages, each marked as Dutch', async ({ page }) => {
		test.slow();
		const scorecard = await scorecardOf(page, 'Intercompany & Consolidation');
		await expectAccessibleIn(page, 'nl', ['/', '/learn', LESSON, '/connect', '/growth', '/measure', scorecard]);
	});
});

test.describe('the Dalian manager, who works in Chinese', () => {
	test('finds no axe violations on his pages, each marked as Simplified Chinese', async ({ browser }) => {
		test.slow();
		const page = await (await freshContext(browser)).newPage();
		await gotoReady(page, '/login');
		await fillSignInForm(page, 'liwei.chen@northwind.example', DEMO_PASSWORD);
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
		const scorecard = await scorecardOf(page, 'Accounts Payable Asia Pacific');
		await expectAccessibleIn(page, 'zh-CN', ['/', '/learn', LESSON, '/connect', '/growth', '/measure', scorecard]);
		await page.context().close();
	});
});
