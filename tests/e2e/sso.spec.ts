import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { expect, test as base, type Page } from '@playwright/test';
import { backupSqlite } from '../../src/lib/server/db/backup';
import { startOpenIdProvider, type TestOpenIdProvider } from '../oidc-provider';
import {
	createPersonAsAdmin,
	DEMO_PASSWORD,
	expectNoAxeViolations,
	fillSignInForm,
	freshContext,
	gotoReady,
	storageStateFor,
	unique,
	waitForHydration
} from './fixtures';
import { freePorts, startInstance, stopInstance, waitUntilHealthy } from './servers';
import { seededDatabase } from './worker-server';

/**
 * Single sign-on against a real OpenID provider (oidc-provider, tests/oidc-provider.ts), clicked
 * through in Chromium. Each worker gets its own provider and its own Ripple configured to use it
 * (`SSO_PROVIDERS`), on a copy of the demo database, so forcing single sign-on here changes nothing
 * for the rest of the suite.
 */
interface SsoWorld {
	origin: string;
	databasePath: string;
	idp: TestOpenIdProvider;
}

const DOMAIN = 'people.northwind.example';

const test = base.extend<object, { world: SsoWorld }>({
	world: [
		// eslint-disable-next-line no-empty-pattern
		async ({}, use, workerInfo) => {
			const dir = mkdtempSync(join(tmpdir(), `ripple-sso-worker${workerInfo.workerIndex}-`));
			const databasePath = join(dir, 'ripple.db');
			await backupSqlite(seededDatabase, databasePath);
			const [ripplePort, idpPort] = await freePorts(2);
			const origin = `http://localhost:${ripplePort}`;
			const idp = await startOpenIdProvider(
				[
					{
						client_id: 'ripple-e2e',
						client_secret: 'ripple-e2e-secret',
						redirect_uris: [`${origin}/login/sso/northwind/callback`]
					}
				],
				{ port: idpPort }
			);
			const provider = {
				slug: 'northwind',
				displayName: 'Northwind ID',
				issuer: idp.issuer,
				clientId: 'ripple-e2e',
				clientSecret: 'ripple-e2e-secret',
				domains: [DOMAIN],
				allowNewPeople: true,
				claims: { department: 'department', jobTitle: 'job_title', employeeId: 'employee_id' }
			};
			const instance = startInstance(`sso ${workerInfo.workerIndex}`, ripplePort!, databasePath, {
				LOGIN_THROTTLE_IP_MAX: '1000',
				SECRETS_KEY: 'e2e-secrets-key-of-more-than-32-characters',
				SSO_PROVIDERS: JSON.stringify([provider])
			});
			try {
				await waitUntilHealthy(instance, Date.now() + 60_000);
				await use({ origin, databasePath, idp });
			} finally {
				await stopInstance(instance);
				await idp.close();
				rmSync(dir, { recursive: true, force: true });
			}
		},
		{ scope: 'worker', timeout: 90_000 }
	],
	baseURL: async ({ world }, use) => use(world.origin)
});

/** Signs in on the provider's own login page (any password) and waits to be back in Ripple. */
async function signInAtProvider(page: Page, world: SsoWorld, login: string) {
	await expect(page).toHaveURL(new RegExp(`^${world.idp.issuer}/interaction/`));
	await page.locator('input[name="login"]').fill(login);
	await page.locator('input[name="password"]').fill('any password at all');
	await page.getByRole('button', { name: 'Sign-in' }).click();
	await page.waitForURL((url) => url.origin === world.origin);
}

function withDatabase<T>(world: SsoWorld, work: (db: SQLite.Database) => T): T {
	const db = new SQLite(world.databasePath);
	try {
		return work(db);
	} finally {
		db.close();
	}
}

test('a newcomer signs in with the company account and lands in Ripple as themselves, with no password', async ({
	page,
	world
}) => {
	const id = unique();
	const email = `nadia.${id}@${DOMAIN}`;
	world.idp.people.set(`nadia-${id}`, {
		sub: `nadia-${id}`,
		email,
		name: `Nadia Okafor ${id}`,
		extra: { department: 'Accounts Payable', job_title: 'AP Analyst', employee_id: `E-${id}` }
	});

	await gotoReady(page, '/login');
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Sign in with Northwind ID' }).click();
	await signInAtProvider(page, world, `nadia-${id}`);
	await expect(page).toHaveURL('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hello, Nadia Okafor ${id}`);

	const person = withDatabase(world, (db) =>
		db.prepare('select id, department, job_title, employee_id, password_hash from people where email = ?').get(email)
	) as { id: string; department: string; job_title: string; employee_id: string; password_hash: string | null };
	expect(person).toMatchObject({
		department: 'Accounts Payable',
		job_title: 'AP Analyst',
		employee_id: `E-${id}`,
		password_hash: null
	});

	// The second time, the same person: no second account, no second link.
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL('/login');
	await page.getByRole('link', { name: 'Sign in with Northwind ID' }).click();
	// The provider remembers the browser, so it may send the person straight back.
	if (page.url().startsWith(world.idp.issuer)) await signInAtProvider(page, world, `nadia-${id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hello, Nadia Okafor ${id}`);
	const counts = withDatabase(world, (db) => ({
		people: (db.prepare('select count(*) as n from people where email = ?').get(email) as { n: number }).n,
		links: (
			db.prepare('select count(*) as n from person_identities where person_id = ?').get(person.id) as { n: number }
		).n
	}));
	expect(counts).toEqual({ people: 1, links: 1 });
});

test('typing an address the provider serves sends the person there instead of asking for a password', async ({
	page,
	world
}) => {
	const id = unique();
	const email = `omar.${id}@${DOMAIN}`;
	world.idp.people.set(`omar-${id}`, { sub: `omar-${id}`, email, name: `Omar Haddad ${id}` });

	await gotoReady(page, '/login?redirectTo=%2Fprofile');
	await page.getByLabel('Email', { exact: true }).fill(email);
	await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0);
	await page.getByRole('button', { name: 'Continue with Northwind ID' }).click();
	await signInAtProvider(page, world, `omar-${id}`);
	// Back where they were going.
	await expect(page).toHaveURL('/profile');
});

test('an existing person is linked by their verified email, and an unverified one is refused calmly', async ({
	page,
	world
}) => {
	const id = unique();
	world.idp.people.set(`priya-${id}`, { sub: `priya-${id}`, email: 'staff@ripple.test', name: 'Priya R.' });
	world.idp.people.set(`mallory-${id}`, {
		sub: `mallory-${id}`,
		email: 'manager@ripple.test',
		email_verified: false,
		name: 'Mallory'
	});

	await gotoReady(page, '/login');
	await page.getByRole('link', { name: 'Sign in with Northwind ID' }).click();
	await signInAtProvider(page, world, `mallory-${id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('We couldn’t sign you in');
	await expect(page.getByRole('alert')).toContainText('has not verified your email address');
	await expectNoAxeViolations(page);
	expect((await page.context().cookies()).some((c) => c.name === 'ripple_session')).toBe(false);

	await page.context().clearCookies();
	await gotoReady(page, '/login');
	await page.getByRole('link', { name: 'Sign in with Northwind ID' }).click();
	await signInAtProvider(page, world, `priya-${id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Priya Raman');
});

test('a deactivated person cannot sign in through the provider either', async ({ page, world }) => {
	const id = unique();
	const email = `left.${id}@ripple.test`;
	withDatabase(world, (db) =>
		db
			.prepare(
				`insert into people (id, email, name, job_title, time_zone, language, active, created_at, updated_at)
				 values (?, ?, ?, '', 'UTC', 'en', 0, ?, ?)`
			)
			.run(`left-${id}`, email, `Lee Left ${id}`, new Date().toISOString(), new Date().toISOString())
	);
	world.idp.people.set(`left-${id}`, { sub: `left-${id}`, email, name: 'Lee Left' });

	await gotoReady(page, '/login');
	await page.getByRole('link', { name: 'Sign in with Northwind ID' }).click();
	await signInAtProvider(page, world, `left-${id}`);
	await expect(page.getByRole('alert')).toHaveText(
		'Your Ripple account is deactivated. If you think that is a mistake, ask your Ripple administrator.'
	);
	await expect(page.getByRole('link', { name: 'Back to sign-in' })).toBeVisible();
});

test.describe('the admin', () => {
	test.use({ storageState: storageStateFor('admin') });

	test('adds a provider after testing it, and turns passwords off for all but a break-glass admin', async ({
		page,
		browser,
		world
	}) => {
		const id = unique();
		await gotoReady(page, '/admin/sign-in');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Single sign-on');
		await expect(page.getByRole('row', { name: /Northwind ID/ })).toContainText('Set in the environment (read-only)');
		await expect(page.getByRole('row', { name: /Northwind ID/ })).toContainText(
			`${world.origin}/login/sso/northwind/callback`
		);
		await expectNoAxeViolations(page);

		await page.getByRole('link', { name: 'Add a provider' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add a sign-in provider');
		await waitForHydration(page);
		await page.getByLabel('Name', { exact: true }).fill(`Second ${id}`);
		await page.getByLabel('Slug').fill(`second-${id}`);
		await expect(page.getByText(`${world.origin}/login/sso/second-${id}/callback`)).toBeVisible();
		await page.getByLabel('Issuer URL').fill('http://127.0.0.1:1/nowhere');
		await page.getByLabel('Client ID').fill('ripple-e2e');
		await page.getByLabel('Client secret').fill('ripple-e2e-secret');
		await page.getByLabel('Email domains it serves').fill('second.example');
		// A provider that does not answer is refused next to the issuer, and nothing typed is lost.
		await page.getByRole('button', { name: 'Test and add provider' }).click();
		await expect(page.getByText('Ripple could not read the provider’s settings from this issuer')).toBeVisible();
		await expect(page.getByLabel('Name', { exact: true })).toHaveValue(`Second ${id}`);
		await expectNoAxeViolations(page);

		await page.getByLabel('Issuer URL').fill(world.idp.issuer);
		await page.getByLabel('Client secret').fill('ripple-e2e-secret');
		await page.getByRole('button', { name: 'Test configuration' }).click();
		await expect(page.getByRole('status')).toHaveText('The provider answered and its 1 signing key loaded.');
		await page.getByLabel('Client secret').fill('ripple-e2e-secret');
		await page.getByRole('button', { name: 'Test and add provider' }).click();
		await expect(page).toHaveURL('/admin/sign-in?saved=provider');
		await expect(page.getByRole('row', { name: new RegExp(`Second ${id}`) })).toContainText('In use');

		try {
			await page.getByLabel('Turn password sign-in off: everyone signs in with a company account').check();
			await page.getByRole('checkbox', { name: /Amara Nwosu/ }).check();
			await page.getByRole('button', { name: 'Save', exact: true }).click();
			await expect(page.getByRole('status')).toHaveText('The password sign-in setting is saved.');

			const other = await freshContext(browser);
			const visitor = await other.newPage();
			await visitor.goto(`${world.origin}/login`);
			await expect(visitor.getByText('Your organisation signs in to Ripple with its company account.')).toBeVisible();
			await fillSignInForm(visitor, 'staff@ripple.test', DEMO_PASSWORD);
			await expect(visitor.getByRole('alert')).toContainText('Your organisation signs in with its company account');
			await fillSignInForm(visitor, 'admin@ripple.test', DEMO_PASSWORD);
			await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Hello, Amara Nwosu');
			await other.close();

			// An invitation now leads to the provider instead of a password form.
			const invited = await createPersonAsAdmin(page, { email: `invited.${id}@ripple.test` });
			world.idp.people.set(`invited-${id}`, { sub: `invited-${id}`, email: invited.email, name: invited.name });
			const newcomer = await freshContext(browser);
			const tab = await newcomer.newPage();
			await tab.goto(invited.inviteUrl);
			await expect(tab.getByRole('heading', { level: 1 })).toHaveText(`Welcome to Ripple, ${invited.name}`);
			await expect(tab.getByLabel('New password')).toHaveCount(0);
			await expectNoAxeViolations(tab);
			await tab.getByRole('link', { name: 'Sign in with Northwind ID' }).click();
			await signInAtProvider(tab, world, `invited-${id}`);
			await expect(tab.getByRole('heading', { level: 1 })).toHaveText(`Hello, ${invited.name}`);
			await newcomer.close();
		} finally {
			withDatabase(world, (db) => db.prepare(`update app_meta set value = '0' where key = 'sso_forced'`).run());
		}

		await gotoReady(page, '/admin/sign-in');
		await page.getByRole('link', { name: `Second ${id}` }).click();
		await page.getByRole('button', { name: `Remove Second ${id}` }).click();
		await expect(page).toHaveURL('/admin/sign-in?saved=deleted');
		await expect(page.getByRole('row', { name: new RegExp(`Second ${id}`) })).toHaveCount(0);
	});
});
