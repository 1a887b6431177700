import { expect, test } from './worker-server';
import { demoLocales, expectNoAxeViolations, gotoReady, storageStateFor, text, unique } from './fixtures';

test('a buddy cycle goes from opt-in to published pairs to a first check-in', async ({ browser }) => {
	// A journey through several people's pages with axe checks: slow on two cores.
	test.slow();
	const as = async (role: 'admin' | 'leader' | 'staff') =>
		(await browser.newContext({ storageState: storageStateFor(role) })).newPage();
	const name = `Pilot ${unique()}`;
	const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

	const admin = await as('admin');
	await gotoReady(admin, '/connect/buddies/new');
	await expectNoAxeViolations(admin);
	await admin.getByLabel('Name').fill(name);
	await admin.getByLabel('Starts').fill(day(0));
	await admin.getByLabel('Ends').fill(day(90));
	await admin.getByLabel('Northwind Group').check();
	await admin.getByRole('button', { name: 'Open the cycle' }).click();
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText(name);
	const cycleUrl = admin.url();

	// Two people opt in with their goals and topics, each in their own language (the leader's is Dutch).
	for (const [role, learn, offer] of [
		['staff', 'connect_topic_customer_calls', 'connect_topic_excel'],
		['leader', 'connect_topic_excel', 'connect_topic_customer_calls']
	] as const) {
		const t = (key: string) => text(demoLocales[role], key);
		const page = await as(role);
		await gotoReady(page, '/connect/buddies');
		const cycle = page.getByRole('region', { name });
		await cycle.getByLabel(t('connect_join_goals')).fill('Understand how the other side of a hand-off sees our work.');
		await cycle
			.getByRole('group', { name: t('connect_join_learn') })
			.getByLabel(t(learn), { exact: true })
			.check();
		await cycle
			.getByRole('group', { name: t('connect_join_offer') })
			.getByLabel(t(offer), { exact: true })
			.check();
		await cycle.getByRole('button', { name: t('connect_join_submit'), exact: true }).click();
		await expect(page.getByRole('status')).toHaveText(t('connect_buddies_joined'));
		await page.context().close();
	}

	// The owner runs the matching, sees the explanation and publishes.
	await gotoReady(admin, cycleUrl);
	await admin.getByRole('button', { name: 'Run the matching' }).click();
	await expect(admin.getByRole('status')).toContainText('Proposal ready.');
	const proposal = admin.getByRole('region', { name: 'Proposed pairs' });
	await expect(proposal.getByText('Hannah de Vries + Priya Raman')).toBeVisible();
	await expect(proposal.getByText(/complementary topics/)).toBeVisible();
	await expectNoAxeViolations(admin);
	await admin.getByRole('button', { name: 'Publish the pairs' }).click();
	await expect(admin.getByRole('status')).toContainText('Published.');

	// Staff sees the buddy and logs the first meeting, then the fit.
	const staff = await as('staff');
	await gotoReady(staff, '/connect/buddies');
	await staff.getByRole('region', { name: 'Your buddies' }).getByRole('link', { name: 'Hannah de Vries' }).click();
	await staff.waitForLoadState('networkidle');
	await expect(staff.getByRole('heading', { level: 1 })).toContainText('Hannah de Vries');
	await expect(staff.getByText('Never met')).toBeVisible();
	await expect(staff.getByRole('region', { name: 'A first agenda' })).toBeVisible();
	await staff.getByLabel('Date', { exact: true }).first().fill(day(3));
	await staff.getByRole('button', { name: 'Plan meeting' }).click();
	await expect(staff.getByRole('status')).toContainText('Planned.');
	const [download] = await Promise.all([
		staff.waitForEvent('download'),
		staff.getByRole('link', { name: 'Add to calendar (.ics)' }).click()
	]);
	const ics = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
	expect(ics).toMatch(/UID:buddy-[a-z2-7]+@ripple/);
	expect(ics).toContain('ATTENDEE');
	await staff.getByLabel('Notes (optional)').fill('Walked through a supplier refund end to end.');
	await staff.getByRole('button', { name: 'Log meeting' }).click();
	await expect(staff.getByRole('status')).toHaveText('Meeting logged.');
	await expect(staff.getByText('On track')).toBeVisible();
	await staff.getByLabel('Please re-pair us').check();
	await staff.getByRole('button', { name: 'Save' }).click();
	await expect(staff.getByRole('status')).toContainText('Thanks.');
	await expectNoAxeViolations(staff);

	// The owner hears at once, and sees the pair asking in the cycle's health with a way to re-pair.
	await gotoReady(admin, '/notifications');
	await expect(admin.getByText(`Priya Raman asks for another buddy (${name})`)).toBeVisible();
	await gotoReady(admin, cycleUrl);
	await expect(admin.getByRole('cell', { name: 'Asked to re-pair' })).toBeVisible();
	const repair = admin.getByRole('form', { name: 'Re-pair' });
	await expectNoAxeViolations(admin);
	// With a single pair in the cycle there is nobody to swap with: the refusal stands by its field.
	await repair.getByLabel('Who gets a new buddy').selectOption({ label: 'Priya Raman (now with Hannah de Vries)' });
	await repair.getByLabel('Swap with').selectOption({ label: 'Hannah de Vries (now with Priya Raman)' });
	await repair.getByRole('button', { name: 'Re-pair' }).click();
	await expect(repair.getByText('Choose someone from another running pair')).toBeVisible();
	await expect(repair.getByLabel('Swap with')).toHaveAttribute('aria-invalid', 'true');
	await expect(repair.getByLabel('Who gets a new buddy')).toHaveValue(
		(await repair
			.getByLabel('Who gets a new buddy')
			.locator('option', { hasText: 'Priya Raman (now' })
			.getAttribute('value')) ?? ''
	);
	await admin.context().close();
	await staff.context().close();
});

test.describe('manager', () => {
	test.use({ storageState: storageStateFor('manager') });

	test('nominates someone from their team into the open cycle', async ({ page }) => {
		await gotoReady(page, '/connect/buddies');
		await page.getByRole('region', { name: '2027 Q1' }).getByRole('link', { name: 'Nominate people' }).click();
		await page.waitForLoadState('networkidle');
		await expectNoAxeViolations(page);
		const nominee = await page.getByLabel('Person').locator('option').first().textContent();
		await page.getByRole('button', { name: 'Nominate' }).click();
		await expect(page.getByRole('status')).toContainText('Nominated.');
		await expect(page.getByRole('region', { name: /Your people in this cycle/ })).toContainText(nominee!.trim());
	});
});

test.describe('staff', () => {
	test.use({ storageState: storageStateFor('staff') });

	test('sees their current buddy and cannot open or run cycles', async ({ page }) => {
		await gotoReady(page, '/connect/buddies');
		await expect(page.getByRole('region', { name: 'Your buddies' })).toContainText('2026 Q4');
		await expect(
			page.getByRole('region', { name: '2027 Q1' }).getByRole('link', { name: 'Nominate people' })
		).toHaveCount(0);
		await expectNoAxeViolations(page);
		expect((await page.goto('/connect/buddies/new'))?.status()).toBe(403);
	});
});
