import { sql } from 'kysely';
import { eraseIdentityFromNotifications } from '../notifications/erasure';
import { eraseIdentityFromAudit, recordAudit } from '../audit/log';
import { accountKey, clearAccountFailures } from '../auth/throttle';
import { isPostgres, type Db } from '../db';
import type { Actor } from '../auth/actor';
import { refuse, type ServiceResult } from '../service-result';
import { getPersonDetail, getPersonRow, updatePerson } from './queries';

/**
 * Personal data rights: everything Ripple holds about a person, as JSON, and erasing a person.
 * Both start from the database's own schema (every foreign key that points at `people.id`), so a
 * table added later is exported without anyone remembering to, and cannot be left out of erasure:
 * `erasureRules` must name every such column, which the tests check against the live schema.
 * Rows that also belong to someone else are exported without that person's data (`othersRows`).
 */

export interface PersonReference {
	table: string;
	column: string;
}

/** Every column, in any table, that refers to a person, read from the schema (both databases). */
export async function personReferences(database: Db): Promise<PersonReference[]> {
	const postgres = isPostgres(database);
	const rows = postgres
		? await sql<{ table: string; column: string }>`
				select cl.relname as "table", att.attname as "column"
				from pg_constraint con
				join pg_class cl on cl.oid = con.conrelid
				join pg_class ref on ref.oid = con.confrelid
				join pg_attribute att on att.attrelid = con.conrelid and att.attnum = any(con.conkey)
				where con.contype = 'f' and ref.relname = 'people'
					and cl.relnamespace = (select oid from pg_namespace where nspname = current_schema())`.execute(database)
		: await sql<{ table: string; column: string }>`
				select m.name as "table", f."from" as "column"
				from sqlite_master m join pragma_foreign_key_list(m.name) f
				where m.type = 'table' and f."table" = 'people'`.execute(database);
	return rows.rows
		.map((r) => ({ table: r.table, column: r.column }))
		.sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`));
}

/** Secrets are never exported, even to their owner: a hash of a password or token helps no one read their data. */
const SECRET_COLUMN = /(^|_)(hash|secret|token)(_|$)/;

function withoutSecrets(row: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(row).filter(([column]) => !SECRET_COLUMN.test(column)));
}

const quoted = (name: string) => sql.id(name);

/**
 * Rows about someone else. The export is the person's own data: what describes them, what they
 * did and what they wrote. Some references reach rows that belong to another person as well: the
 * people they manage, visits they approved, people they nominated, observations they wrote, links
 * they sent to an internal customer. Those rows keep only the columns listed here: the row's ids,
 * this person's part in it (what they did, when, in their own words) and what the app shows them
 * about it. The other person's own data (contact details, profile, their writing and answers)
 * is left out, even where the app showed it once: a requester's email is shown only when the link
 * is made ("never shown again"), so it is not in the export either. A column added to one of these
 * tables later stays out until someone lists it. Every other reference exports whole rows.
 */
interface OthersRows {
	keep: readonly string[];
	/** Rows in which this column is the person are about them alone and are exported whole. */
	wholeWhen?: string;
	why: string;
}

export const othersRows: Readonly<Record<string, OthersRows>> = {
	'people.manager_id': {
		keep: ['id', 'manager_id'],
		why: 'the people they manage, by id; their details are their own'
	},
	'invites.created_by': {
		keep: ['id', 'person_id', 'created_by', 'created_at', 'expires_at'],
		why: 'invites they created; when the invitee used it is the invitee’s'
	},
	'audit_events.actor_id': {
		keep: ['id', 'at', 'actor_id', 'action', 'object_type', 'object_id', 'ip'],
		wholeWhen: 'object_id',
		why: 'what they did to someone else’s record; the summary and details name that person'
	},
	'shadow_visits.approved_by': {
		keep: ['id', 'slot_id', 'visitor_id', 'status', 'starts_at', 'ends_at', 'approved_by', 'approved_at', 'created_at'],
		why: 'visits they approved; the visitor’s objectives and reflections, the host’s feedback and a decline reason someone else may have written are not theirs'
	},
	'shadow_visits.confirmed_by': {
		keep: [
			'id',
			'slot_id',
			'visitor_id',
			'status',
			'starts_at',
			'ends_at',
			'confirmed_by',
			'confirmed_at',
			'created_at'
		],
		why: 'visits they confirmed as host; the visitor’s objectives and reflections, the feedback and a decline reason someone else may have written are not theirs'
	},
	'buddy_participants.nominated_by': {
		keep: ['cycle_id', 'person_id', 'nominated_by', 'excluded', 'joined_at'],
		why: 'people they nominated; what the nominee wrote about themselves and their hours are the nominee’s'
	},
	'observations.author_id': {
		keep: [
			'id',
			'person_id',
			'behaviour_id',
			'behaviour_version_id',
			'level',
			'situation',
			'action',
			'impact',
			'observed_on',
			'source',
			'author_id',
			'created_at',
			'updated_at'
		],
		why: 'observations they wrote, in their words; the observed person’s reply is theirs'
	},
	'feedback_links.created_by': {
		keep: [
			'id',
			'team_id',
			'kind',
			'case_reference',
			'created_by',
			'created_at',
			'expires_at',
			'answered_at',
			'closed_at'
		],
		why: 'links they sent, by case reference as the team’s feedback page lists them; the requester’s email is the requester’s'
	}
};

/** Keys of `othersRows` that are not references any more, and kept columns their table does not have. */
export async function staleOthersRows(database: Db): Promise<string[]> {
	const references = new Set((await personReferences(database)).map((r) => `${r.table}.${r.column}`));
	const columns = new Map(
		(await database.introspection.getTables()).map((t) => [t.name, new Set(t.columns.map((c) => c.name))])
	);
	return Object.entries(othersRows).flatMap(([key, view]) => {
		if (!references.has(key)) return [key];
		const table = columns.get(key.split('.')[0]!)!;
		return [...view.keep, ...(view.wholeWhen ? [view.wholeWhen] : [])]
			.filter((c) => !table.has(c))
			.map((c) => `${key}: ${c}`);
	});
}

export interface ExportRecord {
	table: string;
	column: string;
	rows: Record<string, unknown>[];
	/** Columns left out of some or all rows because they hold someone else's data, and why. */
	withheld?: { columns: string[]; why: string };
}

export interface PersonalDataExport {
	format: 'ripple-personal-data/1';
	exportedAt: string;
	person: Record<string, unknown>;
	/** For each table and column that refers to the person, the rows where it does. */
	records: ExportRecord[];
}

function exportRecord(table: string, column: string, rows: Record<string, unknown>[], personId: string): ExportRecord {
	const view = othersRows[`${table}.${column}`];
	const safe = rows.map(withoutSecrets);
	if (!view) return { table, column, rows: safe };
	const keep = new Set(view.keep);
	const withheld = new Set<string>();
	const shown = safe.map((row) => {
		if (view.wholeWhen && row[view.wholeWhen] === personId) return row;
		for (const c of Object.keys(row)) if (!keep.has(c)) withheld.add(c);
		return Object.fromEntries(Object.entries(row).filter(([c]) => keep.has(c)));
	});
	return withheld.size > 0
		? { table, column, rows: shown, withheld: { columns: [...withheld].sort(), why: view.why } }
		: { table, column, rows: shown };
}

export async function exportPersonalData(
	database: Db,
	personId: string,
	now: Date
): Promise<PersonalDataExport | null> {
	const person = await getPersonRow(database, personId);
	if (!person) return null;
	const references = await personReferences(database);
	const records = [];
	for (const { table, column } of references) {
		const rows = await sql<
			Record<string, unknown>
		>`select * from ${quoted(table)} where ${quoted(column)} = ${personId}`.execute(database);
		if (rows.rows.length > 0) records.push(exportRecord(table, column, rows.rows, personId));
	}
	return { format: 'ripple-personal-data/1', exportedAt: now.toISOString(), person: withoutSecrets(person), records };
}

/** Written into required text that erasure removes, so readers see why it is gone. */
export const ERASED_TEXT = 'Removed when this person’s data was erased.';

type Rule =
	/** The rows go: they are the person's own, private or about access. */
	| { delete: true; why: string }
	/** The rows stay, pointing at the anonymised person (aggregates keep counting them), with these text columns emptied. */
	| { keep: true; blank?: readonly string[]; why: string };

/**
 * What erasure does with each reference to the person, keyed `table.column`. Identity goes (the
 * people row is anonymised), private text goes, and what others' numbers are made of stays:
 * completions, attendance, observations' levels, assignments, recognition counts.
 */
export const erasureRules: Readonly<Record<string, Rule>> = {
	'people.manager_id': { keep: true, why: 'their reports keep a line manager until an admin changes it' },
	'role_grants.person_id': { delete: true, why: 'no access remains' },
	'sessions.person_id': { delete: true, why: 'signed out everywhere' },
	'invites.person_id': { delete: true, why: 'no way back in' },
	'invites.created_by': { keep: true, why: 'other people’s invites' },
	'audit_events.actor_id': { keep: true, why: 'the audit trail stays; names in it are replaced' },
	'module_progress.person_id': { keep: true, why: 'learning figures' },
	'lesson_completions.person_id': { keep: true, why: 'learning figures' },
	'check_attempts.person_id': { keep: true, why: 'pass rates (answers are option ids, not text)' },
	'check_draws.person_id': { delete: true, why: 'a check they had open and will not submit' },
	'completions.person_id': { keep: true, why: 'completion rates' },
	'reflections.person_id': { delete: true, why: 'private writing' },
	'practice_logs.person_id': { delete: true, why: 'private writing' },
	'assignments.person_id': { keep: true, why: 'assignment figures' },
	'assignments.assigned_by': { keep: true, why: 'other people’s assignments' },
	'recognitions.from_id': { keep: true, why: 'the recognition is about its recipients' },
	'recognition_recipients.person_id': { keep: true, why: 'recognition counts; a message about them alone is emptied' },
	'lunch_sessions.organiser_id': { keep: true, why: 'other people’s sessions' },
	'lunch_sessions.presenter_id': { keep: true, why: 'other people’s sessions' },
	'lunch_rsvps.person_id': { keep: true, why: 'attendance figures' },
	'shadow_slots.host_id': { keep: true, why: 'visits other people made' },
	'shadow_slots.created_by': { keep: true, why: 'visits other people made' },
	'shadow_blackouts.created_by': { keep: true, why: 'team calendars' },
	'shadow_visits.visitor_id': {
		keep: true,
		blank: [
			'objectives',
			'decline_reason',
			'reflection_learned',
			'reflection_impact',
			'reflection_change',
			'host_feedback'
		],
		why: 'participation figures; their reflections and the host’s feedback on them go'
	},
	'shadow_visits.approved_by': { keep: true, why: 'other people’s visits' },
	'shadow_visits.confirmed_by': { keep: true, why: 'other people’s visits' },
	'calendar_feeds.person_id': { delete: true, why: 'their private calendar address' },
	'buddy_cycles.owner_id': { keep: true, why: 'other people’s pairings' },
	'buddy_participants.person_id': {
		keep: true,
		blank: ['goals', 'learn', 'offer', 'interests'],
		why: 'participation figures; what they wrote about themselves goes'
	},
	'buddy_participants.nominated_by': { keep: true, why: 'other people’s nominations' },
	'buddy_pair_members.person_id': { keep: true, why: 'their buddy’s pairing history' },
	'buddy_meetings.logged_by': { keep: true, blank: ['notes'], why: 'meeting counts; their notes go' },
	'buddy_fit_checks.person_id': { keep: true, blank: ['note'], why: 'fit figures; their note goes' },
	'buddy_plans.created_by': { keep: true, why: 'the pair’s calendar' },
	'behaviour_versions.created_by': { keep: true, why: 'the framework’s history' },
	'observations.person_id': {
		keep: true,
		blank: ['situation', 'action', 'impact', 'response'],
		why: 'behaviour averages keep the level; the evidence about them goes'
	},
	'observations.author_id': { keep: true, why: 'evidence about other people belongs to their records' },
	'integrations.created_by': { keep: true, why: 'configuration' },
	'metric_values.updated_by': { keep: true, why: 'team figures' },
	'feedback_links.created_by': { keep: true, why: 'team feedback' },
	'service_assessments.assessed_by': { keep: true, why: 'team assessments' },
	'notifications.person_id': { delete: true, why: 'messages to them' },
	'email_deliveries.person_id': { delete: true, why: 'emails to them, with their address' },
	'notification_preferences.person_id': { delete: true, why: 'their choices' },
	'notification_settings.person_id': { delete: true, why: 'their choices' },
	'person_identities.person_id': { delete: true, why: 'their link to the company account' },
	'sso_break_glass.person_id': { delete: true, why: 'no access remains' },
	'directory_people.person_id': { delete: true, why: 'the directory’s identifiers for them' },
	'directory_connections.created_by': { keep: true, why: 'configuration' },
	'directory_group_members.person_id': { delete: true, why: 'the directory’s groups they were in' },
	'directory_deactivations.person_id': { delete: true, why: 'only measures a directory’s bursts' },
	'directory_held_changes.person_id': { delete: true, why: 'a held change to them' },
	'learning_rollup.person_id': { delete: true, why: 'figures worked out from their learning' },
	'directory_holds.decided_by': { keep: true, why: 'the decision on a held change' }
};

function coverage(references: readonly PersonReference[]): { missing: string[]; stale: string[] } {
	const found = references.map((r) => `${r.table}.${r.column}`);
	return {
		missing: found.filter((k) => !(k in erasureRules)),
		stale: Object.keys(erasureRules).filter((k) => !found.includes(k))
	};
}

/** The references the schema has that erasureRules does not cover (and the reverse): both must be empty. */
export async function uncoveredReferences(database: Db): Promise<{ missing: string[]; stale: string[] }> {
	return coverage(await personReferences(database));
}

/** How an erased person is shown from now on. */
export function erasedLabel(personId: string): string {
	return `Erased person ${personId.slice(0, 6)}`;
}

const ERASED_DOMAIN = '@erased.invalid';

export function isErased(person: { email: string }): boolean {
	return person.email.endsWith(ERASED_DOMAIN);
}

/**
 * Erases a person in one transaction: the people row keeps only its id, team and dates (name,
 * email, job title, password and manager go; the person is deactivated), each reference is
 * handled by its rule, their name and email are replaced in the audit entries that refer to them,
 * their account's sign-in failures go, and the erasure itself is audited. Refuses when a rule is
 * missing for a column the schema has.
 */
export async function erasePerson(
	database: Db,
	actor: Actor,
	personId: string,
	now: Date
): Promise<ServiceResult<{ label: string }>> {
	if (personId === actor.id) return refuse('_form', 'admin_erase_self');
	const references = await personReferences(database);
	const { missing } = coverage(references);
	if (missing.length > 0) return refuse('_form', 'admin_erase_rules_missing', { columns: missing.join(', ') });
	return database.transaction().execute(async (trx) => {
		const person = await getPersonDetail(trx, personId);
		if (!person) return refuse('_form', 'admin_person_gone');
		if (isErased(person)) return refuse('_form', 'admin_erase_already');
		const label = erasedLabel(personId);
		const erasedEmail = `${personId}${ERASED_DOMAIN}`;
		const at = now.toISOString();

		for (const reference of references) {
			const rule = erasureRules[`${reference.table}.${reference.column}`]!;
			const table = quoted(reference.table);
			const column = quoted(reference.column);
			if ('delete' in rule) {
				await sql`delete from ${table} where ${column} = ${personId}`.execute(trx);
			} else if (rule.blank?.length) {
				const sets = sql.join(
					rule.blank.map((c) => sql`${quoted(c)} = case when ${quoted(c)} is null then null else ${ERASED_TEXT} end`)
				);
				await sql`update ${table} set ${sets} where ${column} = ${personId}`.execute(trx);
			}
		}
		// A recognition whose only recipient was this person describes them alone.
		await sql`update recognitions set message = ${ERASED_TEXT}
			where id in (select recognition_id from recognition_recipients where person_id = ${personId})
			and not exists (select 1 from recognition_recipients r where r.recognition_id = recognitions.id and r.person_id <> ${personId})`.execute(
			trx
		);
		// Sign-in throttling is keyed by email, not by a reference: their account's key, exactly.
		await clearAccountFailures(trx, accountKey(person.email));

		// The audit log stays a true record of what happened, but without their name and email in
		// the entries that refer to them (and only in those: see audit/identity.ts).
		await eraseIdentityFromAudit(trx, person, { name: label, email: erasedEmail });
		// Other people's notifications and kept emails that name them (see notifications/erasure.ts).
		await eraseIdentityFromNotifications(trx, person, { name: label, email: erasedEmail });
		await updatePerson(trx, personId, {
			name: label,
			email: erasedEmail,
			job_title: '',
			employee_id: null,
			department: null,
			manager_id: null,
			password_hash: null,
			active: 0,
			updated_at: at
		});
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'person.erased',
			objectType: 'person',
			objectId: personId,
			summary: { code: 'admin_audit_person_erased', params: { name: label } },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const, label };
	});
}
