import type { Kysely } from 'kysely';

// Frozen once shipped: later changes get a migration of their own.

/**
 * Indexes for lookups that read a whole table without them (found by explaining every query the
 * main pages make on the 10,000-person benchmark organisation):
 * - an object's audit history (a person's page in admin) filtered audit_events, which only grows;
 * - the unit and organisation averages of a quarter's self-assessments filtered by period.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.createIndex('audit_events_object').on('audit_events').columns(['object_id', 'at']).execute();
	await db.schema.createIndex('service_assessments_period').on('service_assessments').column('period').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('service_assessments_period').execute();
	await db.schema.dropIndex('audit_events_object').execute();
}
