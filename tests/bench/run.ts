/**
 * `npm run bench`: the performance benchmark of issue 7. Builds if needed, seeds the large
 * organisation into a temporary SQLite database (or reuses BENCH_DB), drives the production server
 * with autocannon over signed-in sessions, times matching, a large import and the organisation's
 * scorecards in-process, and ends with one `bench <name>: <value> <unit>` line per figure.
 *
 *   BENCH_DB       a database to use as it is (seeded first if empty); default: a temporary one
 *   BENCH_SECONDS  measured seconds per scenario (default 10), after a 3 s warm-up
 *   BENCH_OUT      where the JSON goes (default tests/bench/results.json)
 *   BENCH_PG_URL, BENCH_PG_XL_URL  PostgreSQL databases to use as they are for `--db postgres`
 *                  (10,000 people) and `--size xlarge` (seeded first if empty); default: a
 *                  throwaway cluster
 *
 * `npm run bench -- --db postgres` also seeds the organisation into a throwaway PostgreSQL cluster
 * and drives every page against two app instances sharing it (postgres.ts); `--db postgres --size
 * xlarge` then does the same on the 100,000-person organisation.
 *
 * A missed target is printed as MISS but does not fail the run: this measures, it does not test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { viteLoader } from '../../src/lib/server/vite-loader';
import { prepareDataset, scratchCopy, type Dataset } from './dataset';
import { measure, measureAgain, type LoadResult, type LoadSettings } from './load';
import { timeMatching } from './matching';
import {
	checkTable,
	figureLine,
	limitCheck,
	minimumCheck,
	machine,
	pageChecks,
	sizeChecks,
	scenarioFigures,
	scenarioTable,
	TARGETS,
	type Figure
} from './report';
import { postgresChecks, postgresFigures, postgresRun } from './postgres';
import { scenariosFor } from './scenarios';
import { ensureBuild, startServer, type Server } from './server';

const root = resolve(import.meta.dirname, '../..');
const started = performance.now();
const now = new Date();

function positiveSeconds(name: string, fallback: number): number {
	const raw = process.env[name]?.trim();
	if (!raw) return fallback;
	const value = Number(raw);
	if (!(value > 0)) throw new Error(`${name} must be a positive number of seconds, got "${raw}"`);
	return value;
}

const settings: LoadSettings = { connections: 16, seconds: positiveSeconds('BENCH_SECONDS', 10), warmupSeconds: 3 };
const outFile = resolve(process.env.BENCH_OUT?.trim() || resolve(root, 'tests/bench/results.json'));
/** `--db postgres` adds the PostgreSQL run; `--db sqlite` (the default) leaves it out. */
function databaseArgument(): 'sqlite' | 'postgres' {
	const at = process.argv.indexOf('--db');
	if (at < 0) return 'sqlite';
	const value = process.argv[at + 1];
	if (value !== 'sqlite' && value !== 'postgres')
		throw new Error(`--db takes sqlite or postgres, got "${value ?? ''}"`);
	return value;
}
const withPostgres = databaseArgument() === 'postgres';
/** `--size xlarge` (with `--db postgres`) adds the 100,000-person organisation. */
const withXlarge = process.argv.includes('--size') && process.argv[process.argv.indexOf('--size') + 1] === 'xlarge';
if (withXlarge && !withPostgres) throw new Error('--size xlarge runs on PostgreSQL: add --db postgres');
const MATCHING_PEOPLE = 2000;
const IMPORT_ROWS = 100_000;
const NOTIFICATION_EMAILS = 10_000;

/** The database timings, loaded through Vite (see in-process.ts) on a database of the run's own. */
async function databaseTimings(dataset: Dataset) {
	const vite = await viteLoader(root);
	const scratch = await scratchCopy(dataset);
	try {
		const inProcess = (await vite.ssrLoadModule('/tests/bench/in-process.ts')) as typeof import('./in-process');
		const timings = await inProcess.databaseTimings(scratch.url, dataset.accounts, IMPORT_ROWS, now);
		const reaching = (await vite.ssrLoadModule('/tests/bench/notifications.ts')) as typeof import('./notifications');
		const notifications = await reaching.notificationTimings(scratch.url, now, NOTIFICATION_EMAILS);
		return { ...timings, notifications };
	} finally {
		scratch.dispose();
		await vite.close();
	}
}

const build = ensureBuild(root);
if (build.built) console.log(`Built in ${(build.ms / 1000).toFixed(1)} s`);
const dataset = await prepareDataset(root, process.env.BENCH_DB?.trim() || undefined, now);

let server: Server | undefined;
process.once('exit', () => server?.child.kill('SIGKILL'));
try {
	server = await startServer(root, dataset.url);
	const { origin } = server;
	const scenarios = await scenariosFor(origin, dataset);
	console.log(
		`Server ${origin}; the leader's /measure lists ${dataset.leaderTeams} teams; trends for ${dataset.trendsTeam.name}`
	);
	console.log(
		`\n${settings.connections} connections, ${settings.warmupSeconds} s warm-up then ${settings.seconds} s per scenario`
	);
	const results: (LoadResult & { peakRssMbSoFar: number })[] = [];
	// This machine's speed drifts by a third or more from one minute to the next, so each page is
	// compared with the baseline measured just before it rather than once at the start.
	const again = measureAgain(origin, scenarios, settings);
	const baselineRuns: number[] = [];
	for (const scenario of scenarios) {
		const baselineRps = scenario.page && scenario.name !== 'baseline' ? await again('baseline') : undefined;
		if (baselineRps !== undefined) baselineRuns.push(baselineRps);
		const result = { ...(await measure(origin, scenario, settings)), baselineRps };
		// The peak so far, after each scenario, shows which page drove the server's memory up.
		const rssMb = (await server.peakRss()) / 2 ** 20;
		console.log(
			`  ${scenario.name.padEnd(12)} ${result.rps.toFixed(1).padStart(8)} req/s  p95 ${result.p95.toFixed(1)} ms  ${result.errors} errors  peak RSS so far ${rssMb.toFixed(0)} MB`
		);
		results.push({ ...result, peakRssMbSoFar: rssMb });
	}
	const baseline = results.find((r) => r.name === 'baseline')!;
	baselineRuns.unshift(baseline.rps);
	for (const r of results) r.ratio = r.rps / (r.baselineRps ?? baseline.rps);
	console.log(
		`  the baseline measured ${baselineRuns.length} times: ${Math.min(...baselineRuns).toFixed(0)} to ${Math.max(...baselineRuns).toFixed(0)} req/s`
	);
	const peakRssMb = (await server.peakRss()) / 2 ** 20;
	const postgres = withPostgres ? await postgresRun(root, now, settings, again, withXlarge) : null;
	await server.stop();

	// In-process work runs with the server stopped, so neither competes with the other for cores.
	console.log('\nIn-process timings…');
	const matching = timeMatching(MATCHING_PEOPLE);
	console.log(`  matching ${MATCHING_PEOPLE}: ${matching.runsMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
	const { scorecards, importing, notifications } = await databaseTimings(dataset);
	console.log(
		`  notifications: a scheduler pass over ${notifications.people} people made ${notifications.reminders} reminders and ${notifications.digests} digests in ${notifications.passMs.toFixed(0)} ms (+${notifications.passExtraMb.toFixed(0)} MB); ${notifications.emailsSent} emails sent (${notifications.received} received) at ${notifications.emailsPerSecond.toFixed(0)}/s`
	);
	console.log(
		`  scorecards for ${scorecards.teams} teams (${scorecards.month}): ${scorecards.runsMs.map((ms) => ms.toFixed(0)).join(', ')} ms`
	);
	console.log(
		`  import of ${importing.rows} rows in ${importing.files} files: ${importing.created} new, ${importing.updated} changed, ${importing.unchanged} unchanged`
	);

	const figures: Figure[] = [
		...scenarioFigures(results),
		{ name: 'baseline-rps-lowest', value: Math.min(...baselineRuns), unit: 'req/s' },
		{ name: 'baseline-rps-highest', value: Math.max(...baselineRuns), unit: 'req/s' },
		...(postgres ? postgresFigures(postgres) : []),
		{ name: `matching-${MATCHING_PEOPLE}`, value: matching.medianMs, unit: 'ms' },
		{ name: 'import-100k', value: importing.ms, unit: 'ms' },
		{ name: 'scorecard-org', value: scorecards.medianMs, unit: 'ms' },
		{ name: 'server-peak-rss', value: peakRssMb, unit: 'MB' },
		{ name: 'notifications-pass', value: notifications.passMs, unit: 'ms' },
		{ name: 'notifications-pass-memory', value: notifications.passExtraMb, unit: 'MB' },
		{ name: 'email-delivery-rate', value: notifications.emailsPerSecond, unit: 'emails/s' },
		...(dataset.seedMs === null ? [] : [{ name: 'seed', value: dataset.seedMs, unit: 'ms' }]),
		{ name: 'total', value: (performance.now() - started) / 1000, unit: 's' }
	];
	const checks = [
		...pageChecks(results),
		...sizeChecks(results),
		...(postgres ? postgresChecks(postgres) : []),
		limitCheck(`matching-${MATCHING_PEOPLE}`, matching.medianMs, TARGETS.matchingMs, 'ms'),
		limitCheck('import-100k', importing.ms, TARGETS.importMs, 'ms'),
		limitCheck('server-peak-rss', peakRssMb, TARGETS.peakRssMb, 'MB'),
		limitCheck('notifications-pass', notifications.passMs, TARGETS.notificationPassMs, 'ms'),
		limitCheck('notifications-pass-memory', notifications.passExtraMb, TARGETS.notificationPassExtraMb, 'MB'),
		minimumCheck('email-delivery-rate', notifications.emailsPerSecond, TARGETS.emailsPerSecond, 'emails/s')
	];

	mkdirSync(dirname(outFile), { recursive: true });
	writeFileSync(
		outFile,
		JSON.stringify(
			{
				date: now.toISOString(),
				machine: machine(),
				dataset: {
					reused: dataset.reused,
					counts: dataset.counts,
					leaderTeams: dataset.leaderTeams,
					seedMs: dataset.seedMs
				},
				load: settings,
				scenarios: results,
				postgres,
				inProcess: { matching, scorecards, import: importing, notifications },
				server: { peakRssMb },
				targets: checks,
				figures
			},
			null,
			'\t'
		) + '\n'
	);

	const missed = checks.filter((c) => !c.pass);
	console.log(`\n${scenarioTable(results)}\n\n${checkTable(checks)}\n`);
	console.log(
		missed.length === 0
			? 'Every target met.'
			: `MISS: ${missed.length} of ${checks.length} targets missed (${missed.map((c) => c.name).join(', ')})`
	);
	console.log(`Figures written to ${outFile}\n`);
	for (const figure of figures) console.log(figureLine(figure));
} catch (err) {
	if (server) console.error(`Server output (last lines):\n${server.output()}`);
	throw err;
} finally {
	await server?.stop();
	dataset.cleanup();
}
