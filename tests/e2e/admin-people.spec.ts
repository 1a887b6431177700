import { type Page } from '@playwright/test';
import { expect, test } from './worker-server';
import {
	NEW_PASSWORD,
	acceptInvite,
	createPersonAsAdmin,
	fillSignInForm,
	freshContext,
	gotoReady,
	storageStateFor,
	text,
	unique
} from './fixtures';

test.use({ storageState: storageStateFor('admin') });

const peopleTable = (page: Page) => page.getByRole('table', { name: 'People matching the filters' });
/** Data rows only: the header row has column headers, not cells. */
const peopleRows = (page: Page) =>
	peopleTable(page)
		.getByRole('row')
		.filter({ has: page.getByRole('cell') });

test.describe('people directory', () => {
	test('lists people with their details', async ({ page }) => {
		await page.goto('/admin/people');
		await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
		await expect(peopleTable(page).getByRole('columnheader')).toHaveText([
			'Name',
			'Email',
			'Job title',
			'Team',
			'Unit'
		]);
		await expect(peopleRows(page)).toHaveCount(25);
		// Sorted by name, so the alphabetically first seeded person opens the list.
		await expect(peopleRows(page).first().getByRole('cell')).toHaveText([
			'Adebayo Ogunleye',
			'adebayo.ogunleye@northwind.example',
			'Identity & Access Analyst',
			'Infrastructure & Access',
			'IT & Digital'
		]);
		await expect(peopleRows(page).first().getByRole('link', { name: 'Adebayo Ogunleye' })).toHaveAttribute(
			'href',
			/^\/admin\/people\/[^/]+$/
		);
	});

	test('search narrows the results', async ({ page }) => {
		await gotoReady(page, '/admin/people');
		await page.getByRole('searchbox', { name: 'Search' }).fill('Priya');
		await page.getByRole('button', { name: 'Apply filters' }).click();

		await expect(page).toHaveURL(/[?&]q=Priya/);
		await expect(peopleRows(page)).toHaveCount(1);
		await expect(peopleRows(page).first()).toContainText('staff@ripple.test');
		await expect(page.getByText('1 people · page 1 of 1')).toBeVisible();
		await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('Priya');

		await page.getByRole('searchbox', { name: 'Search' }).fill(`no-such-person-${unique()}`);
		await page.getByRole('button', { name: 'Apply filters' }).click();
		await expect(page.getByText('Nobody matches these filters.')).toBeVisible();
		await expect(peopleTable(page)).toHaveCount(0);
	});

	test('the team filter shows only that team', async ({ page }) => {
		await gotoReady(page, '/admin/people');
		await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Payroll' });
		await page.getByRole('button', { name: 'Apply filters' }).click();

		await expect(page).toHaveURL(/[?&]team=/);
		await expect(page.getByLabel('Team', { exact: true }).locator('option:checked')).toHaveText('Payroll');
		// The seed puts six people in Payroll; other tests may import more into it.
		const rows = peopleRows(page);
		await expect(rows.filter({ hasText: 'helen.murray@northwind.example' })).toHaveCount(1);
		const count = await rows.count();
		expect(count).toBeGreaterThanOrEqual(6);
		for (let i = 0; i < count; i++) {
			await expect(rows.nth(i).getByRole('cell').nth(3)).toHaveText('Payroll');
		}
		await expect(rows.filter({ hasText: 'staff@ripple.test' })).toHaveCount(0);
	});

	test('pagination shows the position and Next moves on', async ({ page }) => {
		await gotoReady(page, '/admin/people');
		const pages = page.getByRole('navigation', { name: 'Pages' });
		const position = pages.getByText(/\d+ people · page \d+ of \d+/);
		await expect(position).toHaveText(/ · page 1 of \d+$/);
		const total = Number((await position.textContent())!.match(/of (\d+)/)![1]);
		expect(total).toBeGreaterThanOrEqual(3);
		await expect(pages.getByRole('link', { name: 'Previous' })).toHaveCount(0);

		const firstOnPageOne = await peopleRows(page).first().getByRole('link').textContent();
		await pages.getByRole('link', { name: 'Next' }).click();
		await expect(page).toHaveURL(/[?&]page=2/);
		await expect(position).toHaveText(new RegExp(` · page 2 of ${total}$`));
		await expect(pages.getByRole('link', { name: 'Previous' })).toBeVisible();
		await expect(peopleRows(page).first().getByRole('link')).not.toHaveText(firstOnPageOne!);
	});
});

test.describe('adding a person', () => {
	test('creates them, and their one-time link signs them in once', async ({ page, browser }) => {
		const id = unique();
		const person = await createPersonAsAdmin(page, {
			name: `Robin Invite ${id}`,
			email: `robin.${id}@e2e.example`,
			jobTitle: 'Payroll Specialist',
			team: 'Payroll'
		});
		await expect(page.getByText(`Give ${person.name} this one-time link to set their password.`)).toBeVisible();

		const context = await freshContext(browser);
		try {
			const newcomer = await context.newPage();
			await acceptInvite(newcomer, person);
			await expect(newcomer.getByRole('status')).toHaveText(
				'Your password is set and you are signed in. Welcome to Ripple.'
			);
			await expect(newcomer.getByRole('region', { name: 'You', exact: true })).toContainText(person.email);

			await newcomer.goto(person.inviteUrl);
			await expect(newcomer.getByRole('heading', { level: 1 })).toHaveText('This link cannot be used');
			await expect(newcomer.getByRole('alert')).toContainText('This link has already been used');
			await expect(newcomer.getByLabel('New password')).toHaveCount(0);
		} finally {
			await context.close();
		}

		// The record now says they have a password.
		await page.goto(`/admin/people/${person.id}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(person.name);
		await expect(page.getByText(person.email, { exact: true })).toBeVisible();
		await expect(page.getByText('has not set a password yet')).toHaveCount(0);
	});

	test('an invalid email shows the error next to the field and keeps the typed name', async ({ page }) => {
		const name = `Invalid Email ${unique()}`;
		await gotoReady(page, '/admin/people/new');
		await page.getByLabel('Full name').fill(name);
		// Passes the browser's type=email check but not the server's (no top-level domain).
		await page.getByLabel('Email', { exact: true }).fill('someone@localhost');
		await page.getByRole('button', { name: 'Add person and create invite link' }).click();

		const email = page.getByLabel('Email', { exact: true });
		await expect(email).toHaveAttribute('aria-invalid', 'true');
		await expect(email).toHaveAccessibleDescription(/Enter a valid email address, like name@example\.com/);
		await expect(page.getByText('Enter a valid email address, like name@example.com')).toBeVisible();
		await expect(page.getByLabel('Full name')).toHaveValue(name);
		await expect(email).toHaveValue('someone@localhost');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add a person');
	});
});

test.describe('a person’s record', () => {
	test('deactivating someone ends their session at once', async ({ page, browser }) => {
		const person = await createPersonAsAdmin(page);
		const context = await freshContext(browser);
		try {
			const theirs = await context.newPage();
			await acceptInvite(theirs, person, NEW_PASSWORD);

			await gotoReady(page, `/admin/people/${person.id}`);
			await page.getByRole('button', { name: 'Deactivate' }).click();
			await expect(page.getByRole('status')).toHaveText(
				'Deactivated. Their sessions have ended and they can no longer sign in.'
			);
			await expect(page.getByRole('heading', { level: 1 })).toContainText('Deactivated');
			await expect(page.getByRole('button', { name: 'Reactivate' })).toBeVisible();

			await theirs.goto('/profile');
			await expect(theirs).toHaveURL('/login?redirectTo=%2Fprofile');
			await expect(theirs.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

			// And they cannot sign back in with their password.
			await fillSignInForm(theirs, person.email, NEW_PASSWORD);
			await expect(theirs.getByRole('alert')).toHaveText('That email and password do not match an active account.');
		} finally {
			await context.close();
		}
	});

	test('an admin sees where someone is signed in and ends one session, then all of them', async ({ page, browser }) => {
		const person = await createPersonAsAdmin(page);
		const laptop = await freshContext(browser);
		const phone = await freshContext(browser);
		try {
			const onLaptop = await laptop.newPage();
			await acceptInvite(onLaptop, person, NEW_PASSWORD);
			const onPhone = await phone.newPage();
			await gotoReady(onPhone, '/login');
			await fillSignInForm(onPhone, person.email, NEW_PASSWORD);
			await expect(onPhone.getByRole('heading', { level: 1, name: `Hello, ${person.name}` })).toBeVisible();

			await gotoReady(page, `/admin/people/${person.id}`);
			const sessions = page.getByRole('region', { name: 'Sessions' });
			const rows = sessions.getByRole('table', { name: `Sessions of ${person.name}` }).locator('tbody tr');
			await expect(rows).toHaveCount(2);
			// The older session is the laptop's: it is listed last (newest activity first).
			await rows
				.last()
				.getByRole('button', { name: /^End the session/ })
				.click();
			await expect(page.getByRole('status')).toHaveText('Session ended. That browser will be asked to sign in again.');
			await expect(rows).toHaveCount(1);

			await onLaptop.goto('/profile');
			await expect(onLaptop).toHaveURL('/login?redirectTo=%2Fprofile');
			await onPhone.goto('/profile');
			await expect(onPhone).toHaveURL('/profile');

			await gotoReady(onLaptop, '/login?redirectTo=%2Fprofile');
			await fillSignInForm(onLaptop, person.email, NEW_PASSWORD);
			await expect(onLaptop).toHaveURL('/profile');
			await page.reload();
			await sessions.getByRole('button', { name: 'End all 2 sessions' }).click();
			await expect(page.getByRole('status')).toHaveText(
				'Sessions ended. Every browser they used will be asked to sign in again.'
			);
			await expect(sessions).toContainText(`${person.name} is not signed in anywhere.`);
			for (const p of [onLaptop, onPhone]) {
				await p.goto('/');
				await expect(p).toHaveURL('/login?redirectTo=%2F');
			}

			await page.goto('/admin/audit?action=session.ended');
			await expect(page.getByRole('link', { name: `Ended all 2 sessions of ${person.name}` })).toBeVisible();
			await expect(page.getByRole('link', { name: `Ended a session of ${person.name}` })).toBeVisible();
		} finally {
			await laptop.close();
			await phone.close();
		}
	});

	test('adding a manager role shows on the record and in the audit log', async ({ page }) => {
		const person = await createPersonAsAdmin(page, { team: 'Payroll' });
		await gotoReady(page, `/admin/people/${person.id}`);

		const roles = page.getByRole('region', { name: 'Roles' });
		await expect(roles.getByRole('radio', { name: 'Manager of a team' })).toBeChecked();
		await roles.getByLabel('Team they manage').selectOption({ label: 'Payroll' });
		await roles.getByRole('button', { name: 'Add role' }).click();

		await expect(page.getByRole('status')).toHaveText('Roles updated.');
		await expect(roles.getByRole('listitem').filter({ hasText: 'Manager of Payroll' })).toBeVisible();
		await expect(roles.getByRole('button', { name: 'Remove Manager of Payroll' })).toBeVisible();

		await page.goto('/admin/audit?action=role.granted');
		const entry = page
			.getByRole('table', { name: 'Audit events' })
			.getByRole('row')
			.filter({ has: page.getByRole('link', { name: `Made ${person.name} manager of Payroll` }) });
		await expect(entry).toHaveCount(1);
		await expect(entry.getByRole('cell').nth(1)).toHaveText('Amara Nwosu');
		await expect(entry.getByRole('cell').nth(2)).toHaveText('role.granted');

		await entry.getByRole('link').click();
		await expect(page).toHaveURL(`/admin/people/${person.id}`);
		const activity = page.getByRole('region', { name: 'Recent activity' });
		await expect(activity.getByText(`Made ${person.name} manager of Payroll (by Amara Nwosu)`)).toBeVisible();
		await expect(activity.getByText(`Created ${person.name} <${person.email}> (by Amara Nwosu)`)).toBeVisible();
	});
});

test.describe('an admin who works in Dutch', () => {
	test('gets the admin pages, their refusals and the audit log in Dutch', async ({ page, browser }) => {
		// An English-speaking admin adds a Dutch-speaking colleague and makes them an admin.
		const id = unique();
		const name = `Daan Beheer ${id}`;
		await gotoReady(page, '/admin/people/new');
		await page.getByLabel('Full name').fill(name);
		await page.getByLabel('Email', { exact: true }).fill(`daan.${id}@e2e.example`);
		await page.getByLabel('Preferred language').selectOption({ label: 'Nederlands' });
		await page.getByRole('button', { name: 'Add person and create invite link' }).click();
		const inviteUrl = await page.getByLabel(`Set-password link for ${name}`).inputValue();
		await page.getByRole('link', { name: 'Open their record' }).click();
		const roles = page.getByRole('region', { name: 'Roles' });
		await roles.getByRole('radio', { name: 'Admin' }).check();
		await roles.getByRole('button', { name: 'Add role' }).click();
		await expect(page.getByRole('status')).toHaveText('Roles updated.');

		const context = await freshContext(browser);
		try {
			const daan = await context.newPage();
			await gotoReady(daan, inviteUrl);
			await daan.getByLabel(text('en', 'invite_password')).fill(NEW_PASSWORD);
			await daan.getByLabel(text('en', 'invite_confirm')).fill(NEW_PASSWORD);
			await daan.getByRole('button', { name: text('en', 'invite_submit') }).click();
			await expect(daan).toHaveURL(/\/\?welcome=1$/);

			await gotoReady(daan, '/admin/people');
			await expect(daan.locator('html')).toHaveAttribute('lang', 'nl');
			await expect(daan.getByRole('heading', { level: 1 })).toHaveText(text('nl', 'admin_people_heading'));
			const sections = daan.getByRole('navigation', { name: text('nl', 'admin_nav_label') });
			await expect(sections.getByRole('link', { name: text('nl', 'admin_nav_audit') })).toBeVisible();
			await expect(
				daan.getByRole('table', { name: text('nl', 'admin_people_caption') }).getByRole('columnheader')
			).toHaveText(['Naam', 'E-mail', 'Functietitel', 'Team', 'Organisatie-eenheid']);

			// A refusal from the organisation service, worded in Dutch next to the field.
			await gotoReady(daan, '/admin/org');
			const form = daan.getByRole('region', { name: text('nl', 'admin_org_team_add_heading') });
			await form.getByLabel(text('nl', 'admin_org_team_name')).fill('accounts PAYABLE');
			await form.getByLabel(text('nl', 'admin_org_team_unit')).selectOption({ label: '\u00a0\u00a0HR Services' });
			await form.getByRole('button', { name: text('nl', 'admin_org_team_add') }).click();
			await expect(form.getByLabel(text('nl', 'admin_org_team_name'))).toHaveAccessibleDescription(
				'Er bestaat al een team met de naam Accounts Payable.'
			);

			// The audit log words each summary for its reader: the grant above, recorded in English.
			await gotoReady(daan, '/admin/audit?action=role.granted');
			await expect(daan.getByRole('link', { name: `${name} aangesteld als beheerder` })).toBeVisible();
		} finally {
			await context.close();
		}
	});
});
