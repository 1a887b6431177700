import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { APIResponse } from '@playwright/test';

/**
 * Production servers (`node build`) that a spec starts for itself on a database of its own, as an
 * operator would run them: for two instances sharing PostgreSQL, a server restarted after a crash,
 * a server started on a restored backup. Each runs in its own process group.
 */

export const root = resolve(import.meta.dirname, '../..');
export const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
export interface Instance {
	name: string;
	port: number;
	origin: string;
	child: ChildProcess;
	output: string;
}

/** Ports nobody listens on: held open together so the two differ, then released for the servers. */
export async function freePorts(count: number): Promise<number[]> {
	const holders = Array.from({ length: count }, () => createServer().listen(0, '127.0.0.1'));
	await Promise.all(holders.map((h) => once(h, 'listening')));
	const ports = holders.map((h) => (h.address() as AddressInfo).port);
	await Promise.all(holders.map((h) => new Promise((done) => h.close(done))));
	return ports;
}

/**
 * The environment a server or the demo CLI gets: this database, and every throttle at its default
 * unless the spec sets one in `extra`.
 */
export function envFor(databaseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const inherited: NodeJS.ProcessEnv = { ...process.env };
	for (const name of Object.keys(inherited))
		if (name.startsWith('LOGIN_THROTTLE_') || name.startsWith('FEEDBACK_THROTTLE_')) delete inherited[name];
	return { ...inherited, DATABASE_URL: databaseUrl, ...extra };
}

export function startInstance(
	name: string,
	port: number,
	databaseUrl: string,
	extraEnv: Record<string, string> = {},
	/** The production build to run, relative to the repository (the pseudo-locale run has its own). */
	build = 'build'
): Instance {
	const origin = `http://localhost:${port}`;
	const child = spawn(process.execPath, [build], {
		cwd: root,
		// Its own process group, so stopping it ends anything it started as well.
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: envFor(databaseUrl, { PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, ...extraEnv })
	});
	const instance: Instance = { name, port, origin, child, output: '' };
	const keep = (chunk: Buffer) => (instance.output = (instance.output + chunk.toString()).slice(-8_000));
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	return instance;
}

export const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	try {
		if (child.pid && !hasExited(child)) process.kill(-child.pid, signal);
	} catch {
		// Already gone.
	}
}

/** Throwaway servers on a throwaway database have nothing to flush: they are killed outright. */
export async function stopInstance({ child }: Instance): Promise<void> {
	if (hasExited(child)) return;
	const exited = once(child, 'exit');
	killGroup(child, 'SIGKILL');
	await exited;
}

/** Polls /healthz until it answers, failing at once (with the server's output) if the server exits. */
export async function waitUntilHealthy(instance: Instance, deadline: number): Promise<void> {
	for (;;) {
		if (hasExited(instance.child)) {
			throw new Error(
				`Ripple ${instance.name} exited (${instance.child.exitCode ?? instance.child.signalCode}) before answering /healthz:\n${instance.output}`
			);
		}
		const healthy = await fetch(`http://127.0.0.1:${instance.port}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (healthy) return;
		if (Date.now() > deadline)
			throw new Error(`Ripple ${instance.name} did not answer /healthz in time:\n${instance.output}`);
		await new Promise((wake) => setTimeout(wake, 100));
	}
}

/** Loads the demo organisation with the demo CLI, as an operator would (`npm run db:seed`). */
export async function seedDemo(databaseUrl: string): Promise<void> {
	const child = spawn(process.execPath, [tsx, 'src/lib/server/demo/cli.ts'], {
		cwd: root,
		env: envFor(databaseUrl),
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const [code] = (await once(child, 'exit')) as [number | null];
	if (code !== 0) throw new Error(`The demo CLI failed (exit ${code}):\n${output}`);
}

/** The `ripple_session=…` pair a sign-in answer sets, if it sets one. */
export function sessionCookie(response: APIResponse): string | undefined {
	const header = response
		.headersArray()
		.find(
			(h) =>
				h.name.toLowerCase() === 'set-cookie' &&
				h.value.startsWith('ripple_session=') &&
				!h.value.startsWith('ripple_session=;')
		);
	return header?.value.split(';')[0];
}
