import { sql } from 'kysely';
import { isPostgres, type Db } from './index';

/**
 * Runs a bulk load without the database's triggers, inside the caller's transaction. Every trigger
 * Ripple has keeps a roll-up (issue 19), and their work per row makes a bulk load about half as
 * long again (seeding 10,000 people into PostgreSQL: about 68 s with them, 42 s without), so a load
 * into an empty database skips them and rebuilds what they keep once at the end. The caller must do
 * that rebuilding: rows written meanwhile are not in any roll-up.
 *
 * On SQLite the triggers are dropped and created again from their own definitions; on PostgreSQL
 * each table's triggers are disabled and enabled again (the foreign keys' internal triggers stay
 * on). Both are part of the transaction, so if the load fails the triggers come back with the
 * rollback.
 */
export async function withoutTriggers<T>(trx: Db, load: () => Promise<T>): Promise<T> {
	if (!trx.isTransaction) throw new Error('withoutTriggers runs inside a transaction');
	if (isPostgres(trx)) {
		const { rows } = await sql<{ table: string }>`
			select distinct event_object_table as "table" from information_schema.triggers
			where trigger_schema = current_schema() order by 1`.execute(trx);
		for (const { table } of rows) await sql`alter table ${sql.table(table)} disable trigger user`.execute(trx);
		const result = await load();
		for (const { table } of rows) await sql`alter table ${sql.table(table)} enable trigger user`.execute(trx);
		return result;
	}
	const { rows } = await sql<{ name: string; definition: string }>`
		select name, sql as definition from sqlite_master where type = 'trigger' order by name`.execute(trx);
	for (const { name } of rows) await sql`drop trigger ${sql.id(name)}`.execute(trx);
	const result = await load();
	for (const { definition } of rows) await sql.raw(definition).execute(trx);
	return result;
}
