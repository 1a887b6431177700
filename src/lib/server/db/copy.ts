/**
 * Copies a whole Ripple installation into a new, empty database (SQLite to PostgreSQL when an
 * organisation outgrows the embedded database), so it keeps its history. Relative imports only:
 * this also runs from the `tsx` CLI (`copy-cli.ts`).
 */
import { DEFAULT_MIGRATION_TABLE, sql, type RawBuilder } from 'kysely';
import { openDatabase, refreshStatistics, type Database, type Db } from './index';
import { migrateToLatest } from './migrator';
import { migrations } from './migrations';

type TableName = keyof Database;
type Column<T extends TableName> = keyof Database[T] & string;
type Row = Record<string, unknown>;

type TablePlan<T extends TableName> =
	| {
			/** The primary key: rows are read in its order, one batch after another. */
			key: readonly [Column<T>, ...Column<T>[]];
			selfReferences?: undefined;
			/**
			 * A roll-up that triggers fill, stale, while the tables it summarises are copied: those rows
			 * are cleared and the source's, which agree with the same records, copied as they are.
			 */
			rollup?: true;
	  }
	| {
			key: readonly [Column<T>];
			/**
			 * Columns referring to the same table. Random ids put a report before its manager as often
			 * as after, so these are inserted as null and filled in once every row of the table is in.
			 */
			selfReferences: readonly Column<T>[];
	  };

/**
 * Every table, parents before children: the copy runs in this (insertion) order and clears in
 * the reverse. Worked out from the migrations' foreign keys; tests/integration/db-copy.test.ts
 * checks it against SQLite's `foreign_key_list`. The mapped type makes a table added to
 * `Database` fail to compile until it has its place here. Kysely's own migration tables are not
 * listed: the target gets them from the migrator.
 */
const copyPlan: { [T in TableName]: TablePlan<T> } = {
	org_units: { key: ['id'], selfReferences: ['parent_id'] },
	teams: { key: ['id'] },
	people: { key: ['id'], selfReferences: ['manager_id'] },
	role_grants: { key: ['id'] },
	sessions: { key: ['id'] },
	invites: { key: ['id'] },
	login_failures: { key: ['id'] },
	audit_events: { key: ['id'] },
	app_meta: { key: ['key'] },
	module_progress: { key: ['person_id', 'module_slug'] },
	lesson_completions: { key: ['person_id', 'module_slug', 'lesson_slug'] },
	check_attempts: { key: ['id'] },
	check_draws: { key: ['id'] },
	completions: { key: ['id'] },
	reflections: { key: ['person_id', 'module_slug', 'prompt_id'] },
	practice_logs: { key: ['person_id', 'module_slug'] },
	assignments: { key: ['id'] },
	recognitions: { key: ['id'] },
	recognition_recipients: { key: ['recognition_id', 'person_id'] },
	lunch_sessions: { key: ['id'] },
	lunch_rsvps: { key: ['session_id', 'person_id'] },
	shadow_slots: { key: ['id'] },
	shadow_blackouts: { key: ['id'] },
	shadow_visits: { key: ['id'] },
	calendar_feeds: { key: ['person_id'] },
	buddy_cycles: { key: ['id'] },
	buddy_cycle_units: { key: ['cycle_id', 'org_unit_id'] },
	buddy_participants: { key: ['cycle_id', 'person_id'] },
	buddy_pairs: { key: ['id'] },
	buddy_pair_members: { key: ['pair_id', 'person_id'] },
	buddy_meetings: { key: ['id'] },
	buddy_fit_checks: { key: ['pair_id', 'person_id'] },
	buddy_plans: { key: ['id'] },
	behaviour_values: { key: ['id'] },
	behaviour_value_texts: { key: ['value_id', 'locale'] },
	behaviours: { key: ['id'] },
	behaviour_texts: { key: ['behaviour_id', 'locale'] },
	behaviour_versions: { key: ['id'] },
	behaviour_version_texts: { key: ['version_id', 'locale'] },
	observations: { key: ['id'] },
	metrics: { key: ['id'] },
	metric_texts: { key: ['metric_id', 'locale'] },
	// Before metric_values, which refers to the integration that sent a value.
	integrations: { key: ['id'] },
	metric_values: { key: ['metric_id', 'team_id', 'period'] },
	feedback_links: { key: ['id'] },
	case_feedback: { key: ['id'] },
	service_assessments: { key: ['id'] },
	service_assessment_scores: { key: ['assessment_id', 'component'] },
	notification_categories: { key: ['category'] },
	notifications: { key: ['id'] },
	email_deliveries: { key: ['id'] },
	email_delivery_attempts: { key: ['id'] },
	notification_ledger: { key: ['key'] },
	notification_preferences: { key: ['person_id', 'category'] },
	notification_settings: { key: ['person_id'] },
	identity_providers: { key: ['id'] },
	person_identities: { key: ['provider', 'subject'] },
	sso_logins: { key: ['state_hash'] },
	sso_break_glass: { key: ['person_id'] },
	directory_connections: { key: ['id'] },
	directory_people: { key: ['connection_id', 'person_id'] },
	directory_departments: { key: ['connection_id', 'department_key'] },
	provisioning_log: { key: ['id'] },
	directory_groups: { key: ['id'] },
	directory_group_members: { key: ['group_id', 'person_id'] },
	directory_deactivations: { key: ['id'] },
	directory_holds: { key: ['id'] },
	directory_held_changes: { key: ['hold_id', 'person_id'] },
	// Roll-ups last: after every table whose writes mark them stale.
	learning_rollup: { key: ['person_id'], rollup: true },
	team_rollup_gen: { key: ['team_id'], rollup: true },
	team_window_rollup: { key: ['team_id', 'month'], rollup: true },
	feedback_month_rollup: { key: ['team_id', 'month'], rollup: true }
};

/** The tables in copy order (string keys keep their insertion order). */
export const copyOrder = Object.keys(copyPlan) as TableName[];

const DEFAULT_BATCH_SIZE = 500;
/** Bind parameters per insert, under SQLite's limit (32,766) and PostgreSQL's (65,535). */
const MAX_PARAMETERS = 30_000;

export interface TableCopy {
	table: TableName;
	/** Rows read from the source. */
	read: number;
	/** Rows the target reported inserted. */
	written: number;
}

export interface CopyReport {
	tables: TableCopy[];
	/** Rows written over all tables. */
	rows: number;
}

export interface CopyOptions {
	/** Rows read and inserted at a time (default 500): memory stays bounded however large the install. */
	batchSize?: number;
	/** Called after every batch with the table's running total, and once with 0 for an empty table. */
	onProgress?: (table: TableName, rows: number) => void;
}

/**
 * Copies every Ripple table from `from` into `to`. The target is migrated to the latest schema
 * first and must hold no data of its own; the rows then go in within one transaction whose
 * per-table counts are checked against the source before it commits, so a failure leaves the
 * target as it was. The source is read in one transaction too: a consistent snapshot.
 */
export async function copyDatabase(from: Db, to: Db, options: CopyOptions = {}): Promise<CopyReport> {
	const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
	if (!Number.isInteger(batchSize) || batchSize < 1)
		throw new Error(`batchSize must be a positive whole number, got ${batchSize}`);
	if (from === to) throw new Error('The source and the target are the same database.');

	await assertFullyMigrated(from);
	await migrateToLatest(to);
	const installed = await rowsMigrationsInstall();

	const report = await from.transaction().execute((source) =>
		to.transaction().execute(async (target) => {
			const prefilled = await assertEmpty(target, installed);
			// The migrations' rows are in the source too, perhaps edited since: the source's win.
			for (const table of prefilled.reverse()) await sql`delete from ${sql.table(table)}`.execute(target);

			const tables: TableCopy[] = [];
			for (const table of copyOrder) tables.push(await copyTable(source, target, table, batchSize, options.onProgress));
			return { tables, rows: tables.reduce((sum, t) => sum + t.written, 0) };
		})
	);
	await refreshStatistics(to);
	return report;
}

async function copyTable(
	source: Db,
	target: Db,
	table: TableName,
	batchSize: number,
	onProgress: CopyOptions['onProgress']
): Promise<TableCopy> {
	// Widened to plain column names: code that serves every table cannot name their columns.
	const plan: { key: readonly [string, ...string[]]; selfReferences?: readonly string[]; rollup?: true } =
		copyPlan[table];
	const selfReferences: readonly string[] = plan.selfReferences ?? [];
	if (plan.rollup) await sql`delete from ${sql.table(table)}`.execute(target);
	let read = 0;
	let written = 0;
	for await (const batch of readBatches(source, table, plan.key, batchSize)) {
		read += batch.length;
		written += await insertRows(target, table, batch, selfReferences);
		onProgress?.(table, written);
	}
	if (read === 0) onProgress?.(table, 0);
	if (plan.selfReferences) await fillSelfReferences(source, target, table, plan.key[0], plan.selfReferences, batchSize);

	const [inSource, inTarget] = [await countRows(source, table), await countRows(target, table)];
	if (new Set([inSource, read, written, inTarget]).size !== 1) {
		throw new Error(
			`Row counts of ${table} do not match (source ${inSource}, read ${read}, written ${written}, target ${inTarget}); nothing was copied.`
		);
	}
	return { table, read, written };
}

/** Keyset pagination by primary key: each batch starts after the last key of the one before. */
async function* readBatches(
	db: Db,
	table: TableName,
	key: readonly string[],
	batchSize: number
): AsyncGenerator<Row[]> {
	const keyColumns = sql.join(key.map((column) => sql.ref(column)));
	let after: unknown[] | null = null;
	for (;;) {
		const where: RawBuilder<unknown> = after ? sql`where (${keyColumns}) > (${sql.join(after)})` : sql``;
		const { rows } =
			await sql<Row>`select * from ${sql.table(table)} ${where} order by ${keyColumns} limit ${batchSize}`.execute(db);
		if (rows.length > 0) yield rows;
		const last = rows.at(-1);
		if (!last || rows.length < batchSize) return;
		after = key.map((column) => last[column]);
	}
}

/** Inserts rows as they were read (values untouched), with `nulled` columns left null; returns rows inserted. */
async function insertRows(db: Db, table: TableName, rows: Row[], nulled: readonly string[]): Promise<number> {
	const columns = Object.keys(rows[0] ?? {});
	const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, columns.length)));
	const columnList = sql.join(columns.map((column) => sql.ref(column)));
	let inserted = 0;
	for (let start = 0; start < rows.length; start += perStatement) {
		const tuples = rows
			.slice(start, start + perStatement)
			.map((row) => sql`(${sql.join(columns.map((column) => (nulled.includes(column) ? null : row[column])))})`);
		const result = await sql`insert into ${sql.table(table)} (${columnList}) values ${sql.join(tuples)}`.execute(db);
		inserted += Number(result.numAffectedRows ?? 0);
	}
	return inserted;
}

/** Second pass for self-references: every row now exists, so each can point at any other. */
async function fillSelfReferences(
	source: Db,
	target: Db,
	table: TableName,
	key: string,
	columns: readonly string[],
	batchSize: number
): Promise<void> {
	for await (const batch of readBatches(source, table, [key], batchSize)) {
		for (const column of columns) {
			const linked = batch.filter((row) => row[column] !== null);
			if (linked.length === 0) continue;
			// One statement per batch: CASE maps each key to its value on SQLite and PostgreSQL alike.
			const cases = sql.join(
				linked.map((row) => sql`when ${row[key]} then ${row[column]}`),
				sql` `
			);
			const keys = sql.join(linked.map((row) => row[key]));
			await sql`update ${sql.table(table)} set ${sql.ref(column)} = case ${sql.ref(key)} ${cases} end where ${sql.ref(key)} in (${keys})`.execute(
				target
			);
		}
	}
}

async function countRows(db: Db, table: TableName): Promise<number> {
	const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
	return Number(rows[0]?.n ?? 0);
}

/** Refuses a source with pending migrations (columns would be missing) or unknown ones (a newer Ripple). */
async function assertFullyMigrated(db: Db): Promise<void> {
	const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
	const applied = new Set<string>();
	if (tables.some((t) => t.name === DEFAULT_MIGRATION_TABLE)) {
		const { rows } = await sql<{ name: string }>`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)}`.execute(db);
		for (const row of rows) applied.add(row.name);
	}
	const pending = Object.keys(migrations).filter((name) => !applied.has(name));
	if (pending.length > 0) {
		throw new Error(
			`The source database is not fully migrated (pending: ${pending.join(', ')}). ` +
				'Migrate it first with this version of Ripple (DATABASE_URL=<source> npm run db:migrate), then copy.'
		);
	}
	const unknown = [...applied].filter((name) => !(name in migrations));
	if (unknown.length > 0) {
		throw new Error(
			`The source database was migrated by a newer Ripple (${unknown.join(', ')}); copy it with that version.`
		);
	}
}

/** A row as text, independent of column order, for comparing rows across databases. */
function rowText(row: Row): string {
	return JSON.stringify(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The rows the migrations themselves insert (the default behaviour framework and experience
 * metrics), found by migrating a scratch in-memory database: a freshly migrated target holds
 * them and still counts as empty.
 */
async function rowsMigrationsInstall(): Promise<Map<TableName, Set<string>>> {
	const scratch = openDatabase(':memory:');
	try {
		await migrateToLatest(scratch);
		const installed = new Map<TableName, Set<string>>();
		for (const table of copyOrder) {
			const { rows } = await sql<Row>`select * from ${sql.table(table)}`.execute(scratch);
			if (rows.length > 0) installed.set(table, new Set(rows.map(rowText)));
		}
		return installed;
	} finally {
		await scratch.destroy();
	}
}

/**
 * Throws, naming the table, when the target holds anything beyond what its migrations installed
 * (and unchanged); returns the tables that hold such rows, in copy order.
 */
async function assertEmpty(db: Db, installed: Map<TableName, Set<string>>): Promise<TableName[]> {
	const prefilled: TableName[] = [];
	for (const table of copyOrder) {
		const count = await countRows(db, table);
		if (count === 0) continue;
		const expected = installed.get(table);
		// Only read the rows when there are few enough to be the migrations' own.
		const own =
			expected !== undefined &&
			count <= expected.size &&
			(await sql<Row>`select * from ${sql.table(table)}`.execute(db)).rows.every((row) => expected.has(rowText(row)));
		if (!own) {
			throw new Error(
				`The target database is not empty: ${table} holds ${count} row${count === 1 ? '' : 's'}. ` +
					'Copy into a new, empty database.'
			);
		}
		prefilled.push(table);
	}
	return prefilled;
}
