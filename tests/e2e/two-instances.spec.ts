import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, request, type APIRequestContext, type APIResponse } from '@playwright/test';
import pg from 'pg';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { newId } from '../../src/lib/server/db/ids';
import { postgresBinDir, startCluster, type Cluster } from '../postgres/cluster';
import { DEMO_PASSWORD } from './fixtures';
import {
	freePorts,
	killGroup,
	root,
	seedDemo,
	sessionCookie,
	startInstance,
	stopInstance,
	waitUntilHealthy,
	type Instance
} from './servers';

// Two production servers on one PostgreSQL database, as behind a load balancer: whatever one
// instance knows, the other must know too. This spec brings its own database and servers (the
// usual SQLite e2e server is not used) and signs in through form posts, not storage states.

const DAY = 86_400_000;

let cluster: Cluster | undefined;
let database: Db | undefined;
let instances: Instance[] = [];

/** Ends both servers and the cluster; safe to call twice, and synchronous enough for process exit. */
function killEverything(): void {
	for (const { child } of instances) killGroup(child, 'SIGKILL');
	cluster?.stop();
}

/** An HTTP client for one instance, "behind the load balancer" at the given client address. */
function clientOf(instance: Instance, address: string): Promise<APIRequestContext> {
	return request.newContext({
		baseURL: instance.origin,
		extraHTTPHeaders: { origin: instance.origin, 'x-forwarded-for': address },
		maxRedirects: 0
	});
}

function postLogin(api: APIRequestContext, email: string, password: string, address?: string): Promise<APIResponse> {
	return api.post('/login', { form: { email, password }, headers: address ? { 'x-forwarded-for': address } : {} });
}

/** Signs in through the form and returns the `ripple_session=…` cookie pair. */
async function signIn(api: APIRequestContext, email: string, address?: string): Promise<string> {
	const response = await postLogin(api, email, DEMO_PASSWORD, address);
	expect(response.status(), `sign-in of ${email}`).toBe(303);
	const cookie = sessionCookie(response);
	expect(cookie, `a session cookie for ${email}`).toBeDefined();
	return cookie!;
}

async function expectThrottled(response: APIResponse, where: string): Promise<void> {
	expect(response.status(), where).toBe(429);
	const retryAfter = Number(response.headers()['retry-after']);
	expect(
		Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 15 * 60,
		`Retry-After ${retryAfter} on ${where}`
	).toBe(true);
	expect(await response.text()).toContain('Too many failed sign-in attempts');
	expect(sessionCookie(response), `no session on ${where}`).toBeUndefined();
}

test.describe('two Ripple instances on one PostgreSQL database', () => {
	test.describe.configure({ mode: 'serial' });
	test.skip(
		!process.env.CI && postgresBinDir() === null,
		'PostgreSQL is not installed (no initdb found), so the two-instance test cannot run; on Debian: apt-get install -y postgresql. Under CI this fails instead.'
	);

	test.beforeAll(async () => {
		test.setTimeout(120_000);
		if (postgresBinDir() === null) {
			throw new Error(
				'PostgreSQL is not installed (no initdb found), and CI must prove the two-instance setup: install it (apt-get install -y postgresql) or set POSTGRES_BIN.'
			);
		}
		if (!existsSync(join(root, 'build', 'index.js'))) {
			throw new Error(
				'There is no production build in build/ (the config’s webServer runs `npm run build`); build the app before this spec.'
			);
		}
		process.once('exit', killEverything);

		cluster = await startCluster();
		const admin = new pg.Client({ connectionString: cluster.url });
		await admin.connect();
		await admin.query('create database ripple_two_instances');
		await admin.end();
		const databaseUrl = cluster.url.replace(/\/postgres$/, '/ripple_two_instances');

		// Both servers and the demo CLI start at the same moment on the empty database: each applies
		// migrations on start, so three migrators race and must take turns under Kysely's lock.
		const ports = await freePorts(2);
		// Behind a load balancer the client address comes from X-Forwarded-For; the tests use it to
		// sign in from several addresses, so the per-account and per-address limits can be told apart.
		const behindBalancer = { ADDRESS_HEADER: 'x-forwarded-for' };
		instances = [
			startInstance('A', ports[0]!, databaseUrl, behindBalancer),
			startInstance('B', ports[1]!, databaseUrl, behindBalancer)
		];
		const deadline = Date.now() + 60_000;
		await Promise.all([seedDemo(databaseUrl), ...instances.map((i) => waitUntilHealthy(i, deadline))]);
		database = openDatabase(databaseUrl, { poolSize: 2 });
	});

	test.afterAll(async () => {
		await database?.destroy();
		await Promise.all(instances.map(stopInstance));
		cluster?.stop();
		process.removeListener('exit', killEverything);
	});

	// A failing test shows what the servers logged.
	// Playwright reads a hook's fixtures from a destructuring pattern, so it must be one, even empty.
	// eslint-disable-next-line no-empty-pattern
	test.afterEach(async ({}, testInfo) => {
		if (testInfo.status === testInfo.expectedStatus) return;
		for (const instance of instances)
			await testInfo.attach(`Ripple ${instance.name} output`, { body: instance.output, contentType: 'text/plain' });
	});

	test('a session started on instance A is valid on B, and signing out on B ends it on A', async () => {
		const [onA, onB] = await Promise.all([
			clientOf(instances[0]!, '203.0.113.10'),
			clientOf(instances[1]!, '203.0.113.10')
		]);
		const cookie = await signIn(onA, 'staff@ripple.test');

		const home = await onB.get('/', { headers: { cookie } });
		expect(home.status()).toBe(200);
		expect(await home.text()).toContain('Hello, Priya Raman');

		const signOut = await onB.post('/logout', { headers: { cookie } });
		expect(signOut.status()).toBe(303);
		expect(signOut.headers()['location']).toBe('/login');

		const after = await onA.get('/', { headers: { cookie } });
		expect(after.status()).toBe(303);
		expect(after.headers()['location']).toBe('/login?redirectTo=%2F');
		await Promise.all([onA.dispose(), onB.dispose()]);
	});

	test('failed sign-ins for one account count across both instances', async () => {
		// Emma Clarke appears in no other e2e spec, and this database is this spec's own anyway.
		const email = 'emma.clarke@northwind.example';
		const clients = await Promise.all(instances.map((i) => clientOf(i, '198.51.100.1')));
		// Each failure from a different address, so only the account's count can reach the limit.
		for (let attempt = 1; attempt <= 10; attempt++) {
			const response = await postLogin(clients[attempt % 2]!, email, 'not-the-password', `198.51.100.${attempt}`);
			expect(response.status(), `failure ${attempt} on ${instances[attempt % 2]!.name}`).toBe(400);
		}
		for (const [index, api] of clients.entries()) {
			await expectThrottled(
				await postLogin(api, email, DEMO_PASSWORD, '198.51.100.200'),
				`the right password on ${instances[index]!.name}`
			);
		}
		await Promise.all(clients.map((c) => c.dispose()));
	});

	test('failed sign-ins from one address count across both instances', async () => {
		const address = '192.0.2.7';
		const clients = await Promise.all(instances.map((i) => clientOf(i, address)));
		// Ten different accounts, so only the address's count can reach the limit.
		for (let attempt = 1; attempt <= 10; attempt++) {
			const response = await postLogin(
				clients[attempt % 2]!,
				`nobody.${attempt}@two-instances.example`,
				'not-the-password'
			);
			expect(response.status(), `failure ${attempt} on ${instances[attempt % 2]!.name}`).toBe(400);
		}
		for (const [index, api] of clients.entries()) {
			await expectThrottled(
				await postLogin(api, 'manager@ripple.test', DEMO_PASSWORD),
				`a good sign-in from the address on ${instances[index]!.name}`
			);
		}
		// The account itself is fine: from another address it signs in.
		await signIn(clients[0]!, 'manager@ripple.test', '192.0.2.8');
		await Promise.all(clients.map((c) => c.dispose()));
	});

	test('two people racing for the last place on different instances never both get it', async () => {
		const db = database!;
		const people = await db
			.selectFrom('people')
			.select(['id', 'email', 'team_id'])
			.where('email', 'in', [
				'carlos.mendoza@northwind.example',
				'agnieszka.kowalczyk@northwind.example',
				'joanna.wisniewska@northwind.example'
			])
			.execute();
		const byEmail = (email: string) => people.find((p) => p.email === email)!;
		const host = byEmail('carlos.mendoza@northwind.example');
		// Accounts Payable and Accounts Receivable: both visitors are outside the host's Customer Care.
		const visitors = [byEmail('agnieszka.kowalczyk@northwind.example'), byEmail('joanna.wisniewska@northwind.example')];
		expect(new Set([host.team_id, ...visitors.map((v) => v.team_id)]).size).toBe(3);

		// Five one-place slots on separate days, months ahead of the demo's own slots and blackout.
		const now = new Date().toISOString();
		const slots = Array.from({ length: 5 }, (_, i) => {
			const start = new Date(Date.now() + (120 + i) * DAY);
			start.setUTCHours(10, 0, 0, 0);
			return {
				id: newId(),
				team_id: host.team_id!,
				host_id: host.id,
				starts_at: start.toISOString(),
				ends_at: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
				time_zone: 'Europe/London',
				capacity: 1,
				place: 'Customer Care floor, Leeds',
				video_url: '',
				what_you_will_see: 'Live calls during the morning peak and the screens agents use to answer them.',
				auto_accept: 0,
				created_by: host.id,
				sequence: 0,
				created_at: now,
				updated_at: now,
				cancelled_at: null
			};
		});
		await db.insertInto('shadow_slots').values(slots).execute();

		// One visitor signed in on A, the other on B.
		const clients = await Promise.all(instances.map((i, n) => clientOf(i, `203.0.113.${20 + n}`)));
		const cookies = await Promise.all(clients.map((api, n) => signIn(api, visitors[n]!.email)));
		// Posted the way the page's enhanced form posts, so the answer is the action's own result.
		const ask = (n: number, slotId: string) =>
			clients[n]!.post(`/connect/shadowing/slots/${slotId}`, {
				form: { objectives: 'See how refund calls reach Care and what our emails leave unanswered.' },
				headers: { cookie: cookies[n]!, 'x-sveltekit-action': 'true' }
			});

		for (const slot of slots) {
			const results = await Promise.all([ask(0, slot.id), ask(1, slot.id)]);
			const outcomes = await Promise.all(
				results.map((r) => r.json() as Promise<{ type: string; status: number; location?: string; data?: string }>)
			);
			expect(outcomes.map((o) => o.type).sort(), `slot ${slot.id}`).toEqual(['failure', 'redirect']);
			const winner = outcomes.findIndex((o) => o.type === 'redirect');
			const loser = outcomes[1 - winner]!;
			expect(loser.status).toBe(409);
			expect(loser.data).toContain('This slot is full');

			const visits = await db
				.selectFrom('shadow_visits')
				.select(['id', 'visitor_id'])
				.where('slot_id', '=', slot.id)
				.execute();
			expect(visits).toHaveLength(1);
			expect(visits[0]!.visitor_id).toBe(visitors[winner]!.id);
			expect(outcomes[winner]!.location).toBe(`/connect/shadowing/visits/${visits[0]!.id}?requested=1`);
		}
		await Promise.all(clients.map((c) => c.dispose()));
	});
});
