import type { Kysely } from 'kysely';

// Frozen once shipped: later changes get a migration of their own.

/**
 * A certificate names the module in the language the learner completed it in (issue 16): each
 * completion records the language of the content it was earned with. Earlier completions were all
 * earned in English, the only language there was.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('completions')
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('completions').dropColumn('locale').execute();
}
