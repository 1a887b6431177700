import { expect, test } from './worker-server';
import { expectNoAxeViolations, gotoReady, storageStateFor } from './fixtures';

/** The demo organisation as loaded: what waits for whom on their home page. */

test.describe('the manager', () => {
	test.use({ storageState: storageStateFor('manager') });

	test('is told on his home page that a request waits for his approval, and it leads to where he decides', async ({
		page
	}) => {
		await gotoReady(page, '/');
		const waiting = page.getByRole('region', { name: 'Waiting for you' });
		const request = waiting.getByRole('link', {
			name: 'Approve or decline Emma Clarke’s request to shadow Customer Care'
		});
		await expect(request).toBeVisible();
		await expectNoAxeViolations(page);
		await request.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Emma Clarke shadows Customer Care');
		await expect(page.getByRole('button', { name: 'Approve' })).toBeVisible();
	});
});

test.describe('staff', () => {
	test.use({ storageState: storageStateFor('staff') });

	test('are asked for their visit reflection and to read what their manager observed, and see nobody else’s requests', async ({
		page
	}) => {
		await gotoReady(page, '/');
		const waiting = page.getByRole('region', { name: 'Waiting for you' });
		await expect(
			waiting.getByRole('link', { name: 'Write your reflection on your visit to Customer Care' })
		).toBeVisible();
		await expect(waiting.getByRole('link', { name: /^Read Tomasz Nowak’s observation/ }).first()).toBeVisible();
		await expect(waiting).not.toContainText('Emma Clarke');
	});
});

test.describe('a leader', () => {
	test.use({ storageState: storageStateFor('leader') });

	test('is not asked to approve the requests of people she does not manage directly', async ({ page }) => {
		await gotoReady(page, '/');
		await expect(page.getByRole('region', { name: 'Waiting for you' })).not.toContainText('Emma Clarke');
	});
});
