import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { backupSqlite } from '../../src/lib/server/db/backup';
import { freePorts, startInstance, stopInstance, waitUntilHealthy } from './servers';
import { seededDatabase } from './worker-server';

/**
 * A worker's own server running one of the builds only tests use (tests/builds/build.ts), on a copy
 * of the seeded demo database, so the demo roles' saved sign-ins work on it as on the main server.
 */
export interface VariantServer {
	origin: string;
	databasePath: string;
}

export function variantTest(variant: 'pseudo-app' | 'fixture-app') {
	return base.extend<object, { variant: VariantServer }>({
		variant: [
			// Playwright reads a fixture's dependencies from the destructuring pattern: this one has none.
			// eslint-disable-next-line no-empty-pattern
			async ({}, use, workerInfo) => {
				const dir = mkdtempSync(join(tmpdir(), `ripple-${variant}-worker${workerInfo.workerIndex}-`));
				const databasePath = join(dir, 'ripple.db');
				await backupSqlite(seededDatabase, databasePath);
				const [port] = await freePorts(1);
				const instance = startInstance(
					`${variant} ${workerInfo.workerIndex}`,
					port!,
					databasePath,
					{ LOGIN_THROTTLE_IP_MAX: '1000' },
					`tests/.tmp/${variant}/build`
				);
				try {
					await waitUntilHealthy(instance, Date.now() + 60_000);
					await use({ origin: instance.origin, databasePath });
				} finally {
					await stopInstance(instance);
					rmSync(dir, { recursive: true, force: true });
				}
			},
			{ scope: 'worker', timeout: 90_000 }
		]
	});
}
