import type { Kysely } from 'kysely';

// Frozen once shipped: later changes get a migration of their own.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('org_units')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('parent_id', 'text', (c) => c.references('org_units.id').onDelete('restrict'))
		.addColumn('path', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('org_units_parent').on('org_units').column('parent_id').execute();

	await db.schema
		.createTable('teams')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull().unique())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id').onDelete('restrict'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('teams_unit').on('teams').column('org_unit_id').execute();

	await db.schema
		.createTable('people')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('job_title', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
		.addColumn('manager_id', 'text', (c) => c.references('people.id').onDelete('set null'))
		.addColumn('time_zone', 'text', (c) => c.notNull())
		.addColumn('language', 'text', (c) => c.notNull())
		.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('password_hash', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('people_team').on('people').column('team_id').execute();
	await db.schema.createIndex('people_manager').on('people').column('manager_id').execute();
	await db.schema.createIndex('people_name').on('people').column('name').execute();

	await db.schema
		.createTable('role_grants')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('cascade'))
		.addColumn('org_unit_id', 'text', (c) => c.references('org_units.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('role_grants_person').on('role_grants').column('person_id').execute();
	await db.schema.createIndex('role_grants_team').on('role_grants').column('team_id').execute();
	await db.schema.createIndex('role_grants_unit').on('role_grants').column('org_unit_id').execute();

	await db.schema
		.createTable('sessions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('secret_hash', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_verified_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('sessions_person').on('sessions').column('person_id').execute();

	await db.schema
		.createTable('invites')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.execute();
	await db.schema.createIndex('invites_person').on('invites').column('person_id').execute();

	await db.schema
		.createTable('login_failures')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('throttle_key', 'text', (c) => c.notNull())
		.addColumn('at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('login_failures_key_at').on('login_failures').columns(['throttle_key', 'at']).execute();

	await db.schema
		.createTable('audit_events')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'text', (c) => c.references('people.id').onDelete('set null'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('object_type', 'text', (c) => c.notNull())
		.addColumn('object_id', 'text')
		.addColumn('summary', 'text', (c) => c.notNull())
		.addColumn('details', 'text')
		.addColumn('ip', 'text')
		.execute();
	await db.schema.createIndex('audit_events_at').on('audit_events').column('at').execute();
	await db.schema.createIndex('audit_events_action').on('audit_events').column('action').execute();

	await db.schema
		.createTable('app_meta')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'app_meta',
		'audit_events',
		'login_failures',
		'invites',
		'sessions',
		'role_grants',
		'people',
		'teams',
		'org_units'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
