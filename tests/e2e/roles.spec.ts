import { expect, test } from './worker-server';
import { demoLocales, demoNames, storageStateFor, text, unique } from './fixtures';

for (const role of ['staff', 'manager', 'leader'] as const) {
	test.describe(`${role} and the admin pages`, () => {
		test.use({ storageState: storageStateFor(role) });

		for (const path of ['/admin', '/admin/people']) {
			test(`GET ${path} is forbidden`, async ({ page }) => {
				const response = await page.goto(path);
				expect(response?.status()).toBe(403);
				await expect(page).toHaveURL(path);
				// Each in the person's own language (the demo leader works in Dutch).
				const locale = demoLocales[role];
				await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(locale, 'shell_error_title_forbidden'));
				await expect(page.getByText(text(locale, 'shell_admin_only'))).toBeVisible();
			});
		}
	});
}

test.describe('staff', () => {
	test.use({ storageState: storageStateFor('staff') });

	test('cannot post to an admin action', async ({ page, server }) => {
		await page.goto('/');
		const id = unique();
		// page.request carries the staff session cookie; the Origin header gets past CSRF so the app's own check answers.
		const response = await page.request.post('/admin/people/new', {
			form: {
				name: `Sneaky ${id}`,
				email: `sneaky.${id}@e2e.example`,
				job_title: '',
				team_id: '',
				manager_email: '',
				time_zone: 'UTC',
				language: 'en'
			},
			headers: { origin: server.origin },
			maxRedirects: 0
		});
		expect(response.status()).toBe(403);
		expect(await response.text()).toBe('Only admins can do this');
	});

	test('home shows their team and manager', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Priya Raman');
		const you = page.getByRole('region', { name: 'You', exact: true });
		await expect(you.getByRole('definition').nth(1)).toContainText('Accounts Payable');
		await expect(you.getByRole('definition').nth(2)).toHaveText('Tomasz Nowak');
		await expect(page.getByText('Accounts Payable Specialist · Accounts Payable')).toBeVisible();
		// Staff have no team or unit overview of their own.
		await expect(page.getByRole('heading', { name: /^Your team:/ })).toHaveCount(0);
		await expect(page.getByRole('heading', { name: /at a glance$/ })).toHaveCount(0);
	});
});

test.describe('manager', () => {
	test.use({ storageState: storageStateFor('manager') });

	test('home shows their team and opens a team member', async ({ page }) => {
		await page.goto('/');
		const team = page.getByRole('region', { name: 'Your team: Accounts Payable' });
		await expect(team).toBeVisible();
		const priya = team.getByRole('link', { name: 'Priya Raman' });
		await expect(priya).toBeVisible();

		await priya.click();
		await expect(page).toHaveURL(/\/people\/[^/]+$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Priya Raman');
		await expect(page.getByRole('region', { name: 'Details' })).toContainText('staff@ripple.test');
		// Only admins get the edit link.
		await expect(page.getByRole('link', { name: 'Edit in admin' })).toHaveCount(0);
	});

	test('gets 404 for a person in another team', async ({ page, browser }) => {
		// Find someone in Payroll through the admin directory, in a separate admin context.
		const admin = await browser.newContext({ storageState: storageStateFor('admin') });
		let personId: string;
		try {
			const adminPage = await admin.newPage();
			await adminPage.goto('/admin/people?q=marta.kaminska');
			const link = adminPage
				.getByRole('table', { name: 'People matching the filters' })
				.getByRole('link', { name: 'Marta Kamińska' });
			const href = await link.getAttribute('href');
			expect(href).toMatch(/^\/admin\/people\/[^/]+$/);
			personId = href!.split('/').pop()!;
		} finally {
			await admin.close();
		}

		const response = await page.goto(`/people/${personId}`);
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		await expect(page.getByText('We could not find that person.')).toBeVisible();
		await expect(page.getByText('Marta')).toHaveCount(0);
	});
});

test.describe('leader', () => {
	test.use({ storageState: storageStateFor('leader') });

	test('home shows their unit at a glance with its teams', async ({ page }) => {
		// Hannah works in Dutch: her home page speaks it.
		const nl = (key: string, unit = 'Finance Shared Services') => text('nl', key).replace('{unit}', unit);
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			text('nl', 'shell_home_greeting').replace('{name}', demoNames.leader)
		);
		const unit = page.getByRole('region', { name: nl('shell_home_unit_heading') });
		await expect(unit).toBeVisible();

		const table = unit.getByRole('table', { name: nl('shell_home_unit_caption') });
		await expect(table.getByRole('columnheader')).toHaveText(
			['team', 'kind', 'unit', 'managers', 'people'].map((column) => nl(`shell_home_col_${column}`))
		);
		const ap = table
			.getByRole('row')
			.filter({ has: page.getByRole('cell', { name: 'Accounts Payable', exact: true }) });
		await expect(ap.getByRole('cell').nth(3)).toContainText('Tomasz Nowak');
		await expect(table.getByRole('row').filter({ hasText: 'Accounts Receivable' })).toHaveCount(1);
		await expect(table.getByRole('row').filter({ hasText: 'General Ledger & Reporting' })).toHaveCount(1);
		await expect(table.getByRole('row').filter({ hasText: 'Payroll' })).toHaveCount(0);
	});
});
