import SQLite from 'better-sqlite3';
import ICAL from 'ical.js';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, gotoReady, storageStateFor, unique } from './fixtures';
import { emailsTo, waitForEmails } from './mail';

/**
 * Ripple reaches out (issue 17): what people are told in the app and by email, against the
 * suite's real mail server (tests/e2e/mail-sink.ts), which this Ripple sends to.
 */

const as = async (browser: Browser, role: 'admin' | 'manager' | 'staff' | 'leader'): Promise<Page> =>
	(await browser.newContext({ storageState: storageStateFor(role) })).newPage();

/** Accounts Payable's active members (but its manager, who assigns), from the suite's database. */
function accountsPayableMembers(): { name: string; email: string }[] {
	const db = new SQLite('tests/.tmp/e2e.db', { readonly: true });
	try {
		return db
			.prepare(
				`select people.name, people.email from people join teams on teams.id = people.team_id
				 where teams.name = 'Accounts Payable' and people.active = 1 and people.email != 'manager@ripple.test'
				 order by people.name`
			)
			.all() as { name: string; email: string }[];
	} finally {
		db.close();
	}
}

async function setLearningDefault(page: Page, mode: 'At once' | 'Daily digest') {
	await gotoReady(page, '/admin/notifications');
	await page.getByLabel('Default email for Learning').selectOption({ label: mode });
	await page.getByRole('button', { name: 'Save defaults' }).click();
	await expect(page.getByText('The defaults are saved.')).toBeVisible();
}

// The unsubscribe test follows a link from the assignment test's email: one after the other.
test.describe.serial('learning by email', () => {
	test('a module assigned to the team reaches each member once, in the app and by email', async ({ browser }) => {
		test.slow();
		const title = 'Self-service, automation and the human moment';
		const members = accountsPayableMembers();
		expect(members.length).toBeGreaterThan(2);
		const before = new Map(
			await Promise.all(members.map(async (m) => [m.email, (await emailsTo(m.email)).length] as const))
		);

		// The organisation emails learning at once (the default is the daily digest), for this test.
		const admin = await as(browser, 'admin');
		await setLearningDefault(admin, 'At once');
		const manager = await as(browser, 'manager');
		try {
			await gotoReady(manager, '/learn/team');
			await manager.getByLabel('Module or path').selectOption({ label: title });
			await manager.getByLabel('The whole team, including people who join later').check();
			await manager.getByLabel('Due date').fill(new Date(Date.now() + 25 * 86_400_000).toISOString().slice(0, 10));
			await manager.getByLabel('Message (optional)').fill(`Ahead of the portal launch ${unique()}`);
			await manager.getByRole('button', { name: 'Assign', exact: true }).click();
			await expect(manager.getByRole('status')).toContainText(`Assigned ${title} to the whole of Accounts Payable`);

			// One email each, with this subject.
			for (const member of members) {
				const subject = (email: { subject: string }) =>
					email.subject.includes(title) || email.subject.includes('新的学习任务');
				await waitForEmails(member.email, subject);
				const all = await emailsTo(member.email);
				expect(all.length - before.get(member.email)!).toBe(1);
				expect(all.filter(subject)).toHaveLength(1);
			}
			const priyaMail = (await emailsTo('staff@ripple.test')).filter((e) => e.subject.includes(title));
			expect(priyaMail[0]!.subject).toBe(`New learning for you: ${title}`);
			expect(priyaMail[0]!.text).toContain('Tomasz Nowak assigned it to you');
			expect(priyaMail[0]!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

			// And one notification in the app, counted in the header and listed in the centre.
			const staff = await as(browser, 'staff');
			await gotoReady(staff, '/notifications');
			const items = staff.getByRole('article').filter({ hasText: `New learning for you: ${title}` });
			await expect(items).toHaveCount(1);
			await expect(staff.getByRole('link', { name: /Notifications: \d+ unread/ })).toBeVisible();
			await expectNoAxeViolations(staff);
			// Opening it marks it read and leads to the module.
			await items.getByRole('link', { name: `New learning for you: ${title}` }).click();
			await expect(staff).toHaveURL(/\/learn\/self-service-and-automation$/);
			await gotoReady(staff, '/notifications?show=unread');
			await expect(staff.getByRole('article').filter({ hasText: title })).toHaveCount(0);
			await staff.context().close();
		} finally {
			await setLearningDefault(admin, 'Daily digest');
			// Withdrawn again, so the test can run again on the same database.
			await gotoReady(manager, '/learn/team');
			const withdraw = manager.getByRole('button', { name: `Withdraw ${title} for Whole team` });
			if (await withdraw.count()) {
				await withdraw.click();
				await expect(manager.getByRole('status')).toHaveText('Assignment withdrawn.');
			}
			await admin.context().close();
			await manager.context().close();
		}
	});

	test('the unsubscribe link turns a category off without signing in', async ({ browser }) => {
		test.slow();
		const admin = await as(browser, 'admin');
		// Any email to Amara carries links; the test email is one she can send herself.
		const before = (await emailsTo('admin@ripple.test')).length;
		await gotoReady(admin, '/admin/notifications');
		await expectNoAxeViolations(admin);
		await admin.getByRole('button', { name: 'Send a test email to me' }).click();
		await expect(admin.getByRole('status')).toContainText('The test email is on its way');
		await waitForEmails('admin@ripple.test', (e) => e.subject === 'Ripple can send email', 1);
		expect((await emailsTo('admin@ripple.test')).length).toBeGreaterThan(before);

		// The delivery log shows it as sent, found by her name.
		await gotoReady(admin, '/admin/notifications?person=Amara');
		const row = admin.getByRole('row').filter({ hasText: 'Ripple can send email' }).first();
		await expect(row).toContainText('Sent');
		await row.getByRole('link', { name: 'Ripple can send email' }).click();
		await expect(admin.getByRole('heading', { level: 1, name: 'Ripple can send email' })).toBeVisible();
		await expect(admin.getByText('Handed to the mail server')).toBeVisible();
		await expectNoAxeViolations(admin);

		// The unsubscribe link of Priya's learning email, opened in a browser that is not signed in.
		const db = new SQLite('tests/.tmp/e2e.db', { readonly: true });
		const priya = db.prepare("select id from people where email = 'staff@ripple.test'").pluck().get() as string;
		db.close();
		const sent = await emailsTo('staff@ripple.test');
		const withLink = sent.find((e) => /\/unsubscribe\/[^\s>]+\.learning\./.test(e.headers['list-unsubscribe'] ?? ''));
		expect(withLink, 'the assignment test emailed Priya about learning').toBeDefined();
		const link = withLink!.headers['list-unsubscribe']!.replace(/^<|>$/g, '');
		expect(link).toContain(`/unsubscribe/${priya}.learning.`);
		const anonymous = await (await browser.newContext()).newPage();
		await anonymous.goto(new URL(link).pathname);
		await expect(anonymous.getByRole('heading', { name: 'Emails about Learning' })).toBeVisible();
		await expectNoAxeViolations(anonymous);
		await anonymous.getByRole('button', { name: 'Stop emails about Learning' }).click();
		await expect(anonymous.getByText('Done: Ripple no longer emails you about Learning.')).toBeVisible();

		// Priya's settings now say so; she turns it back on for the next run.
		const staff = await as(browser, 'staff');
		await gotoReady(staff, '/notifications/settings');
		const learning = staff.getByRole('group', { name: 'Learning' });
		await expect(learning.getByLabel('No email')).toBeChecked();
		await expectNoAxeViolations(staff);
		await learning.getByLabel('Daily digest').check();
		await staff.getByRole('button', { name: 'Save settings' }).click();
		await expect(staff.getByText('Your notification settings are saved.')).toBeVisible();
		for (const page of [admin, anonymous, staff]) await page.context().close();
	});
});

test('a visit request reaches the approver, then the host, and the confirmation carries a calendar invitation', async ({
	browser
}) => {
	test.slow();
	const what = `See how disputes are settled ${unique()}`;
	const day = new Date(Date.now() + 15 * 86_400_000).toISOString().slice(0, 10);
	const admin = await as(browser, 'admin');
	await gotoReady(admin, '/connect/shadowing/manage');
	const publish = admin.getByRole('region', { name: 'Publish a slot' });
	await publish.getByLabel('Host team').selectOption({ label: 'Customer Care' });
	await publish.getByLabel('Host’s email').fill('carlos.mendoza@northwind.example');
	await publish.getByLabel('Date').fill(day);
	await publish.getByLabel('Start').fill('10:00');
	await publish.getByLabel('Visitors').fill('1');
	await publish.getByLabel('Place').fill('Customer Care floor');
	await publish.getByLabel('What the visitor will see').fill(what);
	await publish.getByRole('button', { name: 'Publish slot' }).click();
	await expect(admin.getByRole('status')).toHaveText('Slot published. It is open for requests.');

	const staff = await as(browser, 'staff');
	await gotoReady(staff, `/connect/shadowing?from=${day}&to=${day}`);
	await staff.getByRole('listitem').filter({ hasText: what }).getByRole('link', { name: 'Customer Care' }).click();
	await staff.waitForLoadState('networkidle');
	await staff.getByLabel('What do you want to learn?').fill('How a disputed invoice looks from the caller’s side.');
	await staff.getByRole('button', { name: 'Send request' }).click();
	await expect(staff.getByRole('status')).toContainText('Request sent.');
	const visitPath = new URL(staff.url()).pathname;
	const aboutThisVisit = (email: { text: string }) => email.text.includes(visitPath);

	// Priya's manager is asked at once, although shadowing is on the daily digest by default.
	const [request] = await waitForEmails('manager@ripple.test', aboutThisVisit);
	expect(request!.subject).toBe('Priya Raman asks to shadow another team');
	const manager = await as(browser, 'manager');
	await gotoReady(manager, '/notifications');
	await expect(
		manager.getByRole('article').filter({ hasText: 'Priya Raman asks to shadow another team' }).first()
	).toBeVisible();
	await gotoReady(manager, visitPath);
	await manager.getByRole('button', { name: 'Approve' }).click();
	await expect(manager.getByText('Waiting for the host')).toBeVisible();

	// The host is asked next.
	const [hostMail] = await waitForEmails('carlos.mendoza@northwind.example', aboutThisVisit);
	expect(hostMail!.subject).toBe('Priya Raman would like to visit your team');
	await gotoReady(admin, visitPath);
	await admin.getByRole('button', { name: 'Confirm the visit' }).click();
	await expect(admin.getByRole('status')).toContainText('Confirmed.');

	// The visitor's confirmation is a meeting invitation an independent parser reads as REQUEST.
	const [confirmed] = await waitForEmails(
		'staff@ripple.test',
		(e) => aboutThisVisit(e) && e.subject === 'Your visit to Customer Care is confirmed'
	);
	expect(confirmed!.calendars).toHaveLength(1);
	const calendar = new ICAL.Component(ICAL.parse(confirmed!.calendars[0]!));
	expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
	const event = calendar.getFirstSubcomponent('vevent')!;
	expect(event.getFirstPropertyValue('uid')).toBe(`visit-${visitPath.split('/').at(-1)}@ripple`);
	expect(String(event.getFirstProperty('attendee')!.getFirstValue()).toLowerCase()).toBe('mailto:staff@ripple.test');

	// Leave the slot free for another run: Priya cancels, and her calendar gets the cancellation.
	await gotoReady(staff, visitPath);
	await staff.getByRole('button', { name: 'Cancel my visit' }).click();
	const [cancel] = await waitForEmails(
		'staff@ripple.test',
		(e) => aboutThisVisit(e) && e.calendars.some((c) => c.includes('METHOD:CANCEL'))
	);
	expect(cancel!.subject).toBe('Your visit to Customer Care is cancelled');
	for (const page of [admin, staff, manager]) await page.context().close();
});

test('bad settings are explained next to the field and keep what was typed', async ({ browser }) => {
	const staff = await as(browser, 'staff');
	await gotoReady(staff, '/notifications/settings');
	await staff.getByLabel('Quiet from').fill('21:00');
	await staff.getByLabel('Quiet until').fill('');
	await staff.getByRole('button', { name: 'Save settings' }).click();
	await expect(staff.getByText('Give both times, or leave both empty')).toBeVisible();
	await expect(staff.getByLabel('Quiet from')).toHaveValue('21:00');
	await staff.context().close();
});
