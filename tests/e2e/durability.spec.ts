import SQLite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { request, type APIRequestContext } from '@playwright/test';
import { expect, test } from './worker-server';
import { DEMO_PASSWORD, unique } from './fixtures';
import {
	freePorts,
	hasExited,
	killGroup,
	root,
	sessionCookie,
	startInstance,
	stopInstance,
	tsx,
	waitUntilHealthy,
	type Instance
} from './servers';

/**
 * No committed data is lost (issue 8): a backup taken while the server is busy restores to a
 * working Ripple, and a server killed outright in the middle of a burst of writes comes back with
 * a sound database holding every write it had acknowledged.
 */

let dir: string;
const started: Instance[] = [];
test.beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'ripple-durability-'));
});
test.afterAll(async () => {
	await Promise.all(started.map(stopInstance));
	rmSync(dir, { recursive: true, force: true });
});
test.afterEach(async () => {
	const testInfo = test.info();
	if (testInfo.status === testInfo.expectedStatus) return;
	for (const instance of started)
		await testInfo.attach(`Ripple ${instance.name} output`, { body: instance.output, contentType: 'text/plain' });
});

async function serverOn(name: string, databasePath: string): Promise<Instance> {
	const [port] = await freePorts(1);
	const instance = startInstance(name, port!, databasePath);
	started.push(instance);
	await waitUntilHealthy(instance, Date.now() + 60_000);
	return instance;
}

async function signedIn(origin: string, email: string): Promise<APIRequestContext> {
	const anonymous = await request.newContext({ baseURL: origin, extraHTTPHeaders: { origin }, maxRedirects: 0 });
	const response = await anonymous.post('/login', { form: { email, password: DEMO_PASSWORD } });
	expect(response.status(), `sign-in of ${email}`).toBe(303);
	const cookie = sessionCookie(response)!;
	await anonymous.dispose();
	return request.newContext({ baseURL: origin, extraHTTPHeaders: { origin, cookie }, maxRedirects: 0 });
}

/** Gives recognition with a message that names it, and says whether the server acknowledged it. */
async function recognise(api: APIRequestContext, tag: string): Promise<boolean> {
	const response = await api.post('/connect/recognition', {
		form: { recipients: 'manager@ripple.test', behaviour: 'collaboration', message: `Durability check ${tag}` }
	});
	return response.status() === 303;
}

function messagesIn(databasePath: string, prefix: string): Set<string> {
	const database = new SQLite(databasePath, { readonly: true });
	try {
		const rows = database
			.prepare('select message from recognitions where message like ?')
			.pluck()
			.all(`${prefix}%`) as string[];
		return new Set(rows);
	} finally {
		database.close();
	}
}

function integrityOf(databasePath: string): string {
	const database = new SQLite(databasePath);
	try {
		return String(database.pragma('integrity_check', { simple: true }));
	} finally {
		database.close();
	}
}

test('a backup taken while the server is busy restores to a working Ripple', async ({ server }) => {
	test.setTimeout(120_000);
	const run = unique();
	const staff = await signedIn(server.origin, 'staff@ripple.test');
	// Acknowledged before the backup starts, so the backup must hold it.
	expect(await recognise(staff, `${run} before`)).toBe(true);

	let busy = true;
	let during = 0;
	const load = (async () => {
		while (busy) await recognise(staff, `${run} during ${during++}`);
	})();
	const target = join(dir, 'under-load.db');
	const { stdout } = await promisify(execFile)(process.execPath, [tsx, 'src/lib/server/db/backup-cli.ts', target], {
		cwd: root,
		env: { ...process.env, DATABASE_URL: server.databasePath }
	});
	busy = false;
	await load;
	await staff.dispose();
	expect(stdout).toContain('Integrity check passed.');
	expect(during, 'writes went on while the backup ran').toBeGreaterThan(0);

	const kept = messagesIn(target, `Durability check ${run}`);
	expect(kept.has(`Durability check ${run} before`)).toBe(true);

	// Restoring is starting Ripple on the file.
	const restored = await serverOn('restored', target);
	const onRestored = await signedIn(restored.origin, 'staff@ripple.test');
	const home = await onRestored.get('/');
	expect(home.status()).toBe(200);
	expect(await home.text()).toContain('Hello, Priya Raman');
	for (const page of ['/learn', '/connect/recognition', '/growth'])
		expect((await onRestored.get(page)).status(), page).toBe(200);
	await onRestored.dispose();
});

test('a server killed in the middle of a burst of writes restarts with every acknowledged write', async ({
	server
}) => {
	test.setTimeout(120_000);
	// Its own copy of the worker's database, so killing it disturbs no other test.
	const databasePath = join(dir, 'crash.db');
	await promisify(execFile)(process.execPath, [tsx, 'src/lib/server/db/backup-cli.ts', databasePath], {
		cwd: root,
		env: { ...process.env, DATABASE_URL: server.databasePath }
	});
	const first = await serverOn('before the crash', databasePath);
	const staff = await signedIn(first.origin, 'staff@ripple.test');

	const run = unique();
	const acknowledged: string[] = [];
	// Eight writers at once; the server is killed while they are still sending.
	const writers = Array.from({ length: 8 }, async (_, w) => {
		for (let i = 0; !hasExited(first.child); i++) {
			const tag = `${run} ${w}-${i}`;
			const ok = await recognise(staff, tag).catch(() => false);
			if (ok) acknowledged.push(`Durability check ${tag}`);
		}
	});
	await expect.poll(() => acknowledged.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(40);
	killGroup(first.child, 'SIGKILL');
	await Promise.all(writers);
	await staff.dispose();
	expect(first.child.signalCode).toBe('SIGKILL');

	expect(integrityOf(databasePath)).toBe('ok');
	const second = await serverOn('after the crash', databasePath);
	const stored = messagesIn(databasePath, `Durability check ${run}`);
	const lost = acknowledged.filter((m) => !stored.has(m));
	expect(lost, 'acknowledged writes missing after the restart').toEqual([]);

	const again = await signedIn(second.origin, 'staff@ripple.test');
	expect(await recognise(again, `${run} after`)).toBe(true);
	await again.dispose();
});
