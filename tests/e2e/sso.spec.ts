import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { expect, test as base, type Page } from '@playwright/test';
import { backupSqlite } from '../../src/lib/server/db/backup';
import { startOpenIdProvider, type TestOpenIdProvider } from '../oidc-provider';
import { DEMO_PASSWORD, expectNoAxeViolations, fillSignInForm, gotoReady, unique } from './fixtures';
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

test('forced single sign-on refuses a password for a normal account and accepts it for a break-glass admin', async ({
	page,
	world
}) => {
	withDatabase(world, (db) => {
		db.prepare(
			`insert into app_meta (key, value) values ('sso_forced', '1') on conflict (key) do update set value = '1'`
		).run();
		const admin = db.prepare(`select id from people where email = 'admin@ripple.test'`).get() as { id: string };
		db.prepare(`insert or ignore into sso_break_glass (person_id, created_at) values (?, ?)`).run(
			admin.id,
			new Date().toISOString()
		);
	});
	try {
		await gotoReady(page, '/login');
		await expect(page.getByText('Your organisation signs in to Ripple with its company account.')).toBeVisible();
		await fillSignInForm(page, 'staff@ripple.test', DEMO_PASSWORD);
		await expect(page.getByRole('alert')).toContainText('Your organisation signs in with its company account');
		await expect(page).toHaveURL('/login');

		await fillSignInForm(page, 'admin@ripple.test', DEMO_PASSWORD);
		await expect(page).toHaveURL('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Amara Nwosu');
	} finally {
		withDatabase(world, (db) => db.prepare(`delete from app_meta where key = 'sso_forced'`).run());
	}
});
