import type { Kysely } from 'kysely';

// Frozen once shipped: later changes get a migration of their own.

/**
 * Indexes on columns that point at people from tables that grow large. Neither SQLite nor
 * PostgreSQL indexes a foreign key by itself, so removing a person (or resetting the demo) checked
 * every row of these tables once per person: minutes for a 10,000-person organisation.
 */
const indexes = [
	['metric_values_updated_by', 'metric_values', 'updated_by'],
	['feedback_links_created_by', 'feedback_links', 'created_by'],
	['audit_events_actor', 'audit_events', 'actor_id'],
	['assignments_assigned_by', 'assignments', 'assigned_by'],
	['shadow_slots_host', 'shadow_slots', 'host_id'],
	['shadow_visits_approved_by', 'shadow_visits', 'approved_by'],
	['shadow_visits_confirmed_by', 'shadow_visits', 'confirmed_by'],
	['service_assessments_assessed_by', 'service_assessments', 'assessed_by']
] as const;

export async function up(db: Kysely<any>): Promise<void> {
	for (const [name, table, column] of indexes) await db.schema.createIndex(name).on(table).column(column).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const [name] of [...indexes].reverse()) await db.schema.dropIndex(name).execute();
}
