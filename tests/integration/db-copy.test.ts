import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { signIn } from '../../src/lib/server/auth/sign-in';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { copyDatabase, type CopyReport } from '../../src/lib/server/db/copy';
import { migrateDown, migrateToLatest } from '../../src/lib/server/db/migrator';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { seedDemo } from '../../src/lib/server/demo/seed';
import { openTempDb, type TempDb } from './temp-db';

// The source is always the SQLite a small install starts on; the target is this project's
// database: SQLite in the `integration` project, PostgreSQL in the `postgres` one.
type Row = Record<string, unknown>;

const SEEDED_AT = new Date('2026-11-23T09:00:00.000Z');
const SAMPLE = 5;

let temp: TempDb;
let source: Db;
let sourceTables: string[];
let report: CopyReport;

beforeAll(async () => {
	// Left unmigrated: the copy brings the target to the latest schema itself.
	temp = await openTempDb('db-copy', false);
	source = openDatabase(join(temp.dir, 'source.db'));
	await migrateToLatest(source);
	await seedDemo(source, SEEDED_AT);
	// The demo has no history of signing in; one failed and one good sign-in add audit events,
	// a login failure and a session to copy.
	for (const password of ['not-the-password', DEMO_PASSWORD]) {
		await signIn(source, { email: 'manager@ripple.test', password, ip: '203.0.113.10' }, SEEDED_AT);
	}
	const tables = await source.introspection.getTables();
	sourceTables = tables.map((t) => t.name).sort();
});

afterAll(async () => {
	await source?.destroy();
	await temp?.close();
});

async function count(db: Db, table: string): Promise<number> {
	const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
	return Number(rows[0]?.n);
}

async function countsOf(db: Db, tables: readonly string[]): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const table of tables) counts[table] = await count(db, table);
	return counts;
}

/** Primary-key columns in key order, from SQLite's own description of the source. */
async function primaryKey(table: string): Promise<string[]> {
	const { rows } = await sql<{
		name: string;
	}>`select name from pragma_table_info(${table}) where pk > 0 order by pk`.execute(source);
	return rows.map((r) => r.name);
}

async function rowByKey(db: Db, table: string, key: readonly string[], row: Row): Promise<Row | undefined> {
	const match = sql.join(
		key.map((column) => sql`${sql.ref(column)} = ${row[column]}`),
		sql` and `
	);
	const { rows } = await sql<Row>`select * from ${sql.table(table)} where ${match}`.execute(db);
	return rows[0];
}

/** The first and last rows by primary key. */
async function sampleRows(table: string, key: readonly string[]): Promise<Row[]> {
	const order = (direction: 'asc' | 'desc') =>
		sql.join(key.map((column) => sql`${sql.ref(column)} ${sql.raw(direction)}`));
	const first = await sql<Row>`select * from ${sql.table(table)} order by ${order('asc')} limit ${SAMPLE}`.execute(
		source
	);
	const last = await sql<Row>`select * from ${sql.table(table)} order by ${order('desc')} limit ${SAMPLE}`.execute(
		source
	);
	return [...first.rows, ...last.rows];
}

describe('db:copy', () => {
	it('refuses a source that is not fully migrated, before touching the target', async () => {
		const behind = openDatabase(join(temp.dir, 'behind.db'));
		try {
			await migrateToLatest(behind);
			const [last] = await migrateDown(behind);
			await expect(copyDatabase(behind, temp.db)).rejects.toThrow(`not fully migrated (pending: ${last})`);
		} finally {
			await behind.destroy();
		}
		expect(await temp.db.introspection.getTables()).toEqual([]);
	});

	it('rolls back a copy that fails part-way, leaving the target as freshly migrated', async () => {
		// A response whose link does not exist: SQLite lets it in with foreign keys off, and the
		// target refuses it late in the copy, after hundreds of valid rows went in.
		await sql`pragma foreign_keys = off`.execute(source);
		const team = await source.selectFrom('teams').select('id').executeTakeFirstOrThrow();
		await source
			.insertInto('case_feedback')
			.values({
				id: 'zz-orphan',
				link_id: 'no-such-link',
				team_id: team.id,
				score: 9,
				reasons: '[]',
				comment: '',
				minutes_lost: null,
				submitted_at: SEEDED_AT.toISOString()
			})
			.execute();
		await sql`pragma foreign_keys = on`.execute(source);

		const progress = new Map<string, number>();
		try {
			await expect(
				copyDatabase(source, temp.db, { onProgress: (table, rows) => progress.set(table, rows) })
			).rejects.toThrow(/foreign key/i);
		} finally {
			await source.deleteFrom('case_feedback').where('id', '=', 'zz-orphan').execute();
		}
		expect(progress.get('people')).toBeGreaterThan(70);
		expect(progress.get('metric_values')).toBeGreaterThan(0);

		// What a migrated, unused database holds: nothing beyond the migrations' own rows.
		const fresh = openDatabase(':memory:');
		try {
			await migrateToLatest(fresh);
			expect(await countsOf(temp.db, sourceTables)).toEqual(await countsOf(fresh, sourceTables));
		} finally {
			await fresh.destroy();
		}
		expect(await count(temp.db, 'people')).toBe(0);
	});

	it('copies every table, reporting as many rows read and written as the source holds', async () => {
		// Small batches, so the demo's larger tables take several rounds of keyset pagination.
		report = await copyDatabase(source, temp.db, { batchSize: 100 });
		expect(report.tables.map((t) => t.table).sort()).toEqual(sourceTables);

		const sourceCounts = await countsOf(source, sourceTables);
		for (const { table, read, written } of report.tables) {
			expect({ table, read, written }).toEqual({ table, read: sourceCounts[table], written: sourceCounts[table] });
		}
		expect(await countsOf(temp.db, sourceTables)).toEqual(sourceCounts);
		expect(report.rows).toBe(Object.values(sourceCounts).reduce((a, b) => a + b, 0));
		for (const table of [
			'people',
			'observations',
			'metric_values',
			'case_feedback',
			'audit_events',
			'sessions',
			'login_failures'
		]) {
			expect(sourceCounts[table], table).toBeGreaterThan(0);
		}
	});

	it('copies parents before children, as the foreign keys require', async () => {
		const order: string[] = report.tables.map((t) => t.table);
		for (const [position, table] of order.entries()) {
			const { rows } = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${table})`.execute(
				source
			);
			for (const { table: parent } of rows)
				expect(order.indexOf(parent), `${table} -> ${parent}`).toBeLessThanOrEqual(position);
		}
	});

	it('keeps values exactly: text ids, ISO times, 0/1 flags, real numbers and self-references', async () => {
		for (const table of sourceTables) {
			const key = await primaryKey(table);
			for (const row of await sampleRows(table, key))
				expect(await rowByKey(temp.db, table, key, row), table).toEqual(row);
		}

		// Every real number, not only a sample, and every manager and parent unit.
		const byKey = (rows: Row[], key: readonly string[]) =>
			new Map(rows.map((r) => [key.map((c) => r[c]).join('|'), r]));
		for (const table of ['metric_values', 'people', 'org_units'] as const) {
			const key = await primaryKey(table);
			const copied = byKey(await temp.db.selectFrom(table).selectAll().execute(), key);
			expect(copied, table).toEqual(byKey(await source.selectFrom(table).selectAll().execute(), key));
		}
		const fractional = await temp.db.selectFrom('metric_values').select('value').execute();
		expect(fractional.some((r) => !Number.isInteger(r.value))).toBe(true);
		const managed = await temp.db
			.selectFrom('people')
			.select('manager_id')
			.where('manager_id', 'is not', null)
			.execute();
		expect(managed.length).toBeGreaterThan(50);
	});

	it('lets a demo account sign in on the copy', async () => {
		const now = new Date();
		const result = await signIn(
			temp.db,
			{ email: 'staff@ripple.test', password: DEMO_PASSWORD, ip: '203.0.113.20' },
			now
		);
		if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
		const staff = await temp.db
			.selectFrom('people')
			.select('id')
			.where('email', '=', 'staff@ripple.test')
			.executeTakeFirstOrThrow();
		expect(result.personId).toBe(staff.id);
		expect((await validateSessionToken(temp.db, result.token, now))?.session.person_id).toBe(staff.id);
	});

	it('refuses a second copy into the now non-empty target and changes nothing', async () => {
		const before = await countsOf(temp.db, sourceTables);
		await expect(copyDatabase(source, temp.db)).rejects.toThrow(
			/target database is not empty: org_units holds \d+ rows/
		);
		expect(await countsOf(temp.db, sourceTables)).toEqual(before);
	});
});
