import type { Kysely } from 'kysely';

// Frozen once shipped: later changes get a migration of their own.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('recognitions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('from_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('behaviour_slug', 'text', (c) => c.notNull())
		.addColumn('message', 'text', (c) => c.notNull())
		.addColumn('cross_department', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('recognitions_created').on('recognitions').column('created_at').execute();
	await db.schema.createIndex('recognitions_from').on('recognitions').column('from_id').execute();

	await db.schema
		.createTable('recognition_recipients')
		.addColumn('recognition_id', 'text', (c) => c.notNull().references('recognitions.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('recognition_recipients_pk', ['recognition_id', 'person_id'])
		.execute();
	await db.schema
		.createIndex('recognition_recipients_person')
		.on('recognition_recipients')
		.column('person_id')
		.execute();

	await db.schema
		.createTable('lunch_sessions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('topic', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('presenter_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('organiser_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('starts_at', 'text', (c) => c.notNull())
		.addColumn('ends_at', 'text', (c) => c.notNull())
		.addColumn('time_zone', 'text', (c) => c.notNull())
		.addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('video_url', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('capacity', 'integer', (c) => c.notNull())
		.addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('cancelled_at', 'text')
		.execute();
	await db.schema.createIndex('lunch_sessions_starts').on('lunch_sessions').column('starts_at').execute();

	await db.schema
		.createTable('lunch_rsvps')
		.addColumn('session_id', 'text', (c) => c.notNull().references('lunch_sessions.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('rsvp_at', 'text', (c) => c.notNull())
		.addColumn('attended', 'integer')
		.addPrimaryKeyConstraint('lunch_rsvps_pk', ['session_id', 'person_id'])
		.execute();
	await db.schema.createIndex('lunch_rsvps_person').on('lunch_rsvps').column('person_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['lunch_rsvps', 'lunch_sessions', 'recognition_recipients', 'recognitions']) {
		await db.schema.dropTable(table).execute();
	}
}
