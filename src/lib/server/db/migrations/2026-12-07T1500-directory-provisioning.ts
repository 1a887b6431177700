import type { Kysely } from 'kysely';

// Frozen once shipped: later changes get a migration of their own.

/**
 * Provisioning from the company directory over SCIM 2.0 (issue 18).
 *
 * - `directory_connections`: a directory allowed to provision, with the hash of its bearer token
 *   (shown once, like an integration's), how its departments become teams, and the share of the
 *   organisation it may deactivate before the safety brake holds the request.
 * - `directory_people`: which people a connection provisions, with the identifiers the directory
 *   knows them by (`userName`, `externalId`) and the names it sent (display name and parts), so
 *   a patch of one part keeps the others. The SCIM id of a User is the person's id.
 * - `directory_departments`: the admin's mapping of a directory's department names to teams.
 * - `provisioning_log`: every SCIM request and its result, for admins to read.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('directory_connections')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('token_hash', 'text', (c) => c.notNull())
		.addColumn('deactivation_limit_percent', 'integer', (c) => c.notNull().defaultTo(20))
		.addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_used_at', 'text')
		.addColumn('revoked_at', 'text')
		.execute();

	await db.schema
		.createTable('directory_people')
		.addColumn('connection_id', 'text', (c) => c.notNull().references('directory_connections.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('user_name', 'text', (c) => c.notNull())
		.addColumn('external_id', 'text')
		.addColumn('display_name', 'text')
		.addColumn('given_name', 'text')
		.addColumn('family_name', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('directory_people_pk', ['connection_id', 'person_id'])
		.execute();
	await db.schema
		.createIndex('directory_people_user_name')
		.unique()
		.on('directory_people')
		.columns(['connection_id', 'user_name'])
		.execute();
	await db.schema
		.createIndex('directory_people_external_id')
		.on('directory_people')
		.columns(['connection_id', 'external_id'])
		.execute();
	await db.schema.createIndex('directory_people_person').on('directory_people').column('person_id').execute();

	await db.schema
		.createTable('directory_departments')
		.addColumn('connection_id', 'text', (c) => c.notNull().references('directory_connections.id').onDelete('cascade'))
		// Lower-case, so "Accounts payable" and "Accounts Payable" are one department.
		.addColumn('department_key', 'text', (c) => c.notNull())
		.addColumn('department', 'text', (c) => c.notNull())
		.addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('directory_departments_pk', ['connection_id', 'department_key'])
		.execute();

	await db.schema
		.createTable('provisioning_log')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('connection_id', 'text', (c) => c.notNull().references('directory_connections.id').onDelete('cascade'))
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('method', 'text', (c) => c.notNull())
		.addColumn('path', 'text', (c) => c.notNull())
		.addColumn('status', 'integer', (c) => c.notNull())
		.addColumn('scim_type', 'text')
		.addColumn('detail', 'text')
		// The User or Group the request was about, by its SCIM id, when there was one.
		.addColumn('resource_id', 'text')
		.execute();
	await db.schema
		.createIndex('provisioning_log_connection_at')
		.on('provisioning_log')
		.columns(['connection_id', 'at'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('provisioning_log').execute();
	await db.schema.dropTable('directory_departments').execute();
	await db.schema.dropTable('directory_people').execute();
	await db.schema.dropTable('directory_connections').execute();
}
