import SQLite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { config } from '../config';
import type { Database } from './schema';

export type Db = Kysely<Database>;

/** Turns `DATABASE_URL` into a file path: plain paths and `file:`/`sqlite:` URLs are accepted. */
export function sqlitePath(url: string): string {
	if (url === ':memory:') return url;
	const bare = url.replace(/^(sqlite|file):(\/\/)?/, '');
	return resolve(bare);
}

/** Opens a database for a URL. SQLite is the embedded default; PostgreSQL arrives with its own issue. */
export function openDatabase(url: string): Db {
	if (/^postgres(ql)?:\/\//.test(url)) {
		throw new Error(
			'DATABASE_URL points at PostgreSQL, which this version of Ripple does not support yet. ' +
				'Use a SQLite file path such as ./data/ripple.db.'
		);
	}
	const path = sqlitePath(url);
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new SQLite(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = NORMAL');
	return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

let shared: Db | undefined;

/** The process-wide database, opened on first use from `DATABASE_URL`. */
export function db(): Db {
	shared ??= openDatabase(config.databaseUrl);
	return shared;
}

export type { Database } from './schema';

/** True when the database answers a trivial query (for health checks). */
export async function databaseAnswers(database: Db): Promise<boolean> {
	try {
		await sql`select 1`.execute(database);
		return true;
	} catch {
		return false;
	}
}
