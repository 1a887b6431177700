import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres, openTempDb, type TempDb } from './temp-db';

/**
 * SQLite connections keep recently prepared statements (db/index.ts). Reusing one must never
 * return stale answers: not after many other queries pushed it out, and not after the schema
 * changed under it (migrations run on the same connection as the queries that follow).
 * PostgreSQL's driver has no such cache, so this is SQLite's alone.
 */
describe.skipIf(onPostgres())('prepared statement reuse (SQLite)', () => {
	let temp: TempDb;
	beforeAll(async () => {
		temp = await openTempDb('statements', false);
		await sql`create table notes (id integer primary key, body text not null)`.execute(temp.db);
	});
	afterAll(() => temp.close());

	const bodies = () =>
		temp.db
			.selectFrom('notes' as never)
			.select(sql<string>`body`.as('body'))
			.orderBy(sql`id`)
			.execute();

	it('answers with the rows as they are now, however often the same query runs', async () => {
		expect(await bodies()).toEqual([]);
		await sql`insert into notes (body) values ('first')`.execute(temp.db);
		expect(await bodies()).toEqual([{ body: 'first' }]);
		await sql`insert into notes (body) values ('second')`.execute(temp.db);
		expect((await bodies()).map((r) => r.body)).toEqual(['first', 'second']);
	});

	it('stays right when more distinct queries ran than the cache holds', async () => {
		for (let i = 0; i < 700; i++) {
			const row = await sql<{ n: number }>`select ${sql.lit(i)} as n`.execute(temp.db);
			expect(row.rows[0]?.n).toBe(i);
		}
		expect((await bodies()).map((r) => r.body)).toEqual(['first', 'second']);
	});

	it('sees a column added after the statement was first prepared', async () => {
		const everything = () => sql<Record<string, unknown>>`select * from notes order by id`.execute(temp.db);
		expect(Object.keys((await everything()).rows[0]!)).toEqual(['id', 'body']);
		await sql`alter table notes add column tag text not null default 'none'`.execute(temp.db);
		expect((await everything()).rows[0]).toEqual({ id: 1, body: 'first', tag: 'none' });
	});
});
