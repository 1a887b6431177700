import type { Db } from '../db';
import { newId } from '../db/ids';
import type { NewEmailDelivery, NewNotification, NotificationCategory } from '../db/schema';
import { contactsOf } from '../people/directory';
import { kindSpec, type NotificationKind, type ParamsOf } from './kinds';
import {
	categorySettings,
	choicesOf,
	insertDeliveries,
	insertNotifications,
	settingsOf,
	settleAbout,
	withdrawAbout
} from './queries';
import { ALWAYS_IMMEDIATE, DEFAULT_MODES, emailModeFor, emailRoute, quietHoursEnd } from './rules';

/**
 * How domains tell people things. `notify` is called inside the domain's own transaction, so a
 * notification (and the email it queues) exists exactly when the change that caused it committed.
 * It never sends anything: the delivery worker does, later, from the `email_deliveries` outbox.
 */

type NoticeOf<K extends NotificationKind> = {
	/** The person told. */
	to: string;
	kind: K;
	/** The object it is about. */
	subject: { type: string; id: string };
	/** Where in Ripple to act on it. */
	href: string;
	params: ParamsOf<K>;
};
export type Notice = { [K in NotificationKind]: NoticeOf<K> }[NotificationKind];

const DAY = 86_400_000;

/** What the organisation turned on, and its default email mode per category. */
async function organisationChoices(database: Db) {
	const rows = await categorySettings(database);
	return new Map(rows.map((r) => [r.category, { enabled: r.enabled === 1, mode: r.default_mode }]));
}

export async function notify(database: Db, notices: readonly Notice[], now: Date): Promise<void> {
	if (notices.length === 0) return;
	const people = [...new Set(notices.map((n) => n.to))];
	const [organisation, recipients, choices, settings] = await Promise.all([
		organisationChoices(database),
		contactsOf(database, people),
		choicesOf(database, people),
		settingsOf(database, people)
	]);
	const recipient = new Map(recipients.map((r) => [r.id, r]));
	const choice = new Map(choices.map((c) => [`${c.person_id}|${c.category}`, c.mode]));
	const setting = new Map(settings.map((s) => [s.person_id, s]));
	const at = now.toISOString();

	const notifications: NewNotification[] = [];
	const deliveries: NewEmailDelivery[] = [];
	for (const notice of notices) {
		const person = recipient.get(notice.to);
		if (!person || person.active !== 1) continue;
		const spec = kindSpec(notice.kind);
		const category = spec.category;
		const org = organisation.get(category);
		if (category !== ALWAYS_IMMEDIATE && org && !org.enabled) continue;
		const mode = emailModeFor(category, choice.get(`${person.id}|${category}`), org?.mode ?? DEFAULT_MODES[category]);
		const route = emailRoute(mode, spec.timing);
		const id = newId();
		notifications.push({
			id,
			person_id: person.id,
			category,
			kind: notice.kind,
			subject_type: notice.subject.type,
			subject_id: notice.subject.id,
			href: notice.href,
			params: JSON.stringify(notice.params),
			email: route,
			created_at: at,
			read_at: null,
			withdrawn_at: null,
			digest_id: null
		});
		if (route !== 'immediate') continue;
		const own = setting.get(person.id);
		// Account messages are about the account's safety: they do not wait for quiet hours to end.
		const quietEnd =
			category === ALWAYS_IMMEDIATE
				? null
				: quietHoursEnd(now, person.time_zone, own?.quiet_from ?? null, own?.quiet_until ?? null);
		deliveries.push(
			deliveryRow({
				personId: person.id,
				address: person.email,
				notificationId: id,
				kind: notice.kind,
				category,
				href: notice.href,
				params: notice.params,
				notBefore: quietEnd ?? now,
				now,
				relevantDays: spec.relevantDays
			})
		);
	}
	await insertNotifications(database, notifications);
	await insertDeliveries(database, deliveries);
}

function deliveryRow(input: {
	personId: string | null;
	address: string;
	notificationId: string | null;
	kind: string;
	category: NotificationCategory;
	href: string;
	params: unknown;
	notBefore: Date;
	now: Date;
	/** How long it stays worth sending if it cannot go at once (default 3 days). */
	relevantDays: number | undefined;
}): NewEmailDelivery {
	const at = input.now.toISOString();
	const relevantDays = input.relevantDays ?? 3;
	return {
		id: newId(),
		person_id: input.personId,
		to_address: input.address,
		notification_id: input.notificationId,
		kind: input.kind,
		category: input.category,
		params: JSON.stringify({ href: input.href, params: input.params }),
		status: 'queued',
		reason: null,
		attempts: 0,
		not_before: input.notBefore.toISOString(),
		claimed_by: null,
		claimed_until: null,
		relevant_until: new Date(input.notBefore.getTime() + relevantDays * DAY).toISOString(),
		locale: null,
		subject: null,
		text_body: null,
		html_body: null,
		calendar: null,
		message_id: null,
		created_at: at,
		updated_at: at,
		sent_at: null
	};
}

/**
 * An email with no in-app notification, for someone who cannot sign in yet (an invitation).
 * Always sent at once: such messages are in the account category.
 */
export async function queueEmailOnly<K extends NotificationKind>(
	database: Db,
	email: { personId: string; address: string; kind: K; href: string; params: ParamsOf<K> },
	now: Date
): Promise<void> {
	const spec = kindSpec(email.kind);
	await insertDeliveries(database, [
		deliveryRow({
			personId: email.personId,
			address: email.address,
			notificationId: null,
			kind: email.kind,
			category: spec.category,
			href: email.href,
			params: email.params,
			notBefore: now,
			now,
			relevantDays: spec.relevantDays
		})
	]);
}

/** A test email an admin sends to check the mail server; it goes at once, whatever is configured. */
export async function queueTestEmail(
	database: Db,
	input: { personId: string | null; address: string; requestedBy: string },
	now: Date
): Promise<string> {
	const row = deliveryRow({
		personId: input.personId,
		address: input.address,
		notificationId: null,
		kind: 'admin.test',
		category: 'account',
		href: '/admin/notifications',
		params: { by: input.requestedBy },
		notBefore: now,
		now,
		relevantDays: 1
	});
	await insertDeliveries(database, [row]);
	return row.id;
}

/**
 * Marks as read what someone acted on (a request decided): it no longer waits in anyone's centre,
 * and an email still waiting for quiet hours or a digest is not sent.
 */
export async function settle(
	database: Db,
	subject: { type: string; id: string },
	kinds: readonly NotificationKind[],
	now: Date,
	personId?: string
): Promise<void> {
	await settleAbout(database, subject, kinds, now.toISOString(), personId);
}

/**
 * Withdraws notifications (and unsent emails) a change of plan made obsolete: everyone's, or only
 * one person's (someone giving up their own place).
 */
export async function withdraw(
	database: Db,
	subject: { type: string; id: string },
	kinds: readonly NotificationKind[],
	now: Date,
	personId?: string
): Promise<void> {
	await withdrawAbout(database, subject, kinds, now.toISOString(), personId);
}

/** Whether a person asked to be emailed at each sign-in (off unless they turned it on). */
export async function wantsSignInEmails(database: Db, personId: string): Promise<boolean> {
	const [own] = await settingsOf(database, [personId]);
	return own?.sign_in_emails === 1;
}
