import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { isPostgresUrl, openDatabase, sqlitePath, type Db } from '../../src/lib/server/db';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { seedLargeOrganisation } from '../../src/lib/server/demo/large';
import { LARGE_ACCOUNTS } from '../../src/lib/server/demo/large/plan';
import { isDatabaseEmpty } from '../../src/lib/server/demo/seed';
import { listTeams } from '../../src/lib/server/org/queries';
import { scopeOf } from '../../src/lib/server/people/queries';
import { isUnitWithin } from '../../src/lib/server/people/rules';

/** The database the benchmark runs on, and the people and pages it signs in to. */

export interface Accounts {
	staff: string;
	manager: string;
	leader: string;
	admin: string;
}

export interface Dataset {
	url: string;
	/** Whether BENCH_DB was reused as it was (not seeded by this run). */
	reused: boolean;
	/** A temporary database of this run's own, removed at the end. */
	temporary: boolean;
	seedMs: number | null;
	counts: Record<string, number>;
	accounts: Accounts;
	password: string;
	/** Teams on the leader's /measure, and the one whose trends page is measured. */
	leaderTeams: number;
	trendsTeam: { id: string; name: string };
	/** A lesson page: the first lesson of the first module in the catalogue. */
	lessonPath: string;
	checkPath: string;
	/** Removes what this run created (the temporary database). */
	cleanup(): void;
}

/** The large organisation (seed 42), printing each step as it is written. */
async function seed(database: Db, now: Date, people: number | undefined): Promise<void> {
	const summary = await seedLargeOrganisation(database, {
		seed: 42,
		now,
		people,
		onProgress: (step, rows, ms) =>
			console.log(`  ${step.padEnd(20)} ${String(rows).padStart(9)} rows  ${(ms / 1000).toFixed(1).padStart(6)} s`)
	});
	console.log(`  the leader's unit holds ${summary.leaderUnitTeams} teams`);
}

/** The large organisation signs in with the small demo's emails, so either works as a reused BENCH_DB. */
async function checkAccounts(database: Db): Promise<Accounts> {
	const emails = Object.values(LARGE_ACCOUNTS);
	const found = await database.selectFrom('people').select('email').where('email', 'in', emails).execute();
	if (found.length !== emails.length)
		throw new Error(
			`The database lacks the sign-in accounts ${emails.join(', ')}: it holds neither the large organisation nor the demo`
		);
	return LARGE_ACCOUNTS;
}

/** The first module's first lesson and its knowledge check, as a learner starts the course. */
function firstModulePaths(root: string): { lessonPath: string; checkPath: string } {
	const modulesDir = join(root, 'content', 'modules');
	const modules = readdirSync(modulesDir).map((slug) => {
		const order = /^order:\s*(\d+)/m.exec(readFileSync(join(modulesDir, slug, 'module.md'), 'utf8'));
		return { slug, order: order ? Number(order[1]) : Number.POSITIVE_INFINITY };
	});
	modules.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
	const first = modules[0]!;
	const lesson = readdirSync(join(modulesDir, first.slug))
		.filter((f) => /^\d\d-.*\.md$/.test(f))
		.sort()[0]!;
	return { lessonPath: `/learn/${first.slug}/${lesson.replace(/\.md$/, '')}`, checkPath: `/learn/${first.slug}/check` };
}

/** `people`: the organisation's size when it is seeded (default 10,000). */
export async function prepareDataset(
	root: string,
	benchDb: string | undefined,
	now: Date,
	people?: number
): Promise<Dataset> {
	let tempDir: string | null = null;
	let url: string;
	if (benchDb) {
		url = isPostgresUrl(benchDb) ? benchDb : resolve(sqlitePath(benchDb));
	} else {
		tempDir = mkdtempSync(join(tmpdir(), 'ripple-bench-'));
		url = join(tempDir, 'bench.db');
	}
	const cleanup = () => {
		if (tempDir) rmSync(tempDir, { recursive: true, force: true });
	};

	const database = openDatabase(url, { poolSize: 2 });
	try {
		await migrateToLatest(database);
		let seedMs: number | null = null;
		const reused = !(await isDatabaseEmpty(database));
		if (!reused) {
			console.log(`Seeding ${url}…`);
			const start = performance.now();
			await seed(database, now, people);
			seedMs = performance.now() - start;
			console.log(`Seeded in ${(seedMs / 1000).toFixed(1)} s`);
		} else {
			console.log(`Reusing ${url} as it is`);
		}
		const counts: Record<string, number> = {};
		for (const table of [
			'org_units',
			'teams',
			'people',
			'metric_values',
			'case_feedback',
			'observations',
			'assignments',
			'completions'
		] as const) {
			const row = await database
				.selectFrom(table)
				.select(sql<number>`count(*)`.as('n'))
				.executeTakeFirstOrThrow();
			counts[table] = Number(row.n);
		}

		const accounts = await checkAccounts(database);
		const leader = await database
			.selectFrom('people')
			.select('id')
			.where('email', '=', accounts.leader)
			.executeTakeFirstOrThrow();
		// The teams a leader's /measure lists: those in the units they lead (scorecards' visibleTeams,
		// whose module cannot load outside Vite because it reaches the course content).
		const { ledUnitPaths } = await scopeOf(database, leader.id);
		const teams = (await listTeams(database))
			.filter((t) => ledUnitPaths.some((p) => isUnitWithin(t.unit_path, p)))
			.sort((a, b) => a.name.localeCompare(b.name));
		if (teams.length === 0) throw new Error(`${accounts.leader} leads no teams`);
		return {
			url,
			reused,
			temporary: tempDir !== null,
			seedMs,
			counts,
			accounts,
			password: DEMO_PASSWORD,
			leaderTeams: teams.length,
			trendsTeam: { id: teams[0]!.id, name: teams[0]!.name },
			...firstModulePaths(root),
			cleanup
		};
	} catch (err) {
		cleanup();
		throw err;
	} finally {
		await database.destroy();
	}
}

/**
 * The in-process import writes 100,000 values: against BENCH_DB it runs on a copy, so the next run
 * finds the same data. A temporary database is the run's own and is used as it is.
 */
export async function scratchCopy(dataset: Dataset): Promise<{ url: string; dispose(): void }> {
	if (dataset.temporary) return { url: dataset.url, dispose() {} };
	if (isPostgresUrl(dataset.url)) {
		console.warn(`⚠ BENCH_DB is PostgreSQL: the timed import writes its values into ${dataset.url} itself`);
		return { url: dataset.url, dispose() {} };
	}
	const dir = mkdtempSync(join(tmpdir(), 'ripple-bench-copy-'));
	const copy = join(dir, 'copy.db');
	const source = openDatabase(dataset.url);
	try {
		await sql`vacuum into ${copy}`.execute(source);
	} finally {
		await source.destroy();
	}
	return { url: copy, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
