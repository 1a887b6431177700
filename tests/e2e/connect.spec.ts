import { expect, test } from './worker-server';
import { demoLocales, expectNoAxeViolations, gotoReady, storageStateFor, text, unique } from './fixtures';

test('RSVP fills a session, then the waitlist is promoted when a place frees', async ({ browser }) => {
	const topic = `Reading the supplier ledger ${unique()}`;
	const as = async (role: 'manager' | 'leader' | 'staff') =>
		(await browser.newContext({ storageState: storageStateFor(role) })).newPage();

	// A manager plans a one-place session.
	const manager = await as('manager');
	await gotoReady(manager, '/connect/sessions/new');
	await expectNoAxeViolations(manager);
	await manager.getByLabel('Topic').fill(topic);
	await manager
		.getByLabel('What people will learn')
		.fill('How to read the supplier ledger the way Customer Care does when a supplier calls.');
	const day = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
	await manager.getByLabel('Date').fill(day);
	await manager.getByLabel('Place', { exact: true }).fill('Room 2.04');
	await manager.getByLabel('Places').fill('1');
	await manager.getByRole('button', { name: 'Publish session' }).click();
	await expect(manager.getByRole('status')).toHaveText('Session published. People can book from now on.');
	const url = manager.url().replace(/\?.*$/, '');

	// The leader (who works in Dutch) takes the only place; staff lands on the waitlist.
	const inDutch = (key: string) => text(demoLocales.leader, key);
	const leader = await as('leader');
	await gotoReady(leader, url);
	await leader.getByRole('button', { name: inDutch('connect_session_book') }).click();
	await expect(leader.getByRole('status')).toHaveText(inDutch('connect_session_notice_going'));

	const staff = await as('staff');
	await gotoReady(staff, url);
	await staff.getByRole('button', { name: 'Join the waitlist' }).click();
	await expect(staff.getByText('You are number 1 on the waitlist.')).toBeVisible();

	// The leader cancels: staff moves up.
	await leader.getByRole('button', { name: inDutch('connect_session_cancel_place') }).click();
	await expect(leader.getByRole('status')).toHaveText(inDutch('connect_session_notice_cancelled'));
	await staff.reload();
	await expect(staff.getByText('You have a place.')).toBeVisible();

	// The organiser sees the booking and the new-faces count.
	await manager.reload();
	await expect(manager.getByRole('region', { name: 'For the organiser' })).toContainText('Priya Raman');
	await expectNoAxeViolations(staff);
	for (const page of [manager, leader, staff]) await page.context().close();
});

test.describe('staff', () => {
	test.use({ storageState: storageStateFor('staff') });

	test('thanks a colleague in another department and sees it on the wall', async ({ page }) => {
		const message = `Walked me through the Care queue and showed me which invoice holds turn into calls. ${unique()}`;
		await gotoReady(page, '/connect/recognition');
		const give = page.getByRole('region', { name: 'Recognise a colleague' });
		await give.getByLabel('Who').fill('manager@ripple.test, leader@ripple.test');
		await give.getByLabel('Behaviour').selectOption({ label: 'Works across boundaries' });
		await give.getByLabel('What they did').fill(message);
		await give.getByRole('button', { name: 'Send thanks' }).click();
		await expect(page.getByRole('status')).toContainText('Thank you sent');
		const card = page.getByRole('listitem').filter({ hasText: message });
		await expect(card).toContainText('Priya Raman thanked Hannah de Vries, Tomasz Nowak');
		await expect(card).toContainText('Works across boundaries');
		// Hannah sits in the Group Leadership Team, not in Finance's department: this crosses departments.
		await expect(card).toContainText('Across departments');
		await expectNoAxeViolations(page);
	});

	test('keeps what was typed when the colleague is unknown', async ({ page }) => {
		await gotoReady(page, '/connect/recognition');
		const give = page.getByRole('region', { name: 'Recognise a colleague' });
		await give.getByLabel('Who').fill('nobody@ripple.test');
		await give.getByLabel('Behaviour').selectOption({ label: 'Keeps promises' });
		await give.getByLabel('What they did').fill('Called back exactly when they said they would.');
		await give.getByRole('button', { name: 'Send thanks' }).click();
		await expect(page.getByText('Nobody active in Ripple has the email: nobody@ripple.test')).toBeVisible();
		await expect(page.getByLabel('What they did')).toHaveValue('Called back exactly when they said they would.');
	});

	test('finds the demo’s lunch-and-learn sessions on working days', async ({ page }) => {
		await gotoReady(page, '/connect/sessions');
		for (const topic of [
			'A day on the Customer Care phones',
			'Month-end close, explained in 30 minutes',
			'Reading a payslip like an employee does',
			'How the Service Desk triages your tickets',
			'Orders that go wrong, and why'
		]) {
			const session = page.getByRole('listitem').filter({ hasText: topic });
			await expect(session.getByText(/^(Mon|Tue|Wed|Thu|Fri), \d+ \w+ \d{4}, \d\d:\d\d/)).toBeVisible();
		}
	});

	test('cannot plan a session', async ({ page }) => {
		const response = await page.goto('/connect/sessions/new');
		expect(response?.status()).toBe(403);
	});

	test('Connect pages pass axe', async ({ page }) => {
		for (const [path, heading] of [
			['/connect', 'Connect'],
			['/connect/sessions', 'Lunch and learn'],
			['/connect/recognition', 'Recognition'],
			['/connect/shadowing', 'Job shadowing']
		] as const) {
			const response = await gotoReady(page, path);
			expect(response?.status(), path).toBe(200);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
			await expectNoAxeViolations(page);
		}
	});
});
