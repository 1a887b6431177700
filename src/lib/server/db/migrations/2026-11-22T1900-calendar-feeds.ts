import type { Kysely } from 'kysely';

// Frozen once shipped: later changes get a migration of their own.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('calendar_feeds')
		.addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('calendar_feeds').execute();
}
