import type { Kysely } from 'kysely';

// Frozen once shipped: later changes get a migration of their own.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('buddy_cycles')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('starts_on', 'text', (c) => c.notNull())
		.addColumn('ends_on', 'text', (c) => c.notNull())
		.addColumn('mode', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('owner_id', 'text', (c) => c.references('people.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('published_at', 'text')
		.execute();

	await db.schema
		.createTable('buddy_cycle_units')
		.addColumn('cycle_id', 'text', (c) => c.notNull().references('buddy_cycles.id').onDelete('cascade'))
		.addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('buddy_cycle_units_pk', ['cycle_id', 'org_unit_id'])
		.execute();

	await db.schema
		.createTable('buddy_participants')
		.addColumn('cycle_id', 'text', (c) => c.notNull().references('buddy_cycles.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('goals', 'text', (c) => c.notNull())
		.addColumn('learn', 'text', (c) => c.notNull())
		.addColumn('offer', 'text', (c) => c.notNull())
		.addColumn('interests', 'text', (c) => c.notNull())
		.addColumn('hours_start', 'integer', (c) => c.notNull())
		.addColumn('hours_end', 'integer', (c) => c.notNull())
		.addColumn('time_zone', 'text', (c) => c.notNull())
		.addColumn('nominated_by', 'text', (c) => c.references('people.id').onDelete('set null'))
		.addColumn('excluded', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('joined_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('buddy_participants_pk', ['cycle_id', 'person_id'])
		.execute();

	await db.schema
		.createTable('buddy_pairs')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('cycle_id', 'text', (c) => c.notNull().references('buddy_cycles.id').onDelete('cascade'))
		.addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('score_cents', 'integer', (c) => c.notNull())
		.addColumn('breakdown', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('buddy_pairs_cycle').on('buddy_pairs').column('cycle_id').execute();

	await db.schema
		.createTable('buddy_pair_members')
		.addColumn('pair_id', 'text', (c) => c.notNull().references('buddy_pairs.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('buddy_pair_members_pk', ['pair_id', 'person_id'])
		.execute();
	await db.schema.createIndex('buddy_pair_members_person').on('buddy_pair_members').column('person_id').execute();

	await db.schema
		.createTable('buddy_meetings')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('pair_id', 'text', (c) => c.notNull().references('buddy_pairs.id').onDelete('cascade'))
		.addColumn('logged_by', 'text', (c) => c.references('people.id').onDelete('set null'))
		.addColumn('met', 'integer', (c) => c.notNull())
		.addColumn('met_on', 'text', (c) => c.notNull())
		.addColumn('rating', 'integer')
		.addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('buddy_meetings_pair').on('buddy_meetings').columns(['pair_id', 'met_on']).execute();

	await db.schema
		.createTable('buddy_fit_checks')
		.addColumn('pair_id', 'text', (c) => c.notNull().references('buddy_pairs.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('fit', 'text', (c) => c.notNull())
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('buddy_fit_checks_pk', ['pair_id', 'person_id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'buddy_fit_checks',
		'buddy_meetings',
		'buddy_pair_members',
		'buddy_pairs',
		'buddy_participants',
		'buddy_cycle_units',
		'buddy_cycles'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
