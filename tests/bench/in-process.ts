import Papa from 'papaparse';
import { periodOf, periodsEndingWith } from '../../src/lib/periods';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { MAX_CSV_ROWS } from '../../src/lib/server/metrics/csv';
import { takesValues } from '../../src/lib/server/metrics/definitions';
import { listMetrics } from '../../src/lib/server/metrics/queries';
import { applyMetricsImport, previewMetricsImport } from '../../src/lib/server/metrics/values';
import { calendarDate } from '../../src/lib/server/learning/rules';
import { listTeams } from '../../src/lib/server/org/queries';
import { actorFor } from '../../src/lib/server/auth/actor';
import { loadCurrentUser } from '../../src/lib/server/auth/current-user';
import { defaultMonth, scorecardsFor } from '../../src/lib/server/scorecards/service';

/**
 * Work timed inside the benchmark process, against the database directly (no HTTP). The scorecards
 * reach the course content, which only Vite can load (import.meta.glob of Markdown), so run.ts
 * loads this module through Vite's SSR loader, as the tests do through Vitest.
 */

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Rows for every team × value-taking metric, newest period first and going back until there are
 * `count`: the current period is empty in the seeded data (so those rows add values) and older
 * ones are filled (so those change them), as a real catch-up import would.
 */
async function importRows(database: Db, count: number, today: string): Promise<string[][]> {
	const [teams, metrics] = await Promise.all([listTeams(database), listMetrics(database)]);
	const writable = metrics.filter(takesValues);
	if (teams.length === 0 || writable.length === 0)
		throw new Error('The database has no teams or no value-taking metrics to import into');
	const depth = Math.ceil(count / (teams.length * writable.length));
	const periods = {
		month: periodsEndingWith(periodOf('month', today), depth),
		week: periodsEndingWith(periodOf('week', today), depth)
	};
	const rows: string[][] = [];
	let seed = 7;
	for (let back = depth - 1; back >= 0 && rows.length < count; back--) {
		for (const team of teams) {
			for (const metric of writable) {
				if (rows.length === count) break;
				seed = (seed * 48271) % 2147483647;
				rows.push([team.name, metric.key, periods[metric.period][back]!, ((seed % 10000) / 100).toFixed(2)]);
			}
		}
	}
	return rows;
}

export interface ImportTiming {
	rows: number;
	files: number;
	ms: number;
	created: number;
	updated: number;
	unchanged: number;
}

/**
 * A CSV import of `count` metric values by an admin, through the same preview and apply calls the
 * import page makes after an upload. An upload holds at most MAX_CSV_ROWS rows, so the import is
 * what an admin would do: that many files of the largest size allowed, each previewed and applied.
 */
async function timeImport(database: Db, adminEmail: string, count: number, now: Date): Promise<ImportTiming> {
	const admin = await database
		.selectFrom('people')
		.select(['id', 'time_zone'])
		.where('email', '=', adminEmail)
		.executeTakeFirstOrThrow();
	const actor = actorFor((await loadCurrentUser(database, admin.id))!, '127.0.0.1');
	const today = calendarDate(now, admin.time_zone);
	const rows = await importRows(database, count, today);
	const files: string[] = [];
	for (let i = 0; i < rows.length; i += MAX_CSV_ROWS)
		files.push(Papa.unparse({ fields: ['team', 'metric', 'period', 'value'], data: rows.slice(i, i + MAX_CSV_ROWS) }));

	const timing: ImportTiming = { rows: rows.length, files: files.length, ms: 0, created: 0, updated: 0, unchanged: 0 };
	const start = performance.now();
	for (const csv of files) {
		const preview = await previewMetricsImport(database, actor, csv, today);
		if (preview.issues.length > 0)
			throw new Error(
				`The generated import has problems: ${preview.issues
					.slice(0, 3)
					.map((i) => `line ${i.line}: ${i.reason}`)
					.join('; ')}`
			);
		const { ok, plan } = await applyMetricsImport(database, actor, csv, now, today);
		if (!ok) throw new Error('The import was refused on apply');
		timing.created += plan.counts.create;
		timing.updated += plan.counts.update;
		timing.unchanged += plan.counts.unchanged;
	}
	timing.ms = performance.now() - start;
	return timing;
}

export interface ScorecardTiming {
	teams: number;
	month: string;
	runsMs: number[];
	medianMs: number;
}

/** Every team's scorecard for the month /measure opens on, as an admin's /measure computes it (listTeams included). */
async function timeOrgScorecards(database: Db, now: Date, timeZone: string, runs = 3): Promise<ScorecardTiming> {
	const month = defaultMonth(now, timeZone);
	const runsMs: number[] = [];
	let teams = 0;
	for (let run = 0; run < runs; run++) {
		const start = performance.now();
		const all = await listTeams(database);
		const { cards } = await scorecardsFor(database, all, month, now);
		runsMs.push(performance.now() - start);
		teams = cards.size;
	}
	return { teams, month, runsMs, medianMs: median(runsMs) };
}

/** The organisation's scorecards, then the import (which adds values), on the database at `url`. */
export async function databaseTimings(
	url: string,
	accounts: { leader: string; admin: string },
	rows: number,
	now: Date
) {
	const database = openDatabase(url, { poolSize: 2 });
	try {
		const { time_zone } = await database
			.selectFrom('people')
			.select('time_zone')
			.where('email', '=', accounts.leader)
			.executeTakeFirstOrThrow();
		const scorecards = await timeOrgScorecards(database, now, time_zone);
		const importing = await timeImport(database, accounts.admin, rows, now);
		return { scorecards, importing };
	} finally {
		await database.destroy();
	}
}
