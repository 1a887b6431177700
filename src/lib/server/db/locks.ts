import { sql } from 'kysely';
import type { Database, Db } from './index';

/** Tables whose rows guard a limited resource or a whole rebuild, keyed by `id`. */
export type ClaimableTable = Extract<keyof Database, 'shadow_slots' | 'lunch_sessions' | 'buddy_cycles'>;

/**
 * Makes concurrent transactions about one row take turns, on both databases: a write that
 * changes nothing, done first in the transaction. On SQLite it takes the database write lock; on
 * PostgreSQL the row lock, held until commit. Anything counted after the claim (places taken,
 * pairs present) is then what the previous holder committed, so "count, then insert" cannot
 * oversell, whichever app instance the requests reach. (`SELECT … FOR UPDATE` would do on
 * PostgreSQL but does not exist in SQLite, so this is the one portable spelling.)
 */
export async function claimRow(trx: Db, table: ClaimableTable, id: string): Promise<void> {
	await sql`update ${sql.table(table)} set id = id where id = ${id}`.execute(trx);
}
