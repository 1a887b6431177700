// `npm run db:copy -- --from <SQLite file> --to <postgres:// URL>`: moves an installation into a
// new, empty database (see copy.ts). Any URL `openDatabase` accepts works on either side, so a
// copy into another SQLite file is possible too; PostgreSQL is the target it exists for.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { copyDatabase } from './copy';
import { isPostgresUrl, openDatabase, sqlitePath, type Db } from './index';

const USAGE = 'Usage: npm run db:copy -- --from <SQLite file or URL> --to <postgres://user:password@host/database>';

/** Hides the password of a database URL, for output that may end up in logs. */
function shown(url: string): string {
	return url.replace(/^([a-z]+:\/\/[^:/@]+):[^@/]*@/i, '$1:***@');
}

/** The same database on both sides? (A SQLite file under two spellings counts as the same.) */
function sameDatabase(from: string, to: string): boolean {
	if (isPostgresUrl(from) || isPostgresUrl(to)) return from === to;
	return sqlitePath(from) === sqlitePath(to);
}

function parse(): { from: string; to: string } {
	const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } }, strict: true });
	const from = values.from?.trim();
	const to = values.to?.trim();
	if (!from || !to) throw new Error(`Both --from and --to are required.\n${USAGE}`);
	// openDatabase would create an empty SQLite file for a mistyped path and copy nothing from it.
	if (!isPostgresUrl(from) && !existsSync(sqlitePath(from)))
		throw new Error(`There is no SQLite database at ${sqlitePath(from)}.`);
	if (sameDatabase(from, to)) throw new Error('--from and --to name the same database.');
	return { from, to };
}

/** One line per table as it finishes; on a terminal the current table's count also runs live. */
function progressPrinter() {
	const live = process.stdout.isTTY;
	let current: { table: string; rows: number } | undefined;
	const line = (table: string, rows: number) => `  ${table.padEnd(28)} ${rows.toLocaleString('en')}`;
	const finish = () => {
		if (!current) return;
		if (live) process.stdout.write('\r\x1b[K');
		console.log(line(current.table, current.rows));
	};
	return {
		update(table: string, rows: number) {
			if (current && current.table !== table) finish();
			current = { table, rows };
			if (live) process.stdout.write(`\r\x1b[K${line(table, rows)}…`);
		},
		finish
	};
}

let source: Db | undefined;
let target: Db | undefined;
let copying = false;
try {
	const { from, to } = parse();
	console.log(`Copying ${shown(from)} into ${shown(to)}`);
	source = openDatabase(from);
	target = openDatabase(to, { poolSize: 1 });
	const progress = progressPrinter();
	const started = performance.now();
	copying = true;
	const report = await copyDatabase(source, target, { onProgress: progress.update });
	progress.finish();
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	const filled = report.tables.filter((t) => t.written > 0).length;
	console.log(
		`Copied ${report.rows.toLocaleString('en')} rows (${filled} of ${report.tables.length} tables hold data) in ${seconds} s; ` +
			'every table holds as many rows as the source.'
	);
} catch (err) {
	// Clears a half-written live progress line.
	if (process.stdout.isTTY) process.stdout.write('\r\x1b[K');
	console.error(`db:copy failed: ${err instanceof Error ? err.message : String(err)}`);
	if (copying) console.error('No rows were copied: the copy runs in one transaction, rolled back on any error.');
	process.exitCode = 1;
} finally {
	await source?.destroy();
	await target?.destroy();
}
