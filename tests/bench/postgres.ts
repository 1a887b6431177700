import { sql } from 'kysely';
import { openDatabase } from '../../src/lib/server/db';
import { startCluster } from '../postgres/cluster';
import { prepareDataset } from './dataset';
import { measure, measureAgain, type LoadResult, type LoadSettings } from './load';
import type { Figure, TargetCheck } from './report';
import { scenariosFor } from './scenarios';
import { startServer, type Server } from './server';

/**
 * `npm run bench -- --db postgres` (issue 19): the same organisation (seed 42) seeded into a
 * throwaway PostgreSQL cluster, as the integration tests start one, and every scenario driven
 * against two app instances sharing it, the connections split evenly between them. Each page's
 * throughput is compared with its own SQLite throughput, measured again just before it (the SQLite
 * server stays up, idle, meanwhile): this machine's speed drifts too much for figures taken minutes
 * apart.
 *
 * With `--size xlarge` it then seeds the 100,000-person organisation into a second database of the
 * same cluster and drives the same pages there: a leader of 50 teams, a manager of one team and a
 * learner should each cost the same whatever the size of the organisation, so each page's
 * throughput at 100,000 is reported over its throughput at 10,000, measured again just before it
 * (the 10,000-person servers stay up, idle, meanwhile).
 */

export const POSTGRES_TARGETS = {
	/** Each page's throughput on PostgreSQL (two instances) over its SQLite throughput (one). */
	minVsSqlite: 0.5,
	maxP95Ms: 150,
	/** Each page's throughput at 100,000 people over its throughput at 10,000. */
	minGrowth: 0.8,
	/** Seeding the 100,000-person organisation. */
	maxXlSeedMs: 10 * 60_000
};

export interface PagesOnPostgres {
	results: (LoadResult & { vsSqlite: number })[];
	seedMs: number | null;
	counts: Record<string, number>;
	peakRssMb: number;
}

export interface PostgresRun {
	large: PagesOnPostgres;
	/** The 100,000-person organisation, with `--size xlarge`; vsSqlite is then over the 10,000's PostgreSQL figure. */
	xlarge: PagesOnPostgres | null;
}

/** Seeds a database of the cluster and drives every page against two instances sharing it. */
export async function pagesOn(
	root: string,
	url: string,
	now: Date,
	settings: LoadSettings,
	people: number,
	/** How to measure the page to compare with, just before each page is measured here. */
	compareWith: (scenarioName: string) => Promise<number>
): Promise<PagesOnPostgres & { again: (scenarioName: string) => Promise<number>; stop: () => Promise<void> }> {
	const servers: Server[] = [];
	const stop = async () => {
		for (const server of servers) await server.stop();
	};
	try {
		const dataset = await prepareDataset(root, url, now, people);
		// One after the other, so that only the first runs the migrations' check.
		for (let i = 0; i < 2; i++) servers.push(await startServer(root, url));
		const origins = servers.map((s) => s.origin);
		console.log(`Servers ${origins.join(' and ')} on ${url} (${people.toLocaleString('en')} people)`);
		const scenarios = await scenariosFor(origins[0]!, dataset);
		const results: PagesOnPostgres['results'] = [];
		for (const scenario of scenarios) {
			const otherRps = await compareWith(scenario.name);
			const result = await measure(origins, scenario, settings);
			const vsSqlite = result.rps / otherRps;
			console.log(
				`  ${scenario.name.padEnd(12)} ${result.rps.toFixed(1).padStart(8)} req/s  p95 ${result.p95.toFixed(1)} ms  ${result.errors} errors  ${vsSqlite.toFixed(2)}x`
			);
			results.push({ ...result, vsSqlite });
		}
		const baseline = results.find((r) => r.name === 'baseline')!;
		for (const r of results) r.ratio = r.rps / baseline.rps;
		const peakRssMb = Math.max(...(await Promise.all(servers.map((s) => s.peakRss())))) / 2 ** 20;
		const again = measureAgain(origins, scenarios, settings);
		return { results, seedMs: dataset.seedMs, counts: dataset.counts, peakRssMb, again, stop };
	} catch (err) {
		await stop();
		throw err;
	}
}

export async function postgresRun(
	root: string,
	now: Date,
	settings: LoadSettings,
	/** Measures a page on the SQLite server again, just before the same page on PostgreSQL. */
	sqlite: (scenarioName: string) => Promise<number>,
	withXlarge: boolean
): Promise<PostgresRun> {
	const given = { large: process.env.BENCH_PG_URL?.trim(), xlarge: process.env.BENCH_PG_XL_URL?.trim() };
	const needsCluster = !given.large || (withXlarge && !given.xlarge);
	if (needsCluster) console.log('\nPostgreSQL: starting a throwaway cluster…');
	const cluster = needsCluster ? await startCluster() : null;
	try {
		const urlOf = async (name: string) => {
			const admin = openDatabase(cluster!.url, { poolSize: 1 });
			await sql`create database ${sql.id(name)}`.execute(admin);
			await admin.destroy();
			return cluster!.url.replace(/\/postgres$/, `/${name}`);
		};
		console.log('Pages on PostgreSQL, 10,000 people, against their SQLite throughput:');
		const { again, stop, ...large } = await pagesOn(
			root,
			given.large || (await urlOf('ripple_bench')),
			now,
			settings,
			10_000,
			sqlite
		);
		try {
			if (!withXlarge) return { large, xlarge: null };
			// The 10,000-person servers stay up (idle) so each page is measured there again just before.
			console.log('Pages on PostgreSQL, 100,000 people, against their throughput at 10,000:');
			const xlargeUrl = given.xlarge || (await urlOf('ripple_bench_xl'));
			const xlargeRun = await pagesOn(root, xlargeUrl, now, settings, 100_000, again);
			await xlargeRun.stop();
			const { results, seedMs, counts, peakRssMb } = xlargeRun;
			return { large, xlarge: { results, seedMs, counts, peakRssMb } };
		} finally {
			await stop();
		}
	} finally {
		cluster?.stop();
	}
}

export function postgresFigures(run: PostgresRun): Figure[] {
	const pages = (prefix: string, on: PagesOnPostgres, versus: string): Figure[] => [
		...on.results.flatMap((r) => [
			{ name: `${prefix}-${r.name}-rps`, value: r.rps, unit: 'req/s' },
			{ name: `${prefix}-${r.name}-p95`, value: r.p95, unit: 'ms' },
			{ name: `${prefix}-${r.name}-errors`, value: r.errors, unit: 'count' },
			{ name: `${prefix}-${r.name}-ratio`, value: r.ratio, unit: 'x' },
			{ name: `${prefix}-${r.name}-${versus}`, value: r.vsSqlite, unit: 'x' }
		]),
		...(on.seedMs === null ? [] : [{ name: `${prefix}-seed`, value: on.seedMs, unit: 'ms' }]),
		{ name: `${prefix}-rows`, value: Object.values(on.counts).reduce((a, b) => a + b, 0), unit: 'count' },
		{ name: `${prefix}-server-peak-rss`, value: on.peakRssMb, unit: 'MB' }
	];
	return [...pages('pg', run.large, 'vs-sqlite'), ...(run.xlarge ? pages('pg-xl', run.xlarge, 'growth') : [])];
}

export function postgresChecks(run: PostgresRun): TargetCheck[] {
	const checks: TargetCheck[] = run.large.results
		.filter((r) => r.page)
		.map((r) => ({
			name: `pg-${r.name}`,
			target: `≥ ${POSTGRES_TARGETS.minVsSqlite}x its SQLite throughput, p95 ≤ ${POSTGRES_TARGETS.maxP95Ms} ms, no errors`,
			actual: `${r.vsSqlite.toFixed(2)}x, p95 ${r.p95.toFixed(1)} ms, ${r.errors} errors`,
			pass: r.vsSqlite >= POSTGRES_TARGETS.minVsSqlite && r.p95 <= POSTGRES_TARGETS.maxP95Ms && r.errors === 0
		}));
	if (!run.xlarge) return checks;
	checks.push(
		...run.xlarge.results
			.filter((r) => r.page)
			.map((r) => ({
				name: `pg-xl-${r.name}`,
				target: `≥ ${POSTGRES_TARGETS.minGrowth}x its throughput at 10,000 people, no errors`,
				actual: `${r.vsSqlite.toFixed(2)}x, p95 ${r.p95.toFixed(1)} ms, ${r.errors} errors`,
				pass: r.vsSqlite >= POSTGRES_TARGETS.minGrowth && r.errors === 0
			}))
	);
	if (run.xlarge.seedMs !== null)
		checks.push({
			name: 'pg-xl-seed',
			target: `≤ ${POSTGRES_TARGETS.maxXlSeedMs / 60_000} minutes`,
			actual: `${(run.xlarge.seedMs / 60_000).toFixed(1)} minutes`,
			pass: run.xlarge.seedMs <= POSTGRES_TARGETS.maxXlSeedMs
		});
	return checks;
}
