import type { Kysely } from 'kysely';

// Frozen once shipped: later changes get a migration of their own.

/**
 * Standing feedback links count each person once a month (issue 13). An answer through one
 * carries `respondent_key`, a keyed hash of who answered, for which team and in which month, never
 * the person's id; the unique index keeps one answer per key, so a second answer replaces the
 * first. Case answers and older standing answers have none (NULL, which a unique index does not
 * compare on either database).
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('case_feedback').addColumn('respondent_key', 'text').execute();
	await db.schema
		.createIndex('case_feedback_respondent')
		.on('case_feedback')
		.column('respondent_key')
		.unique()
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('case_feedback_respondent').execute();
	await db.schema.alterTable('case_feedback').dropColumn('respondent_key').execute();
}
