import type { Kysely } from 'kysely';

// Frozen once shipped: later changes get a migration of their own.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('shadow_slots')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
		.addColumn('host_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('starts_at', 'text', (c) => c.notNull())
		.addColumn('ends_at', 'text', (c) => c.notNull())
		.addColumn('time_zone', 'text', (c) => c.notNull())
		.addColumn('capacity', 'integer', (c) => c.notNull())
		.addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('video_url', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('what_you_will_see', 'text', (c) => c.notNull())
		.addColumn('auto_accept', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
		.addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('cancelled_at', 'text')
		.execute();
	await db.schema.createIndex('shadow_slots_team_start').on('shadow_slots').columns(['team_id', 'starts_at']).execute();
	await db.schema.createIndex('shadow_slots_start').on('shadow_slots').column('starts_at').execute();

	await db.schema
		.createTable('shadow_blackouts')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
		.addColumn('starts_on', 'text', (c) => c.notNull())
		.addColumn('ends_on', 'text', (c) => c.notNull())
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('shadow_blackouts_team').on('shadow_blackouts').column('team_id').execute();

	await db.schema
		.createTable('shadow_visits')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('slot_id', 'text', (c) => c.notNull().references('shadow_slots.id').onDelete('cascade'))
		.addColumn('visitor_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('objectives', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('starts_at', 'text', (c) => c.notNull())
		.addColumn('ends_at', 'text', (c) => c.notNull())
		.addColumn('approved_by', 'text', (c) => c.references('people.id').onDelete('set null'))
		.addColumn('approved_at', 'text')
		.addColumn('confirmed_by', 'text', (c) => c.references('people.id').onDelete('set null'))
		.addColumn('confirmed_at', 'text')
		.addColumn('decline_reason', 'text')
		.addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('reflection_learned', 'text')
		.addColumn('reflection_impact', 'text')
		.addColumn('reflection_change', 'text')
		.addColumn('reflected_at', 'text')
		.addColumn('host_feedback', 'text')
		.addColumn('host_feedback_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('shadow_visits_slot').on('shadow_visits').columns(['slot_id', 'status']).execute();
	await db.schema
		.createIndex('shadow_visits_visitor')
		.on('shadow_visits')
		.columns(['visitor_id', 'starts_at'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['shadow_visits', 'shadow_blackouts', 'shadow_slots']) await db.schema.dropTable(table).execute();
}
