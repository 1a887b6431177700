// `npm run db:backup -- <file>`: an online, verified backup of the SQLite database Ripple uses
// (DATABASE_URL), taken while it runs. PostgreSQL has its own tools: see docs/operations.md.
import { BackupError, backupSqlite } from './backup';
import { isPostgresUrl, sqlitePath } from './index';
import { config } from '../config';

const target = process.argv
	.slice(2)
	.find((arg) => arg !== '--')
	?.trim();
try {
	if (!target)
		throw new BackupError(
			'Usage: npm run db:backup -- <backup file>, for example npm run db:backup -- backups/ripple-2026-11-22.db'
		);
	if (isPostgresUrl(config.databaseUrl)) {
		throw new BackupError(
			'DATABASE_URL is PostgreSQL: back it up with pg_dump (see "Backups" in docs/operations.md), not with this command.'
		);
	}
	const source = sqlitePath(config.databaseUrl);
	console.log(`Backing up ${source} into ${target}…`);
	const report = await backupSqlite(source, target);
	const rows = report.tables.reduce((sum, t) => sum + t.rows, 0);
	for (const t of report.tables) console.log(`  ${t.table.padEnd(28)} ${t.rows.toLocaleString('en').padStart(10)}`);
	console.log(
		`Backed up ${rows.toLocaleString('en')} rows in ${report.tables.length} tables (${(report.bytes / 2 ** 20).toFixed(1)} MB, schema ${report.schemaVersion}) ` +
			`in ${(report.ms / 1000).toFixed(1)} s to ${report.target}. Integrity check passed.`
	);
} catch (err) {
	console.error(`db:backup failed: ${err instanceof Error ? err.message : String(err)}`);
	process.exitCode = 1;
}
