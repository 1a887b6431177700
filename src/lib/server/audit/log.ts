import type { Db } from '../db';
import { newId } from '../db/ids';
import type { AuditEvent } from '../db/schema';
import { baseLocale, intlLocale, type Locale } from '../../i18n/locales';
import { formatList } from '../../intl';
import * as messages from '../../paraglide/messages.js';
import type { MessageKey } from '../service-result';
import { formerIdentities, referencedValues, refersTo, withoutIdentity, type OtherPerson } from './identity';

/**
 * The audit log is append-only: this module offers a way to add an event and ways to read them,
 * and nothing that deletes. The one update is erasure's (`eraseIdentityFromAudit`): entries keep
 * what happened, but no longer say who the erased person was.
 */
export type AuditAction =
	| 'auth.sign_in'
	| 'auth.sign_in_failed'
	| 'auth.sign_in_throttled'
	| 'auth.sso_sign_in'
	| 'auth.sso_linked'
	| 'auth.sso_refused'
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
	| 'scorecard.exported'
	| 'organisation.default_language_changed'
	| 'notifications.defaults_changed'
	| 'notifications.test_sent'
	| 'notifications.exported'
	| 'sso.provider_created'
	| 'sso.provider_updated'
	| 'sso.provider_deleted'
	| 'sso.enforcement_changed'
	| 'directory.created'
	| 'directory.revoked'
	| 'directory.updated'
	| 'directory.held'
	| 'directory.hold_approved'
	| 'directory.hold_rejected';

export const auditActions: readonly AuditAction[] = [
	'auth.sign_in',
	'auth.sign_in_failed',
	'auth.sign_in_throttled',
	'auth.sso_sign_in',
	'auth.sso_linked',
	'auth.sso_refused',
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
	'scorecard.exported',
	'organisation.default_language_changed',
	'notifications.defaults_changed',
	'notifications.test_sent',
	'notifications.exported',
	'sso.provider_created',
	'sso.provider_updated',
	'sso.provider_deleted',
	'sso.enforcement_changed',
	'directory.created',
	'directory.revoked',
	'directory.updated',
	'directory.held',
	'directory.hold_approved',
	'directory.hold_rejected'
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
	| 'assessment'
	| 'organisation'
	| 'identity_provider'
	| 'directory_connection';

/**
 * An entry's summary as a message and its inputs, so that each reader sees it in their own
 * language. An input is data as recorded (a name, a count), or a label worded for the reader (a
 * role, a kind of unit), or a list of those (names, labels), joined as the reader's language lists
 * things.
 */
export interface AuditWording {
	code: MessageKey;
	params?: Record<string, AuditWordingParam>;
}
export type AuditWordingParam = string | number | AuditWording | readonly (string | AuditWording)[];

export interface AuditEntry {
	actorId: string | null;
	action: AuditAction;
	objectType: AuditObjectType;
	objectId: string | null;
	/** Plain text (read the same in every language), or a message worded for each reader. */
	summary: string | AuditWording;
	details?: Record<string, unknown>;
	ip?: string | null;
	at?: Date;
}

/**
 * Where a worded summary keeps its message and inputs: in the entry's details, so that erasure
 * (which rewrites every text value there, see ./identity) takes a person's name out of the inputs
 * as it does out of the summary. The summary column holds the English wording, for every reader of
 * the raw table and for entries recorded before summaries were worded.
 */
const WORDING = 'wording';

type Message = (inputs: Record<string, string | number>, options?: { locale?: Locale }) => string;

function isMessageKey(code: unknown): code is MessageKey {
	return typeof code === 'string' && code !== 'm' && typeof (messages as Record<string, unknown>)[code] === 'function';
}

function isWording(value: unknown): value is AuditWording {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
	const { code, params } = value as Record<string, unknown>;
	return isMessageKey(code) && (params === undefined || (params !== null && typeof params === 'object'));
}

function wordParam(param: unknown, locale: Locale | undefined): string | number {
	if (typeof param === 'number' || typeof param === 'string') return param;
	if (Array.isArray(param)) {
		const items = (param as unknown[]).flatMap((item) =>
			typeof item === 'string' ? [item] : isWording(item) ? [wordAudit(item, locale)] : []
		);
		return formatList(items, locale ? intlLocale(locale) : undefined);
	}
	return isWording(param) ? wordAudit(param, locale) : '';
}

/** A worded summary in `locale`, or in the current request's language. */
export function wordAudit(wording: AuditWording, locale?: Locale): string {
	const params = Object.fromEntries(
		Object.entries(wording.params ?? {}).map(([name, value]) => [name, wordParam(value, locale)])
	);
	return (messages[wording.code] as Message)(params, locale ? { locale } : undefined);
}

export async function recordAudit(database: Db, entry: AuditEntry): Promise<void> {
	const worded = typeof entry.summary === 'string' ? null : entry.summary;
	const details = worded ? { ...entry.details, [WORDING]: worded } : entry.details;
	await database
		.insertInto('audit_events')
		.values({
			id: newId(),
			at: (entry.at ?? new Date()).toISOString(),
			actor_id: entry.actorId,
			action: entry.action,
			object_type: entry.objectType,
			object_id: entry.objectId,
			summary: typeof entry.summary === 'string' ? entry.summary : wordAudit(entry.summary, baseLocale),
			details: details ? JSON.stringify(details) : null,
			ip: entry.ip ?? null
		})
		.execute();
}

export interface AuditRow extends AuditEvent {
	actor_name: string | null;
}

/**
 * An entry as people read it: its summary in the current request's language (the stored text
 * when it was not recorded as a message), and its details without the summary's wording.
 */
function forReaders<T extends { summary: string; details: string | null }>(row: T): T {
	if (row.details === null) return row;
	let parsed: unknown;
	try {
		parsed = JSON.parse(row.details);
	} catch {
		return row;
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || !(WORDING in parsed)) return row;
	const { [WORDING]: wording, ...rest } = parsed as Record<string, unknown>;
	return {
		...row,
		summary: isWording(wording) ? wordAudit(wording) : row.summary,
		details: Object.keys(rest).length ? JSON.stringify(rest) : null
	};
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
	return { rows: rows.map(forReaders), total: Number(count.n) };
}

export async function recentAuditEvents(database: Db, limit: number): Promise<AuditRow[]> {
	return (await listAuditEvents(database, { limit, offset: 0 })).rows;
}

/** Rows per statement when looking people up or updating entries by id (well under both databases' limits). */
const CHUNK = 500;

function chunks<T>(list: readonly T[]): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
	return out;
}

/**
 * Replaces an erased person's names and emails (current and former) in the entries that refer to
 * them, by the rule in `./identity`, and nowhere else. Run inside erasure's transaction, before the
 * person's row is anonymised. Returns how many entries changed.
 */
export async function eraseIdentityFromAudit(
	database: Db,
	person: { id: string; name: string; email: string },
	standIn: { name: string; email: string }
): Promise<number> {
	// A wide net in SQL (LIKE is only a first pass: `_` and `%` in an address match loosely);
	// which of these entries refer to the person is decided exactly below.
	const candidates = await database
		.selectFrom('audit_events')
		.select(['id', 'action', 'actor_id', 'object_id', 'summary', 'details'])
		.where((eb) =>
			eb.or([
				eb('actor_id', '=', person.id),
				eb('object_id', '=', person.id),
				eb('summary', 'like', `%${person.email}%`),
				eb('details', 'like', `%${person.email}%`),
				eb('details', 'like', `%${person.id}%`)
			])
		)
		.execute();
	const former = formerIdentities(candidates, person.id);
	const replacements = new Map<string, string>();
	for (const name of [person.name, ...former.names]) replacements.set(name, standIn.name);
	for (const email of [person.email, ...former.emails]) replacements.set(email, standIn.email);
	const identity = { id: person.id, email: person.email, replacements };
	const theirs = candidates.filter((entry) => refersTo(entry, identity));

	// The other people these entries refer to, by id or email: their names are not to be touched.
	const values = [...new Set(theirs.flatMap(referencedValues))].filter((v) => v !== person.id && v !== person.email);
	const others: OtherPerson[] = [];
	for (const part of chunks(values)) {
		others.push(
			...(await database
				.selectFrom('people')
				.select(['id', 'name', 'email'])
				.where((eb) => eb.or([eb('id', 'in', part), eb('email', 'in', part)]))
				.where('id', '<>', person.id)
				.execute())
		);
	}
	const byValue = new Map<string, OtherPerson>();
	for (const other of others) byValue.set(other.id, other).set(other.email, other);

	// Many entries read alike (every "… signed in"), so equal rewrites share one statement.
	const updates = new Map<string, { summary: string; details: string | null; ids: string[] }>();
	for (const entry of theirs) {
		const mentioned = referencedValues(entry).flatMap((v) => byValue.get(v) ?? []);
		const rewritten = withoutIdentity(entry, identity, mentioned);
		if (!rewritten) continue;
		const key = JSON.stringify([rewritten.summary, rewritten.details]);
		const update = updates.get(key) ?? { ...rewritten, ids: [] };
		update.ids.push(entry.id);
		updates.set(key, update);
	}
	let changed = 0;
	for (const { summary, details, ids } of updates.values()) {
		for (const part of chunks(ids)) {
			await database.updateTable('audit_events').set({ summary, details }).where('id', 'in', part).execute();
			changed += part.length;
		}
	}
	return changed;
}
