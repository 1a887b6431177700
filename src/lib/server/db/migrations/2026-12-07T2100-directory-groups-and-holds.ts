import type { Kysely } from 'kysely';

// Frozen once shipped: later changes get a migration of their own.

/**
 * SCIM Groups and the provisioning safety brake (issue 18).
 *
 * - `directory_connections.teams_from`: where a provisioned person's team comes from, the
 *   department their User carries (`department`) or the groups they are a member of (`groups`).
 * - `directory_groups` and `directory_group_members`: a directory's groups as it sends them, with
 *   the team an admin maps a group to. The SCIM id of a Group is its id here.
 * - `directory_deactivations`: which people a connection deactivated and when, so a burst can be
 *   measured against the connection's limit.
 * - `directory_holds` and `directory_held_changes`: deactivations the safety brake held, one hold
 *   per connection at a time, with each person's change as the directory sent it, until an admin
 *   approves (the changes are applied) or rejects it (they are not).
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('directory_connections')
		.addColumn('teams_from', 'text', (c) => c.notNull().defaultTo('department'))
		.execute();

	await db.schema
		.createTable('directory_groups')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('connection_id', 'text', (c) => c.notNull().references('directory_connections.id').onDelete('cascade'))
		.addColumn('display_name', 'text', (c) => c.notNull())
		.addColumn('external_id', 'text')
		.addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('directory_groups_connection_name')
		.on('directory_groups')
		.columns(['connection_id', 'display_name'])
		.execute();
	await db.schema.createIndex('directory_groups_team').on('directory_groups').column('team_id').execute();

	await db.schema
		.createTable('directory_group_members')
		.addColumn('group_id', 'text', (c) => c.notNull().references('directory_groups.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('added_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('directory_group_members_pk', ['group_id', 'person_id'])
		.execute();
	await db.schema
		.createIndex('directory_group_members_person')
		.on('directory_group_members')
		.column('person_id')
		.execute();

	await db.schema
		.createTable('directory_deactivations')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('connection_id', 'text', (c) => c.notNull().references('directory_connections.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('directory_deactivations_connection_at')
		.on('directory_deactivations')
		.columns(['connection_id', 'at'])
		.execute();
	await db.schema
		.createIndex('directory_deactivations_person')
		.on('directory_deactivations')
		.column('person_id')
		.execute();

	await db.schema
		.createTable('directory_holds')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('connection_id', 'text', (c) => c.notNull().references('directory_connections.id').onDelete('cascade'))
		// held | approved | rejected
		.addColumn('status', 'text', (c) => c.notNull())
		// What the limit was when the brake engaged: active people and the share allowed.
		.addColumn('active_people', 'integer', (c) => c.notNull())
		.addColumn('limit_percent', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('decided_at', 'text')
		.addColumn('decided_by', 'text', (c) => c.references('people.id').onDelete('set null'))
		.execute();
	await db.schema
		.createIndex('directory_holds_connection_status')
		.on('directory_holds')
		.columns(['connection_id', 'status'])
		.execute();
	await db.schema.createIndex('directory_holds_decided_by').on('directory_holds').column('decided_by').execute();

	await db.schema
		.createTable('directory_held_changes')
		.addColumn('hold_id', 'text', (c) => c.notNull().references('directory_holds.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		// patch | replace | delete: the request that was held.
		.addColumn('kind', 'text', (c) => c.notNull())
		// The change as JSON (what Ripple read of the request), null for a delete.
		.addColumn('change', 'text')
		.addColumn('received_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('directory_held_changes_pk', ['hold_id', 'person_id'])
		.execute();
	await db.schema
		.createIndex('directory_held_changes_person')
		.on('directory_held_changes')
		.column('person_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('directory_held_changes').execute();
	await db.schema.dropTable('directory_holds').execute();
	await db.schema.dropTable('directory_deactivations').execute();
	await db.schema.dropTable('directory_group_members').execute();
	await db.schema.dropTable('directory_groups').execute();
	await db.schema.alterTable('directory_connections').dropColumn('teams_from').execute();
}
