import SQLite from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, backupSqlite } from '../../src/lib/server/db/backup';
import { openDatabase } from '../../src/lib/server/db';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import { migrations } from '../../src/lib/server/db/migrations';
import { addPerson, onPostgres, openTempDb, type TempDb } from './temp-db';

/** `npm run db:backup`: SQLite's online backup while another connection keeps writing. */
describe.skipIf(onPostgres())('online backup (SQLite)', () => {
	let temp: TempDb;
	beforeAll(async () => {
		temp = await openTempDb('backup');
		for (let i = 0; i < 200; i++)
			await addPerson(temp.db, { id: `p${i}`, email: `p${i}@example.com`, name: `Person ${i}` });
	});
	afterAll(() => temp.close());

	it('copies a consistent moment while writes go on, checks it and restores to a working database', async () => {
		// A second connection, as the running server would be, writes audit rows one after another.
		const writer = new SQLite(temp.url);
		writer.pragma('busy_timeout = 5000');
		const insert = writer.prepare(
			"insert into audit_events (id, actor_id, action, object_type, object_id, summary, details, ip, at) values (?, null, 'person.updated', 'person', 'p1', 'write under backup', '{}', null, ?)"
		);
		let written = 0;
		let writing = true;
		const writes = (async () => {
			while (writing) {
				insert.run(`w${written}`, new Date().toISOString());
				written++;
				await new Promise((tick) => setImmediate(tick));
			}
		})();
		const target = join(temp.dir, 'backup.db');
		const report = await backupSqlite(temp.url, target);
		const before = written;
		writing = false;
		await writes;
		writer.close();

		expect(report.schemaVersion).toBe(Object.keys(migrations).at(-1));
		expect(report.tables.find((t) => t.table === 'people')?.rows).toBe(200);
		const copied = report.tables.find((t) => t.table === 'audit_events')!.rows;
		expect(copied).toBeLessThanOrEqual(before);
		expect(existsSync(`${target}.partial`)).toBe(false);

		// Restoring is using the file: it opens as a Ripple database, already up to date, with every row.
		const restored = openDatabase(target);
		try {
			expect(await migrateToLatest(restored)).toEqual([]);
			const people = await restored
				.selectFrom('people')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow();
			expect(Number(people.n)).toBe(200);
			const audit = await restored
				.selectFrom('audit_events')
				.select('id')
				.where('summary', '=', 'write under backup')
				.execute();
			// Writes land in order, so the copy holds exactly the first `copied` of them.
			expect(audit.map((r) => r.id).sort()).toEqual(Array.from({ length: copied }, (_, i) => `w${i}`).sort());
		} finally {
			await restored.destroy();
		}
	});

	it('never overwrites a file, and refuses a missing database or folder', async () => {
		const taken = join(temp.dir, 'taken.db');
		writeFileSync(taken, 'precious');
		await expect(backupSqlite(temp.url, taken)).rejects.toThrow(/already exists/);
		await expect(backupSqlite(join(temp.dir, 'nowhere.db'), join(temp.dir, 'b.db'))).rejects.toThrow(BackupError);
		await expect(backupSqlite(temp.url, join(temp.dir, 'no-such-folder', 'b.db'))).rejects.toThrow(/does not exist/);
		await expect(backupSqlite(temp.url, temp.url)).rejects.toThrow(/cannot replace/);
	});

	it('refuses a file that is not a Ripple database, leaving nothing behind', async () => {
		const stranger = join(temp.dir, 'stranger.db');
		const other = new SQLite(stranger);
		other.exec('create table notes (body text)');
		other.close();
		const target = join(temp.dir, 'stranger-backup.db');
		await expect(backupSqlite(stranger, target)).rejects.toThrow(/no Ripple schema/);
		expect(existsSync(target)).toBe(false);
		expect(existsSync(`${target}.partial`)).toBe(false);
	});
});
