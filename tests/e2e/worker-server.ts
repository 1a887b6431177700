import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { backupSqlite } from '../../src/lib/server/db/backup';
import { freePorts, root, startInstance, stopInstance, waitUntilHealthy } from './servers';

/**
 * Every Playwright worker talks to a Ripple of its own: a production server (`node build`) on a copy
 * of the seeded demo database, taken once the setup project has signed the demo roles in (so the saved
 * sign-in cookies work on it too: cookies ignore the port). A worker runs one test at a time, so no two
 * tests ever write to the same database at once, whatever `fullyParallel` spreads where; a test that
 * changes data needs only to tolerate its own earlier runs (`--repeat-each`), which unique names give.
 *
 * Specs import `test` and `expect` from here instead of `@playwright/test`; `baseURL` points at the
 * worker's server, and `server.origin` is there for request contexts and Origin headers made by hand.
 */

export interface WorkerServer {
	/** `http://localhost:<port>`, the origin form posts must name. */
	origin: string;
	/** The worker's own SQLite file, for specs that read or back it up directly. */
	databasePath: string;
}

/** The database the web server was seeded into (playwright.config.ts) and setup signed in on. */
export const seededDatabase = join(root, 'tests/.tmp/e2e.db');

export const test = base.extend<object, { server: WorkerServer }>({
	server: [
		// Playwright reads a fixture's dependencies from the destructuring pattern: this one has none.
		// eslint-disable-next-line no-empty-pattern
		async ({}, use, workerInfo) => {
			const dir = mkdtempSync(join(tmpdir(), `ripple-e2e-worker${workerInfo.workerIndex}-`));
			const databasePath = join(dir, 'ripple.db');
			await backupSqlite(seededDatabase, databasePath);
			const [port] = await freePorts(1);
			// Every test signs in from 127.0.0.1, as on the shared server (playwright.config.ts).
			const instance = startInstance(`worker ${workerInfo.workerIndex}`, port!, databasePath, {
				LOGIN_THROTTLE_IP_MAX: '1000'
			});
			try {
				await waitUntilHealthy(instance, Date.now() + 60_000);
				await use({ origin: instance.origin, databasePath });
			} finally {
				await stopInstance(instance);
				rmSync(dir, { recursive: true, force: true });
			}
		},
		{ scope: 'worker', timeout: 90_000 }
	],
	baseURL: async ({ server }, use) => use(server.origin)
});

export { expect } from '@playwright/test';
