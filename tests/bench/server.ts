import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The production server under test, started as `npm start` starts it, on its own port and database. */

/**
 * `npm start`'s command (its V8 settings, such as the heap cap, then `build`). The benchmark runs it
 * through the shell as npm does, with `exec` so that the process measured is the server itself.
 */
export function startCommand(root: string): string {
	const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
	return pkg.scripts.start!;
}

/** What a production build is made from: a change to any of these makes build/ stale. */
const BUILD_INPUTS = [
	'src',
	// The compiled messages (src/lib/paraglide) are rewritten by `npm run i18n` before every run, so
	// what they are compiled from stands in for them.
	'messages',
	'project.inlang',
	'content',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'package.json',
	'package-lock.json'
];

/** Generated from other inputs, so their times say nothing. */
const DERIVED = new Set(['src/lib/paraglide']);

function newestMtime(root: string, path: string): number {
	if (DERIVED.has(path)) return 0;
	const stat = statSync(join(root, path), { throwIfNoEntry: false });
	if (!stat) return 0;
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(join(root, path))) newest = Math.max(newest, newestMtime(root, `${path}/${entry}`));
	return newest;
}

/** Builds with `npm run build` unless build/index.js is newer than every build input. */
export function ensureBuild(root: string): { built: boolean; ms: number } {
	const index = join(root, 'build', 'index.js');
	const newestInput = Math.max(...BUILD_INPUTS.map((p) => newestMtime(root, p)));
	if (existsSync(index) && statSync(index).mtimeMs >= newestInput) return { built: false, ms: 0 };
	console.log('Building (build/ is missing or older than the sources)…');
	const start = performance.now();
	const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
	if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status ?? result.signal})`);
	return { built: true, ms: performance.now() - start };
}

export async function freePort(): Promise<number> {
	const holder = createServer().listen(0, '127.0.0.1');
	await once(holder, 'listening');
	const { port } = holder.address() as AddressInfo;
	await new Promise((done) => holder.close(done));
	return port;
}

export interface Server {
	origin: string;
	child: ChildProcess;
	/** The last few kilobytes the server printed, for failures. */
	output(): string;
	/** Highest resident set size seen so far, in bytes (the kernel's own peak on Linux). */
	peakRss(): Promise<number>;
	stop(): Promise<void>;
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** The kernel's peak RSS of a process (VmHWM), or null where /proc is not there. */
function kernelPeakRss(pid: number): number | null {
	try {
		const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : null;
	} catch {
		return null;
	}
}

async function sampledRss(pid: number): Promise<number> {
	const { stdout } = await promisify(execFile)('ps', ['-o', 'rss=', '-p', String(pid)]);
	return Number(stdout.trim()) * 1024 || 0;
}

export async function startServer(root: string, databaseUrl: string): Promise<Server> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const env: NodeJS.ProcessEnv = {
		...process.env,
		NODE_ENV: 'production',
		DATABASE_URL: databaseUrl,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: origin,
		// Signing in again and again must never be what the benchmark measures or trips over.
		LOGIN_THROTTLE_ACCOUNT_MAX: '1000000',
		LOGIN_THROTTLE_IP_MAX: '1000000',
		// The pages are measured on their own; the notification worker's pass over the whole
		// organisation is timed apart, in process (notifications.ts), as a separate worker would run it.
		NOTIFICATIONS_WORKER: 'off'
	};
	const child = spawn('sh', ['-c', `exec ${startCommand(root)}`], {
		cwd: root,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8_000));
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);

	// Outside Linux there is no kernel peak to read, so RSS is sampled while the server runs.
	let sampledPeak = 0;
	const sampler =
		kernelPeakRss(child.pid!) === null
			? setInterval(
					() =>
						sampledRss(child.pid!).then(
							(rss) => (sampledPeak = Math.max(sampledPeak, rss)),
							() => {}
						),
					250
				)
			: null;

	const server: Server = {
		origin,
		child,
		output: () => output,
		async peakRss() {
			return kernelPeakRss(child.pid!) ?? Math.max(sampledPeak, await sampledRss(child.pid!).catch(() => 0));
		},
		async stop() {
			if (sampler) clearInterval(sampler);
			if (hasExited(child)) return;
			const exited = once(child, 'exit');
			// adapter-node finishes open requests on SIGTERM and the app closes its database.
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(timer);
		}
	};

	const deadline = Date.now() + 120_000;
	for (;;) {
		if (hasExited(child))
			throw new Error(
				`The server exited (${child.exitCode ?? child.signalCode}) before answering /healthz:\n${output}`
			);
		if (
			await fetch(`${origin}/healthz`).then(
				(r) => r.ok,
				() => false
			)
		)
			return server;
		if (Date.now() > deadline) {
			await server.stop();
			throw new Error(`The server did not answer /healthz within 2 minutes:\n${output}`);
		}
		await new Promise((wake) => setTimeout(wake, 100));
	}
}

/** Signs in through the login form, as a browser without JavaScript would, and returns the `ripple_session=…` pair. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
	const response = await fetch(`${origin}/login`, {
		method: 'POST',
		headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password }),
		redirect: 'manual'
	});
	const cookie = response.headers
		.getSetCookie()
		.find((c) => c.startsWith('ripple_session=') && !c.startsWith('ripple_session=;'))
		?.split(';')[0];
	if (response.status !== 303 || !cookie)
		throw new Error(`Signing in as ${email} answered ${response.status} without a session`);
	return cookie;
}
