import type { Db } from './index';

/** Runs `work` in a transaction, or directly when the caller already holds one (Kysely cannot nest). */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
	return db.isTransaction ? work(db) : db.transaction().execute(work);
}
