import type { Db } from '../db';
import { newId } from '../db/ids';
import type { AuditEvent } from '../db/schema';

/**
 * The audit log is append-only: this module offers a way to add an event and ways to read them,
 * and nothing that updates or deletes.
 */
export type AuditAction =
	| 'auth.sign_in'
	| 'auth.sign_in_failed'
	| 'auth.sign_in_throttled'
	| 'auth.password_changed'
	| 'session.ended'
	| 'invite.created'
	| 'invite.accepted'
	| 'person.created'
	| 'person.updated'
	| 'person.deactivated'
	| 'person.reactivated'
	| 'person.exported'
	| 'person.erased'
	| 'role.granted'
	| 'role.revoked'
	| 'org_unit.created'
	| 'org_unit.updated'
	| 'org_unit.deleted'
	| 'team.created'
	| 'team.updated'
	| 'team.deleted'
	| 'import.applied'
	| 'assignment.created'
	| 'assignment.cancelled'
	| 'learning.exported'
	| 'behaviour_value.created'
	| 'behaviour_value.updated'
	| 'behaviour_value.deleted'
	| 'behaviour.created'
	| 'behaviour.updated'
	| 'behaviour.versioned'
	| 'behaviour.archived'
	| 'behaviour.restored'
	| 'observation.created'
	| 'observation.updated'
	| 'observation.deleted'
	| 'observation.responded'
	| 'metric.created'
	| 'metric.updated'
	| 'metric.archived'
	| 'metric.restored'
	| 'metric_values.entered'
	| 'metric_values.imported'
	| 'metric_values.ingested'
	| 'integration.created'
	| 'integration.revoked'
	| 'feedback_link.created'
	| 'feedback_link.closed'
	| 'assessment.saved'
	| 'scorecard.exported';

export const auditActions: readonly AuditAction[] = [
	'auth.sign_in',
	'auth.sign_in_failed',
	'auth.sign_in_throttled',
	'auth.password_changed',
	'session.ended',
	'invite.created',
	'invite.accepted',
	'person.created',
	'person.updated',
	'person.deactivated',
	'person.reactivated',
	'person.exported',
	'person.erased',
	'role.granted',
	'role.revoked',
	'org_unit.created',
	'org_unit.updated',
	'org_unit.deleted',
	'team.created',
	'team.updated',
	'team.deleted',
	'import.applied',
	'assignment.created',
	'assignment.cancelled',
	'learning.exported',
	'behaviour_value.created',
	'behaviour_value.updated',
	'behaviour_value.deleted',
	'behaviour.created',
	'behaviour.updated',
	'behaviour.versioned',
	'behaviour.archived',
	'behaviour.restored',
	'observation.created',
	'observation.updated',
	'observation.deleted',
	'observation.responded',
	'metric.created',
	'metric.updated',
	'metric.archived',
	'metric.restored',
	'metric_values.entered',
	'metric_values.imported',
	'metric_values.ingested',
	'integration.created',
	'integration.revoked',
	'feedback_link.created',
	'feedback_link.closed',
	'assessment.saved',
	'scorecard.exported'
];

export type AuditObjectType =
	| 'person'
	| 'session'
	| 'org_unit'
	| 'team'
	| 'import'
	| 'invite'
	| 'behaviour_value'
	| 'behaviour'
	| 'observation'
	| 'metric'
	| 'integration'
	| 'feedback_link'
	| 'assessment';

export interface AuditEntry {
	actorId: string | null;
	action: AuditAction;
	objectType: AuditObjectType;
	objectId: string | null;
	summary: string;
	details?: Record<string, unknown>;
	ip?: string | null;
	at?: Date;
}

export async function recordAudit(database: Db, entry: AuditEntry): Promise<void> {
	await database
		.insertInto('audit_events')
		.values({
			id: newId(),
			at: (entry.at ?? new Date()).toISOString(),
			actor_id: entry.actorId,
			action: entry.action,
			object_type: entry.objectType,
			object_id: entry.objectId,
			summary: entry.summary,
			details: entry.details ? JSON.stringify(entry.details) : null,
			ip: entry.ip ?? null
		})
		.execute();
}

export interface AuditRow extends AuditEvent {
	actor_name: string | null;
}

export async function listAuditEvents(
	database: Db,
	options: { action?: AuditAction; objectId?: string; limit: number; offset: number }
): Promise<{ rows: AuditRow[]; total: number }> {
	let base = database.selectFrom('audit_events');
	if (options.action) base = base.where('audit_events.action', '=', options.action);
	if (options.objectId) base = base.where('audit_events.object_id', '=', options.objectId);
	const [rows, count] = await Promise.all([
		base
			.leftJoin('people', 'people.id', 'audit_events.actor_id')
			.selectAll('audit_events')
			.select('people.name as actor_name')
			.orderBy('audit_events.at', 'desc')
			.orderBy('audit_events.id', 'desc')
			.limit(options.limit)
			.offset(options.offset)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows, total: Number(count.n) };
}

export async function recentAuditEvents(database: Db, limit: number): Promise<AuditRow[]> {
	return (await listAuditEvents(database, { limit, offset: 0 })).rows;
}
