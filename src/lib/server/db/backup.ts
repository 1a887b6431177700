import SQLite from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { migrations } from './migrations';

/**
 * An online backup of the SQLite database through SQLite's backup API, while Ripple keeps serving.
 * The pages are copied in one step, which reads one consistent moment of the database: in WAL mode
 * the server's writers carry on meanwhile, and cannot make SQLite restart the copy (as they would
 * between smaller steps, possibly for ever on a busy server). The copy is written next to the
 * target, checked, and only then given the target's name, so a failed backup never leaves a file
 * that looks like a good one.
 */

export interface BackupReport {
	target: string;
	bytes: number;
	ms: number;
	/** Rows per table in the backup, tables in name order. */
	tables: { table: string; rows: number }[];
	/** The newest migration the backup has, which the Ripple restoring it must know. */
	schemaVersion: string;
}

/** As many pages as SQLite can count: everything left, in one step. */
const ALL_PAGES = 0x7fffffff;

export class BackupError extends Error {}

export async function backupSqlite(sourcePath: string, targetPath: string): Promise<BackupReport> {
	const source = resolve(sourcePath);
	const target = resolve(targetPath);
	if (!existsSync(source)) throw new BackupError(`There is no SQLite database at ${source}.`);
	if (source === target) throw new BackupError('The backup cannot replace the database it copies.');
	if (existsSync(target))
		throw new BackupError(`${target} already exists; choose a new file name (a backup never overwrites one).`);
	if (!existsSync(dirname(target))) throw new BackupError(`The folder ${dirname(target)} does not exist.`);

	const partial = `${target}.partial`;
	rmSync(partial, { force: true });
	const started = performance.now();
	const database = new SQLite(source, { fileMustExist: true });
	try {
		database.pragma('busy_timeout = 5000');
		await database.backup(partial, { progress: () => ALL_PAGES });
	} finally {
		database.close();
	}
	try {
		const report = verify(partial);
		renameSync(partial, target);
		return { target, bytes: statSync(target).size, ms: performance.now() - started, ...report };
	} catch (err) {
		rmSync(partial, { force: true });
		throw err;
	}
}

/**
 * Opens the copy on its own and checks it: SQLite's integrity check, no broken references, every
 * table readable (with its row count), and a schema this Ripple knows. The copy is switched out of
 * WAL mode, so the backup is one self-contained file.
 */
function verify(path: string): Omit<BackupReport, 'target' | 'bytes' | 'ms'> {
	const copy = new SQLite(path, { fileMustExist: true });
	try {
		copy.pragma('journal_mode = DELETE');
		const integrity = copy.pragma('integrity_check', { simple: true });
		if (integrity !== 'ok') throw new BackupError(`The copy failed SQLite's integrity check: ${String(integrity)}`);
		const broken = copy.pragma('foreign_key_check') as unknown[];
		if (broken.length > 0)
			throw new BackupError(`The copy has ${broken.length} rows pointing at rows that do not exist.`);
		const names = copy
			.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
			.pluck()
			.all() as string[];
		const tables = names.map((table) => ({
			table,
			rows: Number(
				copy
					.prepare(`select count(*) from "${table.replaceAll('"', '""')}"`)
					.pluck()
					.get()
			)
		}));
		const applied = names.includes('kysely_migration')
			? (copy.prepare('select name from kysely_migration order by name').pluck().all() as string[])
			: [];
		const known = Object.keys(migrations);
		if (applied.length === 0) throw new BackupError('The copy holds no Ripple schema: is this the right database?');
		const unknown = applied.filter((name) => !known.includes(name));
		if (unknown.length > 0)
			throw new BackupError(`The copy has migrations this version of Ripple does not know (${unknown.join(', ')}).`);
		return { tables, schemaVersion: applied.at(-1)! };
	} finally {
		copy.close();
	}
}
