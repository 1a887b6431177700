import SQLite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { config } from '../config';
import type { Database } from './schema';

export type Db = Kysely<Database>;

/** Turns `DATABASE_URL` into a file path: plain paths and `file:`/`sqlite:` URLs are accepted. */
export function sqlitePath(url: string): string {
	if (url === ':memory:') return url;
	const bare = url.replace(/^(sqlite|file):(\/\/)?/, '');
	return resolve(bare);
}

/** True when the database is PostgreSQL (otherwise it is SQLite). */
export function isPostgres(database: Db): boolean {
	return database.getExecutor().adapter instanceof PostgresAdapter;
}

export function isPostgresUrl(url: string): boolean {
	return /^postgres(ql)?:\/\//.test(url);
}

/**
 * PostgreSQL hands back 64-bit integers (every count) and numerics (every avg) as text, to be safe
 * with values past 2^53. Ripple's counts and averages are far smaller, so they are read as numbers,
 * the way SQLite returns them; the parsers belong to Ripple's pools only, not to pg globally.
 */
const postgresTypes = {
	getTypeParser(oid: number, format?: 'text' | 'binary') {
		if (oid === pg.types.builtins.INT8) return (value: string) => Number.parseInt(value, 10);
		if (oid === pg.types.builtins.NUMERIC) return (value: string) => Number.parseFloat(value);
		return pg.types.getTypeParser(oid, format);
	}
} as pg.CustomTypesConfig;

function openPostgres(url: string, poolSize: number): Db {
	const pool = new pg.Pool({ connectionString: url, max: poolSize, types: postgresTypes });
	// An idle connection can be cut (a server restart, a failover); the pool replaces it on the
	// next checkout, so this is news for the log rather than a reason to stop the process.
	pool.on('error', (err) => console.error(`PostgreSQL: an idle connection was lost (${err.message})`));
	return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Opens a database for a URL: PostgreSQL for `postgres://` and `postgresql://` URLs, otherwise a
 * SQLite file (the embedded default).
 */
export function openDatabase(url: string, options: { poolSize?: number } = {}): Db {
	if (isPostgresUrl(url)) return openPostgres(url, options.poolSize ?? config.databasePoolSize);
	const path = sqlitePath(url);
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new SQLite(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	// FULL: a commit is on disk before it is acknowledged, so even a power cut loses nothing that was
	// confirmed (NORMAL would survive a crashed process but not a crashed machine). Page views that
	// would write without news (touchModuleProgress) write nothing, so reading stays as fast.
	sqlite.pragma('synchronous = FULL');
	return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

/** Prepared statements kept per connection; Kysely compiles the same few hundred shapes over and over. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query afresh, and for the short queries most pages make,
 * parsing and planning cost as much as running. This keeps the most recently used statements by
 * their SQL (least recently used go first). Reuse is safe: the driver runs one query at a time on
 * its single connection, and `all`/`run` finish before the next one starts.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
	const statements = new Map<string, SQLite.Statement>();
	return {
		close: () => sqlite.close(),
		prepare(query: string) {
			let statement = statements.get(query);
			if (statement) statements.delete(query);
			else {
				statement = sqlite.prepare(query);
				if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
			}
			statements.set(query, statement);
			return statement;
		}
	};
}

let shared: Db | undefined;

/** The process-wide database, opened on first use from `DATABASE_URL`. */
export function db(): Db {
	shared ??= openDatabase(config.databaseUrl);
	return shared;
}

export type { Database } from './schema';

/**
 * Brings the query planner's statistics up to date after a bulk load (a seed, a copy). PostgreSQL
 * plans from sampled statistics that its autovacuum gathers some time after a load; until then a
 * query for 20 people's records can read all of them (the team matrix read 3.9 million lesson
 * completions that way on the 100,000-person organisation). SQLite plans from its indexes alone (no
 * `sqlite_stat1` is kept, so plans stay those the query-plan tests check): nothing to do.
 */
export async function refreshStatistics(database: Db): Promise<void> {
	if (!isPostgres(database)) return;
	// Outside a transaction, VACUUM also marks the loaded pages all-visible, which is what lets a
	// covering index answer without reading the table (it cannot run inside one).
	await (database.isTransaction ? sql`analyze` : sql`vacuum analyze`).execute(database);
}

/** True when the database answers a trivial query (for health checks). */
export async function databaseAnswers(database: Db): Promise<boolean> {
	try {
		await sql`select 1`.execute(database);
		return true;
	} catch {
		return false;
	}
}
