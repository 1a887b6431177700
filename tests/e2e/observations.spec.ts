import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './worker-server';
import {
	DEMO_PASSWORD,
	expectNoAxeViolations,
	fillSignInForm,
	freshContext,
	gotoReady,
	storageStateFor,
	unique,
	type DemoRole
} from './fixtures';

const as = async (browser: Browser, role: DemoRole) =>
	(await browser.newContext({ storageState: storageStateFor(role) })).newPage();

/** Signs in a demo person who has no stored session (anyone beyond the four role accounts). */
async function signedInAs(browser: Browser, email: string): Promise<Page> {
	const page = await (await freshContext(browser)).newPage();
	await gotoReady(page, '/login');
	await fillSignInForm(page, email, DEMO_PASSWORD);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello');
	return page;
}

/** A team's id, read from the admin's organisation page. */
async function teamId(admin: Page, name: string): Promise<string> {
	await gotoReady(admin, '/admin/org');
	const href = await admin.getByRole('link', { name, exact: true }).getAttribute('href');
	const id = new URL(href ?? '', 'http://x').searchParams.get('team');
	expect(id).toBeTruthy();
	return id!;
}

/** Opens a person's page through the manager's team matrix and returns their id. */
async function personId(page: Page, name: string): Promise<string> {
	await gotoReady(page, '/learn/team');
	await page
		.getByRole('table', { name: /Learning in/ })
		.getByRole('link', { name, exact: true })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	await page.waitForLoadState('networkidle');
	return new URL(page.url()).pathname.split('/').at(-1)!;
}

/** Opens the observation form for a person by email and picks the behaviour. */
async function startObservation(page: Page, email: string, behaviour: string): Promise<string> {
	await gotoReady(page, '/observations/new');
	await page.getByLabel('Their email address').fill(email);
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page).toHaveURL(/\/observations\/new\?person=/);
	const personId = new URL(page.url()).searchParams.get('person')!;
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Behaviour to rate').selectOption({ label: behaviour });
	await expect(
		page.getByRole('group', { name: new RegExp(`Which level fits what you saw\\? \\(${behaviour}`) })
	).toBeVisible();
	return personId;
}

async function fillEvidence(page: Page, level: number, situation: string) {
	await page.getByRole('radio', { name: new RegExp(`^Level ${level}`) }).check();
	await page.getByLabel('Situation').fill(situation);
	await page
		.getByLabel('What they did')
		.fill('Chased procurement for the missing purchase order and told the supplier who had it now.');
	await page
		.getByLabel('Impact')
		.fill('The supplier was paid on the due date and Customer Care took no escalation call.');
}

test('a manager records an observation with evidence, Priya responds, and another team’s manager gets 404', async ({
	browser
}) => {
	// A journey through several people's pages with axe checks: slow on two cores.
	test.slow();
	const situation = `A supplier payment was blocked at month end ${unique()}`;

	// Tomasz records it, with the anchors of the chosen behaviour in front of him.
	const manager = await as(browser, 'manager');
	const priya = await startObservation(manager, 'staff@ripple.test', 'Takes ownership');
	await expect(manager.getByText('You manage them, so it is recorded as a manager observation.')).toBeVisible();
	await expect(manager.getByText('Modules that build this behaviour:')).toBeVisible();
	await expectNoAxeViolations(manager);
	await fillEvidence(manager, 4, situation);
	await manager.getByRole('button', { name: 'Save observation' }).click();
	await expect(manager.getByRole('status')).toHaveText('Observation saved.');
	await expect(manager).toHaveURL(/\/observations\/[a-z0-9]+\?saved=created$/);
	const observationUrl = manager.url().replace(/\?.*$/, '');
	await expect(manager.getByText('Level 4 of 5')).toBeVisible();
	await expect(manager.getByText('Manager', { exact: true })).toBeVisible();

	// Priya sees it on My growth and responds.
	const staff = await as(browser, 'staff');
	await gotoReady(staff, '/growth');
	await expectNoAxeViolations(staff);
	const card = staff.getByRole('article').filter({ hasText: situation });
	await expect(card).toContainText('By Tomasz Nowak');
	await expect(card).toContainText('Level 4 of 5');
	await card.getByText('Respond', { exact: true }).click();
	await card.getByLabel('Your response').fill('Thank you. Procurement turned it round within the hour too.');
	await card.getByRole('button', { name: 'Save response' }).click();
	await expect(staff.getByRole('status')).toHaveText('Your response is saved.');
	await expect(staff.getByRole('article').filter({ hasText: situation })).toContainText('Priya Raman responded');

	// The manager sees it in the team's evidence, with the response.
	const admin = await as(browser, 'admin');
	const accountsPayable = await teamId(admin, 'Accounts Payable');
	await gotoReady(manager, `/measure/teams/${accountsPayable}/observations?source=manager`);
	await expect(manager.getByRole('heading', { level: 1 })).toHaveText('Evidence: Accounts Payable');
	await expect(manager.getByRole('article').filter({ hasText: situation })).toContainText(
		'Thank you. Procurement turned it round'
	);
	await expectNoAxeViolations(manager);

	// And on Priya's own page of observations, with her recognition beside them.
	await gotoReady(manager, `/people/${priya}`);
	await manager.getByRole('link', { name: /^All \d+ observations/ }).click();
	await expect(manager.getByRole('heading', { level: 1 })).toHaveText('Observations of Priya Raman');
	await expect(manager.getByRole('article').filter({ hasText: situation })).toBeVisible();
	await expect(
		manager
			.getByRole('complementary', { name: 'Other evidence' })
			.getByRole('heading', { name: 'Recognition received' })
	).toBeVisible();
	await expectNoAxeViolations(manager);

	// The manager of Customer Care sees neither the observation nor the team's evidence.
	const carlos = await signedInAs(browser, 'carlos.mendoza@northwind.example');
	expect((await carlos.goto(observationUrl))?.status()).toBe(404);
	expect((await carlos.goto(`/measure/teams/${accountsPayable}/observations`))?.status()).toBe(404);

	// Nor does a colleague in another team.
	const colleague = await signedInAs(browser, 'jessica.taylor@northwind.example');
	expect((await colleague.goto(observationUrl))?.status()).toBe(404);

	for (const page of [manager, staff, admin, carlos, colleague]) await page.context().close();
});

test('an admin changes the anchors of an observed behaviour and the old observation keeps its anchor', async ({
	browser
}) => {
	const id = unique();
	const label = `Flags risks early ${id}`;
	const oldAnchor = `Spots a payment risk and says nothing until it fails (${id}).`;
	const newAnchor = `Raises a payment risk the day it appears (${id}).`;
	const admin = await as(browser, 'admin');

	// A behaviour of its own, so other tests' ratings are untouched.
	await gotoReady(admin, '/admin/behaviours');
	await admin.getByRole('link', { name: 'Add a behaviour to Reliability' }).click();
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Add a behaviour');
	await expect(admin.getByLabel('Value')).toHaveValue(/.+/);
	await admin.getByLabel('Name').fill(label);
	await admin.getByLabel('Level 1', { exact: true }).fill(`Hides problems until someone else finds them (${id}).`);
	await admin.getByLabel('Level 2', { exact: true }).fill(oldAnchor);
	await admin.getByLabel('Level 3', { exact: true }).fill(`Mentions risks when asked at the weekly meeting (${id}).`);
	await admin
		.getByLabel('Level 4', { exact: true })
		.fill(`Raises risks with a suggested fix before they bite (${id}).`);
	await admin.getByLabel('Level 5', { exact: true }).fill(`Builds early warnings the whole team relies on (${id}).`);
	await admin.getByRole('button', { name: 'Add behaviour' }).click();
	await expect(admin.getByRole('status')).toContainText('Behaviour added.');
	const behaviourUrl = admin.url().replace(/\?.*$/, '');

	// The manager rates Priya at level 2 on it.
	const manager = await as(browser, 'manager');
	await startObservation(manager, 'staff@ripple.test', label);
	await expect(
		manager.getByRole('radio', { name: new RegExp(`Level 2 ${oldAnchor.replace(/[().]/g, '\\$&')}`) })
	).toBeVisible();
	await fillEvidence(manager, 2, `The supplier run was at risk ${id}`);
	await manager.getByRole('button', { name: 'Save observation' }).click();
	await expect(manager.getByRole('status')).toHaveText('Observation saved.');
	const observationUrl = manager.url().replace(/\?.*$/, '');

	// The admin rewrites level 2: a new version, because someone was rated on the old one.
	await gotoReady(admin, behaviourUrl);
	await expect(admin.getByText('1 observation rests on version 1')).toBeVisible();
	await admin.getByLabel('Level 2', { exact: true }).fill(newAnchor);
	await admin.getByRole('button', { name: 'Save behaviour' }).click();
	await expect(admin.getByRole('status')).toContainText('Saved as version 2.');
	const versions = admin.getByRole('table', { name: new RegExp(`Anchors of every version of ${label}`) });
	await expect(versions).toContainText(oldAnchor);
	await expect(versions).toContainText(newAnchor);
	await expectNoAxeViolations(admin);

	// Priya's observation still reads the anchor it was given against.
	for (const page of [manager, admin]) {
		await gotoReady(page, observationUrl);
		await expect(page.getByText(oldAnchor)).toBeVisible();
		await expect(page.getByText('(scale version 1)')).toBeVisible();
		await expect(page.getByText(newAnchor)).toHaveCount(0);
	}
	for (const page of [manager, admin]) await page.context().close();
});

test.describe('the observation form', () => {
	test.use({ storageState: storageStateFor('manager') });

	test('names each control once: the behaviour to rate, and what they did', async ({ page }) => {
		await gotoReady(page, '/observations/new?person=' + (await personId(page, 'Priya Raman')));
		await page.getByLabel('Behaviour to rate').selectOption({ label: 'Takes ownership' });
		await expect(page.getByRole('group', { name: /Which level fits what you saw/ })).toBeVisible();
		await expect(page.getByRole('combobox', { name: /behaviour/i })).toHaveCount(1);
		await expect(page.getByRole('textbox', { name: /behaviour/i })).toHaveCount(0);
		await expect(page.getByRole('textbox', { name: 'What they did', exact: true })).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('leads back to the person’s page it was opened from', async ({ page }) => {
		const priya = await personId(page, 'Priya Raman');
		await page.getByRole('link', { name: 'Add observation' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Observe Priya Raman');
		const back = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link');
		await expect(back).toHaveText('← Priya Raman');
		// Choosing the behaviour reloads the form, and the way back stays.
		await page.waitForLoadState('networkidle');
		await page.getByLabel('Behaviour to rate').selectOption({ label: 'Keeps promises' });
		await expect(page.getByRole('radio', { name: /^Level 3/ })).toBeVisible();
		await expect(back).toHaveText('← Priya Raman');
		await back.click();
		await expect(page).toHaveURL(new RegExp(`/people/${priya}$`));

		// From the evidence page, back to it.
		await gotoReady(page, `/people/${priya}/observations`);
		await page.getByRole('link', { name: 'Add observation' }).click();
		await expect(back).toHaveText('← Observations of Priya Raman');
		await back.click();
		await expect(page).toHaveURL(new RegExp(`/people/${priya}/observations$`));

		// From the email step, the way back is kept through the lookup.
		await gotoReady(page, `/observations/new?from=${encodeURIComponent(`/people/${priya}`)}`);
		await page.getByLabel('Their email address').fill('staff@ripple.test');
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Observe Priya Raman');
		await expect(back).toHaveAttribute('href', `/people/${priya}`);

		// Without a way back, or with one leading off Ripple, it is My growth.
		for (const from of ['', '//evil.example/x', 'https://evil.example/x', '/\t/evil.example']) {
			await gotoReady(page, `/observations/new?person=${priya}&from=${encodeURIComponent(from)}`);
			await expect(back).toHaveText('← My growth');
			await expect(back).toHaveAttribute('href', '/growth');
		}
	});

	test('the team’s evidence names the person, then the behaviour', async ({ page, browser }) => {
		const admin = await as(browser, 'admin');
		const accountsPayable = await teamId(admin, 'Accounts Payable');
		await admin.context().close();
		await gotoReady(page, `/measure/teams/${accountsPayable}/observations`);
		const heading = page.getByRole('article').first().getByRole('heading');
		await expect(heading).toHaveText(/^[^:]+: \S/);
	});
});

test.describe('staff', () => {
	test.use({ storageState: storageStateFor('staff') });

	test('rates themselves, and cannot choose the source', async ({ page }) => {
		const situation = `Month-end close with two people off sick ${unique()}`;
		await gotoReady(page, '/growth');
		await page.getByRole('link', { name: 'Rate yourself' }).first().click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rate yourself');
		await page.getByLabel('Behaviour to rate').selectOption({ label: 'Keeps promises' });
		await expect(page.getByRole('radio', { name: /^Level 3/ })).toBeVisible();
		await fillEvidence(page, 3, situation);
		// A source slipped into the form is ignored: the server decides it from who writes about whom.
		await page
			.locator('form')
			.filter({ has: page.getByRole('button', { name: 'Save self-rating' }) })
			.evaluate((form) => {
				form.insertAdjacentHTML('beforeend', '<input type="hidden" name="source" value="manager" />');
			});
		await page.getByRole('button', { name: 'Save self-rating' }).click();
		await expect(page.getByRole('status')).toHaveText('Observation saved.');
		await expect(page.getByText('Self-rating', { exact: true }).first()).toBeVisible();
		await expect(page.getByText('Manager', { exact: true })).toHaveCount(0);
		await gotoReady(page, '/growth');
		await expect(page.getByRole('region', { name: 'Behaviours at a glance' })).toContainText('Keeps promises');
	});

	test('cannot open another team’s evidence', async ({ page, browser }) => {
		const admin = await as(browser, 'admin');
		const care = await teamId(admin, 'Customer Care');
		await admin.context().close();
		expect((await page.goto(`/measure/teams/${care}/observations`))?.status()).toBe(404);
	});
});
