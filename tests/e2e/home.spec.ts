import type { Browser, Page } from '@playwright/test';
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

async function signedInAs(browser: Browser, email: string): Promise<Page> {
	const page = await (await freshContext(browser)).newPage();
	await gotoReady(page, '/login');
	await fillSignInForm(page, email, DEMO_PASSWORD);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello');
	return page;
}

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

test.describe('the manager as organiser', () => {
	test.use({ storageState: storageStateFor('manager') });

	test('is asked to take the attendance of his session that has happened, on the register where he takes it', async ({
		page
	}) => {
		await gotoReady(page, '/');
		const waiting = page.getByRole('region', { name: 'Waiting for you' });
		await expect(waiting.getByRole('link', { name: /^Log your meeting/ })).toHaveCount(0);
		await waiting
			.getByRole('link', { name: 'Take the attendance of “Onboarding a new starter, from the HR side”' })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Onboarding a new starter, from the HR side');
		const register = page.getByRole('group', { name: 'Who came' });
		await expect(register.getByRole('checkbox')).toHaveCount(3);
		await expect(page.getByRole('button', { name: 'Save attendance' })).toBeVisible();
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

	test('are asked how the pairing with their buddy is going, on the pair page where they answer', async ({ page }) => {
		await gotoReady(page, '/');
		await page
			.getByRole('region', { name: 'Waiting for you' })
			.getByRole('link', { name: 'Say how your pairing with Jessica Taylor is going' })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Jessica Taylor');
		await expect(page.getByRole('region', { name: 'How is the pairing going?' })).toBeVisible();
	});
});

test('both buddies are asked to log the meeting they planned, with its day filled in; the session’s guests are not asked for its attendance', async ({
	browser
}) => {
	for (const [email, buddy] of [
		['staff@ripple.test', 'Jessica Taylor'],
		['jessica.taylor@northwind.example', 'Priya Raman']
	] as const) {
		const page = await signedInAs(browser, email);
		const waiting = page.getByRole('region', { name: 'Waiting for you' });
		await expect(waiting.getByRole('link', { name: /^Take the attendance/ })).toHaveCount(0);
		await waiting.getByRole('link', { name: `Log your meeting with ${buddy}` }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'Meeting log' })).toBeVisible();
		const date = page.getByLabel('Date', { exact: true }).last();
		const planned = await date.inputValue();
		expect(planned, email).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(planned < (await date.getAttribute('max'))!, email).toBe(true);
		await page.context().close();
	}
});

test('the host of a past visit is asked for feedback, and the host team’s other manager is not', async ({
	browser
}) => {
	const host = await signedInAs(browser, 'natalie.brooks@northwind.example');
	const feedback = host
		.getByRole('region', { name: 'Waiting for you' })
		.getByRole('link', { name: 'Give Priya Raman feedback on their visit' });
	await expect(feedback).toBeVisible();
	await feedback.click();
	await expect(host.getByRole('heading', { level: 1 })).toHaveText('Priya Raman shadows Customer Care');

	const other = await signedInAs(browser, 'carlos.mendoza@northwind.example');
	await expect(other.getByRole('region', { name: 'Waiting for you' })).not.toContainText('Priya Raman');
	for (const page of [host, other]) await page.context().close();
});

test.describe('a leader', () => {
	test.use({ storageState: storageStateFor('leader') });

	test('is not asked about the requests, visits or buddies of people she does not manage directly', async ({
		page
	}) => {
		// Hannah works in Dutch: her list is "Wacht op jou", and a visit is a "bezoek".
		await gotoReady(page, '/');
		const waiting = page.getByRole('region', { name: text('nl', 'shell_waiting_heading') });
		await expect(waiting).toBeVisible();
		for (const name of ['Emma Clarke', 'Jessica Taylor']) await expect(waiting).not.toContainText(name);
		// Priya may be her buddy once the buddies journey has run on this worker; never her visit, though.
		await expect(waiting.getByRole('link', { name: /bezoek/ })).toHaveCount(0);
	});
});
