import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/log';
import { toCsv } from '../csv';
import type { Db } from '../db';
import type { DeliveryStatus, EmailMode, NotificationCategory } from '../db/schema';
import { contactsOf } from '../people/directory';
import { queueTestEmail } from './notify';
import { saveCategorySetting } from './queries';
import { organisationDefaults } from './preferences';
import { ALWAYS_IMMEDIATE, categories } from './rules';

/**
 * The notification settings an admin runs: the organisation's defaults per category (and which
 * categories are used at all), a test email, and the delivery log of every email Ripple wrote,
 * sent or not, with why.
 */

export const deliveryStatuses: readonly DeliveryStatus[] = [
	'queued',
	'retrying',
	'sent',
	'dead',
	'not_sent',
	'skipped',
	'withdrawn'
];
export const logCategories: readonly (NotificationCategory | 'digest')[] = [...categories, 'digest'];

export interface LogFilters {
	/** Part of a person's name or an address. */
	person: string;
	category: NotificationCategory | 'digest' | null;
	status: DeliveryStatus | null;
}

function logQuery(database: Db, filters: LogFilters) {
	let query = database.selectFrom('email_deliveries').leftJoin('people', 'people.id', 'email_deliveries.person_id');
	if (filters.category) query = query.where('email_deliveries.category', '=', filters.category);
	if (filters.status) query = query.where('email_deliveries.status', '=', filters.status);
	const person = filters.person.trim().toLowerCase();
	if (person) {
		const like = `%${person.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		query = query.where((eb) =>
			eb.or([eb(eb.fn('lower', ['people.name']), 'like', like), eb('email_deliveries.to_address', 'like', like)])
		);
	}
	return query;
}

export async function deliveryLog(database: Db, filters: LogFilters, paging: { limit: number; offset: number }) {
	const query = logQuery(database, filters);
	const [rows, total] = await Promise.all([
		query
			.select([
				'email_deliveries.id',
				'email_deliveries.to_address',
				'email_deliveries.kind',
				'email_deliveries.category',
				'email_deliveries.status',
				'email_deliveries.reason',
				'email_deliveries.attempts',
				'email_deliveries.subject',
				'email_deliveries.created_at',
				'email_deliveries.sent_at',
				'people.name as person_name'
			])
			.orderBy('email_deliveries.created_at', 'desc')
			.orderBy('email_deliveries.id', 'desc')
			.limit(paging.limit)
			.offset(paging.offset)
			.execute(),
		query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows, total: Number(total.n) };
}

export async function deliveryDetail(database: Db, id: string) {
	const delivery = await database
		.selectFrom('email_deliveries')
		.leftJoin('people', 'people.id', 'email_deliveries.person_id')
		.selectAll('email_deliveries')
		.select('people.name as person_name')
		.where('email_deliveries.id', '=', id)
		.executeTakeFirst();
	if (!delivery) return undefined;
	const attempts = await database
		.selectFrom('email_delivery_attempts')
		.select(['id', 'at', 'outcome', 'response', 'worker'])
		.where('delivery_id', '=', id)
		.orderBy('at')
		.execute();
	return { delivery, attempts };
}

/** Counts by status, for the page's summary of how delivery is going. */
export async function deliveryCounts(database: Db) {
	const rows = await database
		.selectFrom('email_deliveries')
		.select((eb) => ['status', eb.fn.countAll<number>().as('n')])
		.groupBy('status')
		.execute();
	return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Partial<Record<DeliveryStatus, number>>;
}

/** The log as CSV, through the one writer that neutralises formulae; the export is audited. */
export async function exportDeliveryLog(database: Db, actor: Actor, filters: LogFilters, now: Date) {
	const { rows } = await deliveryLog(database, filters, { limit: 100_000, offset: 0 });
	const csv = toCsv(
		['created_at', 'person', 'to', 'category', 'kind', 'status', 'reason', 'attempts', 'subject', 'sent_at'],
		rows.map((r) => [
			r.created_at,
			r.person_name,
			r.to_address,
			r.category,
			r.kind,
			r.status,
			r.reason,
			r.attempts,
			r.subject,
			r.sent_at
		])
	);
	await recordAudit(database, {
		actorId: actor.id,
		action: 'notifications.exported',
		objectType: 'organisation',
		objectId: null,
		summary: { code: 'notify_audit_log_exported', params: { count: rows.length } },
		details: { ...filters, rows: rows.length },
		ip: actor.ip,
		at: now
	});
	return csv;
}

export type DefaultsInput = Record<Exclude<NotificationCategory, 'account'>, { enabled: boolean; mode: EmailMode }>;

/** Saves the organisation's defaults; changed categories are audited, as one event. */
export async function saveOrganisationDefaults(
	database: Db,
	actor: Actor,
	input: DefaultsInput,
	now: Date
): Promise<void> {
	await database.transaction().execute(async (trx) => {
		const before = await organisationDefaults(trx);
		const changed = before.filter((b) => {
			if (b.category === ALWAYS_IMMEDIATE) return false;
			const next = input[b.category as keyof DefaultsInput];
			return next.enabled !== b.enabled || next.mode !== b.mode;
		});
		if (changed.length === 0) return;
		for (const b of changed) {
			const next = input[b.category as keyof DefaultsInput];
			await saveCategorySetting(trx, b.category, next.enabled, next.mode, now.toISOString());
		}
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'notifications.defaults_changed',
			objectType: 'organisation',
			objectId: null,
			summary: { code: 'notify_audit_defaults_changed', params: { count: changed.length } },
			details: Object.fromEntries(
				changed.map((b) => [
					b.category,
					{ from: { enabled: b.enabled, mode: b.mode }, to: input[b.category as keyof DefaultsInput] }
				])
			),
			ip: actor.ip,
			at: now
		});
	});
}

/** Queues a test email to the admin's own address; the worker sends it within seconds. */
export async function sendTestEmail(database: Db, actor: Actor, now: Date): Promise<string> {
	const [me] = await contactsOf(database, [actor.id]);
	if (!me) throw new Error('The signed-in admin has no record');
	return database.transaction().execute(async (trx) => {
		const id = await queueTestEmail(trx, { personId: me.id, address: me.email, requestedBy: me.name }, now);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'notifications.test_sent',
			objectType: 'organisation',
			objectId: null,
			summary: { code: 'notify_audit_test_sent', params: { address: me.email } },
			ip: actor.ip,
			at: now
		});
		return id;
	});
}
