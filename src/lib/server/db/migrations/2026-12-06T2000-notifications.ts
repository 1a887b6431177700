import type { Kysely } from 'kysely';

// Frozen once shipped: later changes get a migration of their own.

/**
 * Ripple reaches out (issue 17).
 *
 * - `notifications`: one message to one person about one object, written in the transaction of the
 *   change that caused it. Its words are a message key and inputs, worded for the reader when shown.
 * - `email_deliveries`: the outbox. A row per email (one notification, a digest, an invitation, a
 *   test), claimed by one worker at a time with a lease; `email_delivery_attempts` keeps each try
 *   and the mail server's answer.
 * - `notification_ledger`: a key per time-based reminder (person, object, kind, day). Inserting the
 *   key is how a scheduler claims the reminder, so it is made once whoever runs the pass.
 * - `notification_preferences` / `notification_settings`: what each person chose; people without
 *   rows get the organisation's defaults (`notification_categories`, whose missing rows mean
 *   Ripple's own defaults: see `DEFAULT_MODES` in notifications/rules.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('notification_categories')
		.addColumn('category', 'text', (c) => c.primaryKey())
		.addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('default_mode', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('notifications')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('category', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('subject_type', 'text', (c) => c.notNull())
		.addColumn('subject_id', 'text', (c) => c.notNull())
		.addColumn('href', 'text', (c) => c.notNull())
		.addColumn('params', 'text', (c) => c.notNull())
		// 'immediate' (an email was queued), 'digest' (waits for the next digest), 'none'
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('read_at', 'text')
		.addColumn('withdrawn_at', 'text')
		.addColumn('digest_id', 'text')
		.execute();
	await db.schema
		.createIndex('notifications_person_created')
		.on('notifications')
		.columns(['person_id', 'created_at'])
		.execute();
	await db.schema
		.createIndex('notifications_person_unread')
		.on('notifications')
		.columns(['person_id', 'read_at', 'withdrawn_at'])
		.execute();
	await db.schema
		.createIndex('notifications_subject')
		.on('notifications')
		.columns(['subject_type', 'subject_id'])
		.execute();
	await db.schema
		.createIndex('notifications_digest_pending')
		.on('notifications')
		.columns(['email', 'digest_id', 'person_id'])
		.execute();

	await db.schema
		.createTable('email_deliveries')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
		.addColumn('to_address', 'text', (c) => c.notNull())
		.addColumn('notification_id', 'text', (c) => c.references('notifications.id').onDelete('set null'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('category', 'text', (c) => c.notNull())
		.addColumn('params', 'text', (c) => c.notNull())
		// queued, retrying, sent, dead, not_sent, skipped, withdrawn
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('reason', 'text')
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('not_before', 'text', (c) => c.notNull())
		.addColumn('claimed_by', 'text')
		.addColumn('claimed_until', 'text')
		.addColumn('relevant_until', 'text')
		.addColumn('locale', 'text')
		.addColumn('subject', 'text')
		.addColumn('text_body', 'text')
		.addColumn('html_body', 'text')
		.addColumn('calendar', 'text')
		.addColumn('message_id', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('sent_at', 'text')
		.execute();
	await db.schema
		.createIndex('email_deliveries_due')
		.on('email_deliveries')
		.columns(['status', 'not_before'])
		.execute();
	await db.schema
		.createIndex('email_deliveries_person')
		.on('email_deliveries')
		.columns(['person_id', 'created_at'])
		.execute();
	await db.schema.createIndex('email_deliveries_created').on('email_deliveries').column('created_at').execute();
	await db.schema
		.createIndex('email_deliveries_notification')
		.on('email_deliveries')
		.column('notification_id')
		.execute();

	await db.schema
		.createTable('email_delivery_attempts')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('delivery_id', 'text', (c) => c.notNull().references('email_deliveries.id').onDelete('cascade'))
		.addColumn('at', 'text', (c) => c.notNull())
		// sent, temporary, permanent, not_sent
		.addColumn('outcome', 'text', (c) => c.notNull())
		.addColumn('response', 'text')
		.addColumn('worker', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('email_delivery_attempts_delivery')
		.on('email_delivery_attempts')
		.columns(['delivery_id', 'at'])
		.execute();

	await db.schema
		.createTable('notification_ledger')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('notification_preferences')
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('category', 'text', (c) => c.notNull())
		// immediate, daily, weekly, off
		.addColumn('mode', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('notification_preferences_pk', ['person_id', 'category'])
		.execute();

	await db.schema
		.createTable('notification_settings')
		.addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
		// Local wall-clock time of the digest (HH:MM); daily digests go on working days (Mon-Fri).
		.addColumn('digest_time', 'text', (c) => c.notNull())
		// ISO weekday of the weekly digest: 1 Monday ... 7 Sunday.
		.addColumn('digest_weekday', 'integer', (c) => c.notNull())
		.addColumn('quiet_from', 'text')
		.addColumn('quiet_until', 'text')
		.addColumn('sign_in_emails', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('notification_settings').execute();
	await db.schema.dropTable('notification_preferences').execute();
	await db.schema.dropTable('notification_ledger').execute();
	await db.schema.dropTable('email_delivery_attempts').execute();
	await db.schema.dropTable('email_deliveries').execute();
	await db.schema.dropTable('notifications').execute();
	await db.schema.dropTable('notification_categories').execute();
}
