import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster for tests: `initdb` into a temporary folder, `pg_ctl` on a free
 * port, trust authentication on 127.0.0.1 only, removed again by `stop()`. Uses Debian's
 * `postgresql` package (or any `initdb` on PATH or under POSTGRES_BIN).
 */
export interface Cluster {
	/** A superuser URL to the `postgres` maintenance database. */
	url: string;
	port: number;
	stop(): void;
}

/** The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function postgresBinDir(): string | null {
	const candidates: string[] = [];
	if (process.env.POSTGRES_BIN) candidates.push(process.env.POSTGRES_BIN);
	const debian = '/usr/lib/postgresql';
	if (existsSync(debian)) {
		const versions = readdirSync(debian).sort((a, b) => Number(b) - Number(a));
		candidates.push(...versions.map((v) => join(debian, v, 'bin')));
	}
	for (const dir of candidates) if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
	const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
	return onPath.status === 0 ? onPath.stdout.trim().replace(/\/initdb$/, '') : null;
}

function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))
			);
		});
	});
}

/** PostgreSQL refuses to run as root: under root the cluster belongs to the `postgres` user. */
function asClusterOwner(bin: string, args: string[]): [string, string[]] {
	return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

function ownerIds(): { uid: number; gid: number } | null {
	if (process.getuid?.() !== 0) return null;
	const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
	return { uid, gid };
}

export async function startCluster(): Promise<Cluster> {
	const binDir = postgresBinDir();
	if (!binDir)
		throw new Error('PostgreSQL is not installed (no initdb found); on Debian: apt-get install -y postgresql');
	const root = mkdtempSync(join(tmpdir(), 'ripple-pg-'));
	const owner = ownerIds();
	if (owner) chownSync(root, owner.uid, owner.gid);
	const data = join(root, 'data');
	const port = await freePort();
	const run = (bin: string, args: string[]) => {
		const [command, commandArgs] = asClusterOwner(join(binDir, bin), args);
		execFileSync(command, commandArgs, { stdio: 'pipe' });
	};
	run('initdb', ['-D', data, '-U', 'ripple', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
	// Settings for a disposable test server: no durability, enough connections for parallel suites.
	const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
	run('pg_ctl', ['-D', data, '-o', options, '-l', join(root, 'server.log'), '-w', 'start']);
	let stopped = false;
	return {
		url: `postgres://ripple@127.0.0.1:${port}/postgres`,
		port,
		stop() {
			if (stopped) return;
			stopped = true;
			try {
				run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
			} finally {
				rmSync(root, { recursive: true, force: true });
			}
		}
	};
}
