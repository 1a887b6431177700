import type { Insertable } from 'kysely';
import { isPostgres, type Db } from '../db';
import type {
	EmailDelivery,
	EmailDeliveryAttemptTable,
	EmailDeliveryUpdate,
	EmailMode,
	NewEmailDelivery,
	NewNotification,
	NotificationCategory,
	NotificationSettings
} from '../db/schema';

/** Notifications, their emails and the choices people make about them: the repository. */

export async function categorySettings(database: Db) {
	return database.selectFrom('notification_categories').select(['category', 'enabled', 'default_mode']).execute();
}

export async function saveCategorySetting(
	database: Db,
	category: NotificationCategory,
	enabled: boolean,
	mode: EmailMode,
	at: string
): Promise<void> {
	const values = { enabled: enabled ? 1 : 0, default_mode: mode, updated_at: at };
	await database
		.insertInto('notification_categories')
		.values({ category, ...values })
		.onConflict((oc) => oc.column('category').doUpdateSet(values))
		.execute();
}

export async function choicesOf(database: Db, personIds: readonly string[]) {
	if (personIds.length === 0) return [];
	return database
		.selectFrom('notification_preferences')
		.select(['person_id', 'category', 'mode'])
		.where('person_id', 'in', personIds)
		.execute();
}

export async function settingsOf(database: Db, personIds: readonly string[]): Promise<NotificationSettings[]> {
	if (personIds.length === 0) return [];
	return database.selectFrom('notification_settings').selectAll().where('person_id', 'in', personIds).execute();
}

export async function saveChoices(
	database: Db,
	personId: string,
	choices: { category: NotificationCategory; mode: EmailMode }[]
): Promise<void> {
	await database.deleteFrom('notification_preferences').where('person_id', '=', personId).execute();
	if (choices.length > 0)
		await database
			.insertInto('notification_preferences')
			.values(choices.map((c) => ({ person_id: personId, ...c })))
			.execute();
}

export async function setChoice(
	database: Db,
	personId: string,
	category: NotificationCategory,
	mode: EmailMode
): Promise<void> {
	await database
		.insertInto('notification_preferences')
		.values({ person_id: personId, category, mode })
		.onConflict((oc) => oc.columns(['person_id', 'category']).doUpdateSet({ mode }))
		.execute();
}

export async function saveSettings(database: Db, settings: NotificationSettings): Promise<void> {
	const { person_id, ...rest } = settings;
	await database
		.insertInto('notification_settings')
		.values(settings)
		.onConflict((oc) => oc.column('person_id').doUpdateSet(rest))
		.execute();
	void person_id;
}

export async function insertNotifications(database: Db, rows: NewNotification[]): Promise<void> {
	// Chunks keep each statement under SQLite's bound-parameter limit.
	for (let i = 0; i < rows.length; i += 500)
		await database
			.insertInto('notifications')
			.values(rows.slice(i, i + 500))
			.execute();
}

export async function insertDeliveries(database: Db, rows: NewEmailDelivery[]): Promise<void> {
	for (let i = 0; i < rows.length; i += 500)
		await database
			.insertInto('email_deliveries')
			.values(rows.slice(i, i + 500))
			.execute();
}

/**
 * Records that a time-based reminder was made; false when another pass (or another instance)
 * made it first. Inserting the key is the claim: the primary key lets only one insert through.
 */
export async function claimLedgerKeys(database: Db, keys: readonly string[], at: string): Promise<Set<string>> {
	const claimed = new Set<string>();
	for (let i = 0; i < keys.length; i += 500) {
		const rows = await database
			.insertInto('notification_ledger')
			.values(keys.slice(i, i + 500).map((key) => ({ key, created_at: at })))
			.onConflict((oc) => oc.column('key').doNothing())
			.returning('key')
			.execute();
		for (const row of rows) claimed.add(row.key);
	}
	return claimed;
}

/** Which of these ledger keys are taken already: lets a pass skip work whose reminder was made. */
export async function takenLedgerKeys(database: Db, keys: readonly string[]): Promise<Set<string>> {
	const taken = new Set<string>();
	for (let i = 0; i < keys.length; i += 500) {
		const rows = await database
			.selectFrom('notification_ledger')
			.select('key')
			.where('key', 'in', keys.slice(i, i + 500))
			.execute();
		for (const row of rows) taken.add(row.key);
	}
	return taken;
}

// In-app centre

export async function unreadOf(database: Db, personId: string, limit: number) {
	return database
		.selectFrom('notifications')
		.select(['id', 'href'])
		.where('person_id', '=', personId)
		.where('read_at', 'is', null)
		.where('withdrawn_at', 'is', null)
		.orderBy('created_at', 'desc')
		.limit(limit)
		.execute();
}

export async function unreadCount(database: Db, personId: string): Promise<number> {
	const row = await database
		.selectFrom('notifications')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('person_id', '=', personId)
		.where('read_at', 'is', null)
		.where('withdrawn_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function notificationsOf(
	database: Db,
	personId: string,
	filter: { unreadOnly: boolean; limit: number; offset: number }
) {
	let query = database.selectFrom('notifications').where('person_id', '=', personId).where('withdrawn_at', 'is', null);
	if (filter.unreadOnly) query = query.where('read_at', 'is', null);
	const [rows, total] = await Promise.all([
		query
			.select(['id', 'category', 'kind', 'href', 'params', 'created_at', 'read_at'])
			.orderBy('created_at', 'desc')
			.orderBy('id', 'desc')
			.limit(filter.limit)
			.offset(filter.offset)
			.execute(),
		query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows, total: Number(total.n) };
}

export async function notificationOf(database: Db, personId: string, id: string) {
	return database
		.selectFrom('notifications')
		.select(['id', 'href', 'read_at'])
		.where('id', '=', id)
		.where('person_id', '=', personId)
		.where('withdrawn_at', 'is', null)
		.executeTakeFirst();
}

export async function markRead(database: Db, personId: string, ids: readonly string[] | 'all', at: string) {
	if (ids !== 'all' && ids.length === 0) return;
	let query = database
		.updateTable('notifications')
		.set({ read_at: at })
		.where('person_id', '=', personId)
		.where('read_at', 'is', null);
	if (ids !== 'all') query = query.where('id', 'in', ids);
	await query.execute();
}

export async function settleAbout(
	database: Db,
	subject: { type: string; id: string },
	kinds: readonly string[],
	at: string,
	personId?: string
): Promise<void> {
	if (kinds.length === 0) return;
	let query = database
		.updateTable('notifications')
		.set({ read_at: at })
		.where('subject_type', '=', subject.type)
		.where('subject_id', '=', subject.id)
		.where('kind', 'in', kinds)
		.where('read_at', 'is', null);
	if (personId) query = query.where('person_id', '=', personId);
	await query.execute();
}

/**
 * Withdraws what a change of plan made obsolete: the unread notifications of these kinds about the
 * object, and their emails not yet sent.
 */
export async function withdrawAbout(
	database: Db,
	subject: { type: string; id: string },
	kinds: readonly string[],
	at: string,
	personId?: string
): Promise<void> {
	if (kinds.length === 0) return;
	let query = database
		.updateTable('notifications')
		.set({ withdrawn_at: at })
		.where('subject_type', '=', subject.type)
		.where('subject_id', '=', subject.id)
		.where('kind', 'in', kinds)
		.where('withdrawn_at', 'is', null)
		.where('read_at', 'is', null);
	if (personId) query = query.where('person_id', '=', personId);
	const withdrawn = await query.returning('id').execute();
	if (withdrawn.length === 0) return;
	await database
		.updateTable('email_deliveries')
		.set({ status: 'withdrawn', reason: 'withdrawn', updated_at: at, claimed_by: null, claimed_until: null })
		.where(
			'notification_id',
			'in',
			withdrawn.map((w) => w.id)
		)
		.where('status', 'in', ['queued', 'retrying'])
		.execute();
}

// Delivery

/**
 * Takes up to `limit` due emails for one worker, until `leaseUntil`. On PostgreSQL the rows are
 * picked with `FOR UPDATE SKIP LOCKED`, so instances claiming at once each get different rows; on
 * SQLite the single UPDATE runs under the database's write lock, which does the same. A claim
 * whose lease ran out (its worker died between claim and send) is taken again.
 */
export async function claimDue(
	database: Db,
	worker: string,
	now: string,
	leaseUntil: string,
	limit: number
): Promise<EmailDelivery[]> {
	const postgres = isPostgres(database);
	return database
		.updateTable('email_deliveries')
		.set({ claimed_by: worker, claimed_until: leaseUntil })
		.where('id', 'in', (eb) => {
			let pick = eb
				.selectFrom('email_deliveries')
				.select('id')
				.where('status', 'in', ['queued', 'retrying'])
				.where('not_before', '<=', now)
				.where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<', now)]))
				.orderBy('not_before')
				.limit(limit);
			if (postgres) pick = pick.forUpdate().skipLocked();
			return pick;
		})
		.returningAll()
		.execute();
}

/** Settles a claimed delivery, if this worker still holds it. */
export async function settleDelivery(
	database: Db,
	id: string,
	worker: string,
	patch: EmailDeliveryUpdate
): Promise<boolean> {
	const result = await database
		.updateTable('email_deliveries')
		.set({ ...patch, claimed_by: null, claimed_until: null })
		.where('id', '=', id)
		.where('claimed_by', '=', worker)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function recordAttempt(database: Db, attempt: Insertable<EmailDeliveryAttemptTable>): Promise<void> {
	await database.insertInto('email_delivery_attempts').values(attempt).execute();
}

export async function readStateOf(database: Db, notificationIds: readonly string[]) {
	if (notificationIds.length === 0) return [];
	return database
		.selectFrom('notifications')
		.select(['id', 'read_at', 'withdrawn_at'])
		.where('id', 'in', notificationIds)
		.execute();
}
