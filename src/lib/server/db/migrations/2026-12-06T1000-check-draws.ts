import type { Kysely } from 'kysely';

// Frozen once shipped: later changes get a migration of their own.

/**
 * Knowledge checks draw their questions per attempt (issue 15). `check_draws` holds the one open
 * draw a learner has per module: the questions and the order of their options, as shown. Submitting
 * moves that set onto the attempt (`check_attempts.questions`, so a review shows what the learner
 * saw) and removes the draw. Attempts from before have no set (NULL): they answered every question
 * in file order.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('check_draws')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('module_slug', 'text', (c) => c.notNull())
		.addColumn('module_version', 'text', (c) => c.notNull())
		.addColumn('questions', 'text', (c) => c.notNull())
		.addColumn('drawn_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('check_draws_person_module')
		.on('check_draws')
		.columns(['person_id', 'module_slug'])
		.unique()
		.execute();
	await db.schema.alterTable('check_attempts').addColumn('questions', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('check_attempts').dropColumn('questions').execute();
	await db.schema.dropTable('check_draws').execute();
}
