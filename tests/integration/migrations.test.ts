import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type Db } from '../../src/lib/server/db';
import { migrateDown, migrateToLatest, migrateToNothing } from '../../src/lib/server/db/migrator';
import { migrations } from '../../src/lib/server/db/migrations';
import { onPostgres, openTempDb, type TempDb } from './temp-db';

// Every table of the Database interface; the Record type makes this fail to compile when a
// table is added to the interface but not here.
const tableFlags: Record<keyof Database, true> = {
	org_units: true,
	teams: true,
	people: true,
	role_grants: true,
	sessions: true,
	invites: true,
	login_failures: true,
	audit_events: true,
	app_meta: true,
	module_progress: true,
	lesson_completions: true,
	check_attempts: true,
	check_draws: true,
	completions: true,
	reflections: true,
	practice_logs: true,
	assignments: true,
	recognitions: true,
	recognition_recipients: true,
	lunch_sessions: true,
	lunch_rsvps: true,
	shadow_slots: true,
	shadow_blackouts: true,
	shadow_visits: true,
	calendar_feeds: true,
	buddy_cycles: true,
	buddy_cycle_units: true,
	buddy_participants: true,
	buddy_pairs: true,
	buddy_pair_members: true,
	buddy_meetings: true,
	buddy_fit_checks: true,
	buddy_plans: true,
	behaviour_values: true,
	behaviour_value_texts: true,
	behaviours: true,
	behaviour_texts: true,
	behaviour_versions: true,
	behaviour_version_texts: true,
	observations: true,
	metrics: true,
	metric_texts: true,
	metric_values: true,
	integrations: true,
	feedback_links: true,
	case_feedback: true,
	service_assessments: true,
	service_assessment_scores: true,
	notification_categories: true,
	notifications: true,
	email_deliveries: true,
	email_delivery_attempts: true,
	notification_ledger: true,
	notification_preferences: true,
	notification_settings: true,
	identity_providers: true,
	person_identities: true,
	sso_logins: true,
	sso_break_glass: true,
	directory_connections: true,
	directory_people: true,
	directory_departments: true,
	provisioning_log: true,
	directory_groups: true,
	directory_group_members: true,
	directory_deactivations: true,
	directory_holds: true,
	directory_held_changes: true,
	learning_rollup: true,
	team_rollup_gen: true,
	team_window_rollup: true,
	feedback_month_rollup: true
};
const appTables = Object.keys(tableFlags).sort();

let temp: TempDb;
let db: Db;

beforeAll(async () => {
	temp = await openTempDb('migrations', false);
	db = temp.db;
});

afterAll(async () => {
	await temp?.close();
});

async function userTables(): Promise<string[]> {
	const tables = await db.introspection.getTables();
	return tables.map((t) => t.name).sort();
}

/** Applies or reverts migrations until `name` is the last one applied. */
async function migrateTo(name: string): Promise<void> {
	const result = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(name);
	if (result.error) throw result.error;
}

/** Indexes the migrations created, leaving out those the database makes for keys and constraints. */
async function userIndexes(): Promise<string[]> {
	const { rows } = onPostgres()
		? await sql<{ name: string }>`
				select indexname as name from pg_indexes
				where schemaname = 'public' and indexname not like 'kysely_%'
				and indexname not in (select conname from pg_constraint)
				order by indexname
			`.execute(db)
		: await sql<{ name: string }>`
				select name from sqlite_master
				where type = 'index' and name not like 'sqlite_%' and name not like 'kysely_%'
				order by name
			`.execute(db);
	return rows.map((r) => r.name);
}

describe('migrations', () => {
	it('start from an empty database', async () => {
		expect(await userTables()).toEqual([]);
	});

	it('create every table of the schema', async () => {
		const applied = await migrateToLatest(db);
		expect(applied).toEqual(Object.keys(migrations));
		expect(await userTables()).toEqual(appTables);
		expect(await userIndexes()).toContain('login_failures_key_at');
	});

	it('are idempotent: migrating again applies nothing', async () => {
		expect(await migrateToLatest(db)).toEqual([]);
		expect(await userTables()).toEqual(appTables);
	});

	it('run with foreign keys enforced (and WAL journaling on SQLite)', async () => {
		if (!onPostgres()) {
			const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
			expect(journal.rows[0]?.journal_mode).toBe('wal');
			const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
			expect(fk.rows[0]?.foreign_keys).toBe(1);
		}

		// Enforced, not just reported: a team in a unit that does not exist is refused.
		await expect(
			db
				.insertInto('teams')
				.values({
					id: 't1',
					name: 'Orphans',
					kind: 'back_office',
					org_unit_id: 'missing',
					created_at: new Date().toISOString()
				})
				.execute()
		).rejects.toThrow(/FOREIGN KEY|foreign key/);
	});

	it('enforce unique emails and fill column defaults', async () => {
		// Raw SQL: the Database interface has no notion of column defaults, so Kysely would demand them.
		const insert = (id: string, email: string) =>
			sql`
			insert into people (id, email, name, time_zone, language, created_at, updated_at)
			values (${id}, ${email}, 'A', 'UTC', 'en', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')
		`.execute(db);
		await insert('p1', 'a@example.com');
		await expect(insert('p2', 'a@example.com')).rejects.toThrow(/UNIQUE|unique/);
		const stored = await db
			.selectFrom('people')
			.select(['job_title', 'active', 'password_hash'])
			.executeTakeFirstOrThrow();
		expect(stored).toEqual({ job_title: '', active: 1, password_hash: null });
		await db.deleteFrom('people').execute();
	});

	it('keep metric values at double precision on both databases', async () => {
		const at = '2026-01-01T00:00:00.000Z';
		await db
			.insertInto('org_units')
			.values({ id: 'u', name: 'U', kind: 'company', parent_id: null, path: '/u/', created_at: at })
			.execute();
		await db
			.insertInto('teams')
			.values({ id: 't', name: 'T', kind: 'back_office', org_unit_id: 'u', created_at: at })
			.execute();
		await db
			.insertInto('metric_values')
			.values({
				metric_id: 'metric-case_average',
				team_id: 't',
				period: '2026-01',
				value: 1234567.891,
				source: 'entry',
				updated_by: null,
				integration_id: null,
				updated_at: at
			})
			.execute();
		const stored = await db.selectFrom('metric_values').select('value').executeTakeFirstOrThrow();
		expect(stored.value).toBe(1234567.891);
		await db.deleteFrom('teams').execute();
		await db.deleteFrom('org_units').execute();
	});

	it('revert completely, dropping every table and index', async () => {
		const reverted = await migrateToNothing(db);
		expect(reverted).toEqual(Object.keys(migrations).reverse());
		expect(await userTables()).toEqual([]);
		expect(await userIndexes()).toEqual([]);
	});

	it('migrate up again after reverting, and down one step', async () => {
		expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
		expect(await userTables()).toEqual(appTables);

		const last = Object.keys(migrations).at(-1);
		expect(await migrateDown(db)).toEqual([last]);
		expect(await migrateToLatest(db)).toEqual([last]);
		expect(await userTables()).toEqual(appTables);
	});

	it('make team names, and unit names among siblings, unique ignoring case, reporting the names that are not', async () => {
		const uniqueNames = '2026-11-24T0900-names-unique-ignoring-case';
		const names = Object.keys(migrations);
		expect(names).toContain(uniqueNames);
		await migrateTo(names[names.indexOf(uniqueNames) - 1]!);

		const at = '2026-01-01T00:00:00.000Z';
		const unit = (id: string, name: string, parent: string | null, path: string) => ({
			id,
			name,
			kind: 'department' as const,
			parent_id: parent,
			path,
			created_at: at
		});
		await db
			.insertInto('org_units')
			.values([
				unit('co', 'Northwind', null, '/co/'),
				unit('fin', 'Finance', 'co', '/co/fin/'),
				unit('fin2', 'FINANCE', 'co', '/co/fin2/'),
				unit('hr', 'HR', 'co', '/co/hr/'),
				// The same name under different parents is fine.
				unit('pay-fin', 'Payables', 'fin', '/co/fin/pay-fin/'),
				unit('pay-hr', 'payables', 'hr', '/co/hr/pay-hr/')
			])
			.execute();
		const team = (id: string, name: string, unitId: string) => ({
			id,
			name,
			kind: 'back_office' as const,
			org_unit_id: unitId,
			created_at: at
		});
		await db
			.insertInto('teams')
			.values([
				team('t1', 'Finance Operations', 'fin'),
				team('t2', 'finance operations', 'hr'),
				team('t3', 'Payroll', 'hr')
			])
			.execute();

		const failure = await migrateToLatest(db).then(
			() => null,
			(err: unknown) => (err instanceof Error ? err.message : String(err))
		);
		expect(failure).toContain(uniqueNames);
		expect(failure).toContain('"Finance Operations" (t1) and "finance operations" (t2)');
		expect(failure).toContain('"Finance" (fin) and "FINANCE" (fin2), both under "Northwind"');
		expect(failure).toMatch(/rename one/i);
		expect(failure).not.toMatch(/Payables|payables|Payroll|UNIQUE|unique constraint/);
		// Nothing was renamed, and the migration is still to do.
		const stored = await db.selectFrom('teams').select('name').orderBy('id').execute();
		expect(stored.map((t) => t.name)).toEqual(['Finance Operations', 'finance operations', 'Payroll']);

		await db.updateTable('teams').set({ name: 'Finance Operations HR' }).where('id', '=', 't2').execute();
		await db.updateTable('org_units').set({ name: 'Finance Shared Services' }).where('id', '=', 'fin2').execute();
		expect(await migrateToLatest(db)).toEqual(names.slice(names.indexOf(uniqueNames)));

		// From now on the database itself refuses a name that differs only by case.
		await expect(
			db
				.insertInto('teams')
				.values(team('t4', 'PAYROLL', 'fin'))
				.execute()
		).rejects.toThrow(/unique/i);
		await expect(
			db
				.insertInto('org_units')
				.values(unit('hr2', 'hr', 'co', '/co/hr2/'))
				.execute()
		).rejects.toThrow(/unique/i);
		await expect(
			db
				.insertInto('org_units')
				.values(unit('co2', 'NORTHWIND', null, '/co2/'))
				.execute()
		).rejects.toThrow(/unique/i);
		await db
			.insertInto('org_units')
			.values(unit('pay-co', 'PAYABLES', 'co', '/co/pay-co/'))
			.execute();

		await db.deleteFrom('teams').execute();
		for (const id of ['pay-co', 'pay-fin', 'pay-hr', 'fin', 'fin2', 'hr', 'co'])
			await db.deleteFrom('org_units').where('id', '=', id).execute();
	});

	it('keep people to the languages Ripple speaks: Chinese becomes Simplified Chinese, the rest English', async () => {
		const supported = '2026-12-06T1200-supported-languages';
		const names = Object.keys(migrations);
		await migrateTo(names[names.indexOf(supported) - 1]!);
		const languages = { p1: 'nl', p2: 'zh', p3: 'zh-Hans', p4: 'de', p5: 'en', p6: 'ar' };
		for (const [id, language] of Object.entries(languages))
			await sql`
				insert into people (id, email, name, time_zone, language, created_at, updated_at)
				values (${id}, ${`${id}@example.com`}, 'A', 'UTC', ${language}, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')
			`.execute(db);
		await migrateToLatest(db);
		const stored = await db.selectFrom('people').select(['id', 'language']).orderBy('id').execute();
		expect(stored.map((p) => p.language)).toEqual(['nl', 'zh-CN', 'zh-CN', 'en', 'en', 'en']);
		await db.deleteFrom('people').execute();
	});

	// PostgreSQL only: Kysely's migrator takes an advisory lock there. Several instances on one
	// SQLite file is not a supported set-up (docs/operations.md says so); scale-out means PostgreSQL.
	it.runIf(onPostgres())('apply once when two instances start together on one database', async () => {
		await migrateToNothing(db);
		// A second connection pool, as a second app instance would have; both migrate at once.
		const other = openDatabase(temp.url, { poolSize: 2 });
		try {
			const [first, second] = await Promise.all([migrateToLatest(db), migrateToLatest(other)]);
			expect([...first, ...second].sort()).toEqual(Object.keys(migrations).sort());
			expect(await userTables()).toEqual(appTables);
		} finally {
			await other.destroy();
		}
	});
});
