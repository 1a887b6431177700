import type { Kysely } from 'kysely';

// Frozen once shipped: later changes get a migration of their own.

/**
 * Sign in with the company account (issue 18).
 *
 * - `identity_providers`: OpenID Connect providers an admin configured in Ripple (those given in
 *   the environment are not stored). The client secret is sealed with `SECRETS_KEY`; `domains` is a
 *   JSON array of the email domains the provider serves; the `claim_*` columns name the ID token
 *   claims read into a person's profile (null: not read).
 * - `person_identities`: which provider account is which person, keyed by the provider's slug and
 *   the token's `sub`, the only identifier a provider promises never to reuse.
 * - `sso_logins`: a sign-in on its way through the provider, found again by the hash of its
 *   `state`; deleted as it is used, so a replayed callback finds nothing.
 * - `sso_break_glass`: admins who keep their password when single sign-on is forced.
 * - `people.employee_id` (unique) and `people.department`: what a directory knows of a person, read
 *   from the ID token or written by provisioning.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('identity_providers')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('display_name', 'text', (c) => c.notNull())
		.addColumn('issuer', 'text', (c) => c.notNull())
		.addColumn('client_id', 'text', (c) => c.notNull())
		.addColumn('client_secret', 'text', (c) => c.notNull())
		.addColumn('scopes', 'text', (c) => c.notNull())
		.addColumn('domains', 'text', (c) => c.notNull())
		.addColumn('allow_new_people', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('claim_department', 'text')
		.addColumn('claim_job_title', 'text')
		.addColumn('claim_employee_id', 'text')
		.addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('person_identities')
		.addColumn('provider', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_sign_in_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('person_identities_pk', ['provider', 'subject'])
		.execute();
	await db.schema.createIndex('person_identities_person').on('person_identities').column('person_id').execute();

	await db.schema
		.createTable('sso_logins')
		.addColumn('state_hash', 'text', (c) => c.primaryKey())
		.addColumn('provider', 'text', (c) => c.notNull())
		.addColumn('nonce', 'text', (c) => c.notNull())
		.addColumn('code_verifier', 'text', (c) => c.notNull())
		.addColumn('return_to', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('sso_logins_expires').on('sso_logins').column('expires_at').execute();

	await db.schema
		.createTable('sso_break_glass')
		.addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema.alterTable('people').addColumn('employee_id', 'text').execute();
	await db.schema.alterTable('people').addColumn('department', 'text').execute();
	// A separate index, because SQLite cannot add a column with a unique constraint.
	await db.schema.createIndex('people_employee_id').unique().on('people').column('employee_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('people_employee_id').execute();
	await db.schema.alterTable('people').dropColumn('department').execute();
	await db.schema.alterTable('people').dropColumn('employee_id').execute();
	await db.schema.dropTable('sso_break_glass').execute();
	await db.schema.dropTable('sso_logins').execute();
	await db.schema.dropTable('person_identities').execute();
	await db.schema.dropTable('identity_providers').execute();
}
