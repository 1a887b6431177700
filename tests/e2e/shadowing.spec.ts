import type { Page } from '@playwright/test';
import { expect, test } from './worker-server';
import {
	DEMO_PASSWORD,
	expectNoAxeViolations,
	fillSignInForm,
	freshContext,
	gotoReady,
	storageStateFor,
	unique
} from './fixtures';

/**
 * The first Monday-to-Friday date at least `days` ahead: slots the journeys publish fall on working
 * days, as the demo's do, whatever day the suite runs (another test checks the visits it finds).
 */
function workingDayAhead(days: number): string {
	const date = new Date(Date.now() + days * 86_400_000);
	while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() + 1);
	return date.toISOString().slice(0, 10);
}

/** Publishes a one-visitor Customer Care slot from the hosting page the page is on. */
async function publishCareSlot(page: Page, slot: { host: string; day: string; time: string; what: string }) {
	const publish = page.getByRole('region', { name: 'Publish a slot' });
	await publish.getByLabel('Host team').selectOption({ label: 'Customer Care' });
	await publish.getByLabel('Host’s email').fill(slot.host);
	await publish.getByLabel('Date').fill(slot.day);
	await publish.getByLabel('Start').fill(slot.time);
	await publish.getByLabel('Visitors').fill('1');
	await publish.getByLabel('Place').fill('Customer Care floor');
	await publish.getByLabel('What the visitor will see').fill(slot.what);
	await publish.getByRole('button', { name: 'Publish slot' }).click();
	await expect(page.getByRole('status')).toHaveText('Slot published. It is open for requests.');
}

test('a slot is published, requested, approved by the manager and confirmed by the host', async ({ browser }) => {
	// A journey through several people's pages with axe checks: slow on two cores.
	test.slow();
	const as = async (role: 'admin' | 'manager' | 'staff') =>
		(await browser.newContext({ storageState: storageStateFor(role) })).newPage();
	const what = `See the refund queue end to end ${unique()}`;
	const day = workingDayAhead(12);

	// The admin hosts for Customer Care (admins may act for any team).
	const admin = await as('admin');
	await gotoReady(admin, '/connect/shadowing/manage');
	await expectNoAxeViolations(admin);
	await publishCareSlot(admin, { host: 'carlos.mendoza@northwind.example', day, time: '14:00', what });

	// Staff finds it and asks for the place.
	const staff = await as('staff');
	await gotoReady(staff, `/connect/shadowing?from=${day}&to=${day}`);
	const card = staff.getByRole('listitem').filter({ hasText: what });
	await card.getByRole('link', { name: 'Customer Care' }).click();
	await staff.waitForLoadState('networkidle');
	await expectNoAxeViolations(staff);
	await staff
		.getByLabel('What do you want to learn?')
		.fill('How callers describe late refunds, so our emails answer their real questions.');
	await staff.getByRole('button', { name: 'Send request' }).click();
	await expect(staff.getByRole('status')).toContainText('Request sent.');
	const visitUrl = staff.url().replace(/\?.*$/, '');
	await expect(staff.getByText('Waiting for the manager')).toBeVisible();

	// Her manager approves from the queue.
	const manager = await as('manager');
	await gotoReady(manager, '/connect/shadowing/manage');
	await manager
		.getByRole('region', { name: 'Waiting for your approval' })
		.getByRole('link', { name: /Priya Raman → Customer Care/ })
		.first()
		.click();
	await manager.goto(visitUrl);
	await manager.getByRole('button', { name: 'Approve' }).click();
	await expect(manager.getByText('Waiting for the host')).toBeVisible();

	// The host side confirms.
	await gotoReady(admin, visitUrl);
	await admin.getByRole('button', { name: 'Confirm the visit' }).click();
	await expect(admin.getByRole('status')).toContainText('Confirmed.');

	await staff.reload();
	await expect(staff.getByText('Confirmed', { exact: true })).toBeVisible();

	// The confirmed visit downloads as a calendar event.
	const [download] = await Promise.all([
		staff.waitForEvent('download'),
		staff.getByRole('link', { name: 'Add to calendar (.ics)' }).click()
	]);
	const ics = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
	const visitId = visitUrl.split('/').at(-1);
	expect(ics).toContain('BEGIN:VEVENT');
	expect(ics).toContain(`UID:visit-${visitId}@ripple`);
	expect(ics).toContain('STATUS:CONFIRMED');
	expect(ics).toContain('SUMMARY:Shadowing Customer Care (Priya Raman)');
	await expectNoAxeViolations(staff);
	for (const page of [admin, staff, manager]) await page.context().close();
});

test('each person a visit waits on is told on their home page, and a host who manages nobody confirms it', async ({
	browser
}) => {
	test.slow();
	const as = async (role: 'admin' | 'manager' | 'staff' | 'leader') =>
		(await browser.newContext({ storageState: storageStateFor(role) })).newPage();
	const signedInAs = async (email: string): Promise<Page> => {
		const page = await (await freshContext(browser)).newPage();
		await gotoReady(page, '/login');
		await fillSignInForm(page, email, DEMO_PASSWORD);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello');
		return page;
	};
	const waitingOn = (page: Page) => page.getByRole('region', { name: 'Waiting for you' });
	const what = `Follow a refund from call to payment ${unique()}`;
	const day = workingDayAhead(15);

	// Jessica Taylor hosts for Customer Care; she manages nobody.
	const admin = await as('admin');
	await gotoReady(admin, '/connect/shadowing/manage');
	await publishCareSlot(admin, { host: 'jessica.taylor@northwind.example', day, time: '09:00', what });

	// Priya sees the host's name but not yet how to reach her; once she has asked, she does.
	const staff = await as('staff');
	await gotoReady(staff, `/connect/shadowing?from=${day}&to=${day}`);
	await staff.getByRole('listitem').filter({ hasText: what }).getByRole('link', { name: 'Customer Care' }).click();
	await expect(staff).toHaveURL(/\/connect\/shadowing\/slots\//);
	await staff.waitForLoadState('networkidle');
	const slotUrl = staff.url();
	const about = staff.getByRole('region', { name: 'About the visit' });
	await expect(about).toContainText('Jessica Taylor');
	await expect(about.getByRole('link', { name: 'jessica.taylor@northwind.example' })).toHaveCount(0);
	await staff
		.getByLabel('What do you want to learn?')
		.fill('How a refund question travels from the caller to our payment run.');
	await staff.getByRole('button', { name: 'Send request' }).click();
	await expect(staff.getByRole('status')).toContainText('Request sent.');
	const visitPath = new URL(staff.url()).pathname;
	await expect(staff.getByRole('link', { name: 'jessica.taylor@northwind.example' })).toHaveAttribute(
		'href',
		'mailto:jessica.taylor@northwind.example'
	);
	await gotoReady(staff, slotUrl);
	await expect(about.getByRole('link', { name: 'jessica.taylor@northwind.example' })).toBeVisible();

	// Tomasz, her manager, finds the request on his home page and approves it from there.
	const manager = await as('manager');
	await gotoReady(manager, '/');
	const approve = waitingOn(manager).locator(`a[href="${visitPath}"]`);
	await expect(approve).toHaveText('Approve or decline Priya Raman’s request to shadow Customer Care');
	await expectNoAxeViolations(manager);
	await approve.click();
	await manager.getByRole('button', { name: 'Approve' }).click();
	await expect(manager.getByText('Waiting for the host')).toBeVisible();
	await gotoReady(manager, '/');
	await expect(waitingOn(manager).locator(`a[href="${visitPath}"]`)).toHaveCount(0);

	// Jessica is told on her home page and on Connect, and has the hosting page although she manages nobody.
	const host = await signedInAs('jessica.taylor@northwind.example');
	await expect(waitingOn(host).locator(`a[href="${visitPath}"]`)).toHaveText(
		'Confirm Priya Raman’s visit to Customer Care'
	);
	await gotoReady(host, '/connect');
	await expect(waitingOn(host).locator(`a[href="${visitPath}"]`)).toBeVisible();
	await gotoReady(host, '/connect/shadowing');
	await host.getByRole('link', { name: 'Requests and hosting' }).click();
	await expect(host.getByRole('heading', { level: 1 })).toHaveText('Requests and hosting');
	await expect(host.getByRole('region', { name: 'Publish a slot' })).toHaveCount(0);
	await expectNoAxeViolations(host);
	await host.getByRole('region', { name: 'Visitors to confirm' }).locator(`a[href="${visitPath}"]`).click();
	await expect(host.getByRole('link', { name: 'staff@ripple.test' })).toBeVisible();
	await host.getByRole('button', { name: 'Confirm the visit' }).click();
	await expect(host.getByRole('status')).toContainText('Confirmed.');

	// Nobody else is told: not a leader elsewhere, not Priya herself.
	const leader = await as('leader');
	await gotoReady(leader, '/');
	await expect(waitingOn(leader).locator(`a[href="${visitPath}"]`)).toHaveCount(0);
	await gotoReady(staff, '/');
	await expect(waitingOn(staff).locator(`a[href="${visitPath}"]`)).toHaveCount(0);

	// Priya cancels, so the test leaves her diary as it found it.
	await gotoReady(staff, visitPath);
	await staff.getByRole('button', { name: 'Cancel my visit' }).click();
	await expect(staff.getByRole('status')).toContainText('Visit cancelled');
	for (const page of [admin, staff, manager, host, leader]) await page.context().close();
});

test.describe('staff', () => {
	test.use({ storageState: storageStateFor('staff') });

	test('writes a reflection after a visit', async ({ page }) => {
		await gotoReady(page, '/connect/shadowing');
		const past = page
			.getByRole('region', { name: 'Your visits' })
			.getByRole('link', { name: /Customer Care/ })
			.last();
		await past.click();
		await page.waitForLoadState('networkidle');
		await page.getByLabel('What I learned').fill('Most supplier calls are about remittance advice that never arrived.');
		await page
			.getByLabel('How my work affects them')
			.fill('When I hold an invoice without telling the supplier, Care takes the call.');
		await page.getByLabel('One change I will make').fill('Send the hold reason to the supplier the same day.');
		await page.getByRole('button', { name: 'Save reflection' }).click();
		await expect(page.getByRole('status')).toHaveText('Reflection saved. It shows on your profile.');
		await expect(page.getByLabel('One change I will make')).toHaveValue(
			'Send the hold reason to the supplier the same day.'
		);
		await gotoReady(page, '/profile');
		await expect(page.getByRole('region', { name: 'Shadowing visits' })).toContainText(
			'Send the hold reason to the supplier the same day.'
		);
		await expectNoAxeViolations(page);
	});

	test('subscribes to a private calendar feed', async ({ page, browser }) => {
		await gotoReady(page, '/profile');
		await page.getByRole('button', { name: /Make (my calendar address|a new address)/ }).click();
		const address = await page.getByLabel('Your private calendar address').inputValue();
		expect(address).toMatch(/\/calendar\/[a-z2-7]{32}\.ics$/);
		const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
		const feed = await anonymous.request.get(address);
		expect(feed.status()).toBe(200);
		expect(feed.headers()['content-type']).toContain('text/calendar');
		const body = await feed.text();
		expect(body).toContain('BEGIN:VCALENDAR');
		expect(body).toContain('X-WR-CALNAME:Ripple · Priya Raman');
		expect(body).toContain('BEGIN:VEVENT');
		// A new address retires the old one.
		await page.getByRole('button', { name: /Make a new address/ }).click();
		await expect(page.getByLabel('Your private calendar address')).not.toHaveValue(address);
		expect((await anonymous.request.get(address)).status()).toBe(404);
		await anonymous.close();
	});

	test('finds the demo’s slots on working days', async ({ page }) => {
		await gotoReady(page, '/connect/shadowing');
		const slots = page.getByRole('region', { name: 'Open slots' }).getByRole('listitem');
		for (const what of [
			'Sit in on live calls during the morning peak',
			'Follow a complaint from first call to resolution',
			'Watch orders being released',
			'Join the first-line desk',
			'Prepare quotes with the sales support team'
		]) {
			const when = slots.filter({ hasText: what }).locator('p.muted');
			await expect(when).toHaveText(/^(Mon|Tue|Wed|Thu|Fri), /);
		}
		const visits = page.getByRole('region', { name: 'Your visits' }).getByRole('link');
		for (const visit of await visits.all()) await expect(visit).not.toHaveText(/\b(Sat|Sun), /);
	});

	test('cannot open the hosting page or another person’s visit actions', async ({ page }) => {
		expect((await page.goto('/connect/shadowing/manage'))?.status()).toBe(403);
		expect((await page.goto('/connect/shadowing/visits/doesnotexist0000'))?.status()).toBe(404);
	});
});
