import type { Kysely } from 'kysely';

// Frozen once shipped: later changes get a migration of their own.

/**
 * A published pair can end before its cycle does (issue 17): when a buddy asks for another buddy,
 * the cycle's owner re-pairs them, which ends the old pairs and makes new ones. An ended pair keeps
 * its meetings and fit checks as history.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('buddy_pairs').addColumn('ended_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('buddy_pairs').dropColumn('ended_at').execute();
}
