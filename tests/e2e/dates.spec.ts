import { type Page } from '@playwright/test';
import { expect, test } from './worker-server';
import { gotoReady, storageStateFor, type DemoRole } from './fixtures';

/**
 * Ripple writes a date one way wherever people read it ("7 Dec 2026", src/lib/locale.ts), never as
 * the ISO form it is stored in. Each kind of viewer opens the pages that show dates, and the pages
 * their links lead to (a pair, a cycle, a slot, a session, a visit, an observation), and no ISO date
 * may show in the text. Form fields and CSV downloads keep ISO dates: they are not page text.
 */
const isoDate = /\b\d{4}-\d{2}-\d{2}\b/;

/** Pages linked from the hubs whose own pages show dates; the first few of each kind are enough. */
const followed = [
	/^\/connect\/buddies\/(pairs|cycles)\/[^/?]+$/,
	/^\/connect\/shadowing\/(slots|visits)\/[^/?]+$/,
	/^\/connect\/sessions\/[^/?]+$/,
	/^\/observations\/[^/?]+$/,
	/^\/people\/[^/?]+(\/observations)?$/,
	/^\/learn\/[^/?]+\/certificate$/
];

const hubs: Record<DemoRole, string[]> = {
	staff: ['/', '/growth', '/profile', '/connect/buddies', '/connect/shadowing', '/connect/sessions'],
	manager: ['/', '/learn/team', '/connect/buddies', '/connect/shadowing/manage', '/connect/shadowing'],
	leader: ['/', '/learn/team', '/connect/buddies'],
	admin: ['/connect/buddies', '/admin/behaviours']
};

async function expectNoIsoDates(page: Page, path: string) {
	const response = await gotoReady(page, path);
	expect(response?.status(), path).toBe(200);
	const text = await page.getByRole('main').innerText();
	expect(text.match(isoDate)?.[0], `an ISO date on ${path}`).toBeUndefined();
}

for (const role of Object.keys(hubs) as DemoRole[]) {
	test.describe(role, () => {
		test.use({ storageState: storageStateFor(role) });

		test('pages write dates as people read them, not in ISO form', async ({ page }) => {
			test.slow();
			const seen = new Set<string>();
			for (const hub of hubs[role]) {
				await expectNoIsoDates(page, hub);
				const hrefs = await page
					.getByRole('main')
					.getByRole('link')
					.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
				for (const pattern of followed) {
					for (const href of hrefs.filter((h) => pattern.test(h) && !seen.has(h)).slice(0, 2)) {
						seen.add(href);
						await expectNoIsoDates(page, href);
					}
				}
			}
		});
	});
}

test('the public certificate check writes the date as Ripple does elsewhere', async ({ browser, page }) => {
	const staff = await browser.newContext({ storageState: storageStateFor('staff') });
	const learner = await staff.newPage();
	await gotoReady(learner, '/learn/breaking-down-silos/certificate');
	const certificate = learner.getByRole('article', { name: 'Certificate of completion' });
	const code = (await certificate.locator('strong').textContent())!.trim();
	await staff.close();

	await gotoReady(page, `/verify/${code}`);
	const details = page.getByRole('region', { name: 'Certificate details' });
	// The day it was completed, as the certificate itself and every other page write a date.
	await expect(details.getByRole('definition').last()).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
});
