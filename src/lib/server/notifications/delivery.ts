import type { Db } from '../db';
import { newId } from '../db/ids';
import type { EmailDelivery, EmailDeliveryUpdate, NotificationCategory } from '../db/schema';
import { asLocale } from '../../i18n/locales';
import {
	composeDigest,
	composeSingle,
	composeTest,
	type ComposeContext,
	type ComposedEmail,
	type Reader
} from './compose';
import { contactsOf } from '../people/directory';
import { isNotificationKind, kindSpec } from './kinds';
import { failureOf, type Mailer } from './mailer';
import { categorySettings, choicesOf, claimDue, readStateOf, recordAttempt, settleDelivery } from './queries';
import { ALWAYS_IMMEDIATE, classifyFailure, DEFAULT_MODES, emailModeFor, MAX_ATTEMPTS, retryDelayMs } from './rules';

/**
 * The delivery worker's round: claim due emails, write each in its reader's language, hand it to
 * the mail server, and record what happened. Without a mail server every email is still written
 * and kept in the log as not sent. A claim is a lease: if this process dies between claim and
 * send, the lease runs out and another round (here or on another instance) takes the email again.
 * An email handed over and then lost with the process before it was marked sent would go twice;
 * its Message-ID stays the same, so mail systems can tell.
 */

export interface DeliveryRound {
	database: Db;
	mailer: Mailer | null;
	worker: string;
	compose: Omit<ComposeContext, 'database' | 'organisation'>;
	/** How many emails one round claims, and how many it sends at once. */
	batch?: number;
	parallel?: number;
	/** How long a claim holds. */
	leaseMs?: number;
}

export interface RoundResult {
	claimed: number;
	sent: number;
	notSent: number;
	retrying: number;
	dead: number;
	skipped: number;
}

async function readerOf(database: Db, personId: string | null) {
	if (!personId) return null;
	const [person] = await contactsOf(database, [personId]);
	return person;
}

async function digestItems(database: Db, ids: readonly string[]) {
	if (ids.length === 0) return [];
	return database
		.selectFrom('notifications')
		.select(['id', 'category', 'kind', 'href', 'params'])
		.where('id', 'in', ids)
		.where('read_at', 'is', null)
		.where('withdrawn_at', 'is', null)
		.orderBy('created_at', 'desc')
		.execute();
}

type Outcome = { status: 'skipped' | 'withdrawn'; reason: string } | { status: 'compose'; email: ComposedEmail };

async function emailsOff(database: Db, personId: string, category: NotificationCategory): Promise<boolean> {
	if (category === ALWAYS_IMMEDIATE) return false;
	const [organisation, choices] = await Promise.all([categorySettings(database), choicesOf(database, [personId])]);
	const org = organisation.find((c) => c.category === category);
	if (org && org.enabled !== 1) return true;
	const mode = emailModeFor(
		category,
		choices.find((c) => c.category === category)?.mode,
		org?.default_mode ?? DEFAULT_MODES[category]
	);
	return mode === 'off';
}

/** The organisation's name, as the top of every email shows it: the root of the org chart. */
async function organisationName(database: Db): Promise<string> {
	const root = await database
		.selectFrom('org_units')
		.select('name')
		.where('parent_id', 'is', null)
		.orderBy('created_at')
		.executeTakeFirst();
	return root?.name ?? 'Ripple';
}

async function prepare(ctx: ComposeContext, delivery: EmailDelivery, reader: Reader | null): Promise<Outcome> {
	if (delivery.kind === 'admin.test') {
		const { params } = JSON.parse(delivery.params) as { params: { by: string } };
		return { status: 'compose', email: composeTest(ctx, params.by, asLocale(reader?.language)) };
	}
	if (delivery.kind === 'digest.daily' || delivery.kind === 'digest.weekly') {
		if (!reader) return { status: 'skipped', reason: 'person_inactive' };
		const { items } = JSON.parse(delivery.params) as { items: string[] };
		const unread = await digestItems(ctx.database, items);
		const email = await composeDigest(ctx, delivery.kind === 'digest.daily' ? 'daily' : 'weekly', unread, reader);
		return email ? { status: 'compose', email } : { status: 'skipped', reason: 'nothing_unread' };
	}
	if (delivery.notification_id) {
		const [state] = await readStateOf(ctx.database, [delivery.notification_id]);
		if (state?.withdrawn_at) return { status: 'withdrawn', reason: 'withdrawn' };
		if (state?.read_at) return { status: 'skipped', reason: 'read_in_app' };
		// Turned off (by the person, or the organisation) since it was queued: it does not go.
		if (reader && delivery.category !== 'digest' && (await emailsOff(ctx.database, reader.id, delivery.category)))
			return { status: 'skipped', reason: 'category_off' };
	}
	const email = await composeSingle(ctx, delivery, reader);
	return email ? { status: 'compose', email } : { status: 'skipped', reason: 'unknown_kind' };
}

/** What stands in the log for a secret link's last part (an invitation's token) once the email went. */
export const REMOVED_SECRET = '…';

/**
 * The sent email as the log keeps it: for a kind whose link is a secret, the link's last part is
 * replaced wherever it stands (the text, the HTML, the stored link), so the log lets nobody in.
 */
function withoutSecretLink(written: EmailDeliveryUpdate, delivery: EmailDelivery, origin: string): EmailDeliveryUpdate {
	if (!isNotificationKind(delivery.kind) || !kindSpec(delivery.kind).secretLink) return written;
	const stored = JSON.parse(delivery.params) as { href?: string; params?: unknown };
	if (!stored.href) return written;
	const href = stored.href;
	const redacted = `${href.slice(0, href.lastIndexOf('/') + 1)}${REMOVED_SECRET}`;
	const scrub = (text: string | null | undefined) =>
		typeof text === 'string'
			? text.replaceAll(`${origin}${href}`, `${origin}${redacted}`).replaceAll(href, redacted)
			: text;
	return {
		...written,
		text_body: scrub(written.text_body),
		html_body: scrub(written.html_body),
		params: JSON.stringify({ ...stored, href: redacted })
	};
}

async function deliverOne(
	round: DeliveryRound,
	ctx: ComposeContext,
	delivery: EmailDelivery,
	now: Date
): Promise<keyof RoundResult> {
	const at = now.toISOString();
	const settle = (patch: EmailDeliveryUpdate) =>
		settleDelivery(round.database, delivery.id, round.worker, { ...patch, updated_at: at });
	const person = await readerOf(round.database, delivery.person_id);
	if (delivery.person_id && (!person || person.active !== 1)) {
		await settle({ status: 'skipped', reason: 'person_inactive' });
		return 'skipped';
	}
	const reader: Reader | null = person ?? null;
	let prepared: Outcome;
	try {
		prepared = await prepare(ctx, delivery, reader);
	} catch (error) {
		// A message that cannot be written is a bug, not a mail server's mood: keep it for the log.
		console.error(`Notifications: could not write email ${delivery.id}`, error);
		await settle({ status: 'dead', reason: 'could_not_write' });
		return 'dead';
	}
	if (prepared.status !== 'compose') {
		await settle({ status: prepared.status, reason: prepared.reason });
		return 'skipped';
	}
	const { email } = prepared;
	const messageId = `<${delivery.id}@${new URL(round.compose.origin).hostname || 'ripple'}>`;
	const written: EmailDeliveryUpdate = {
		locale: email.locale,
		subject: email.subject,
		text_body: email.text,
		html_body: email.html,
		calendar: email.calendar?.content ?? null,
		message_id: messageId
	};
	if (!round.mailer) {
		await recordAttempt(round.database, {
			id: newId(),
			delivery_id: delivery.id,
			at,
			outcome: 'not_sent',
			response: null,
			worker: round.worker
		});
		await settle({ ...written, status: 'not_sent', reason: 'no_mail_server' });
		return 'notSent';
	}
	const attempts = delivery.attempts + 1;
	try {
		const { response } = await round.mailer.send({
			from: round.compose.from,
			to: delivery.to_address,
			subject: email.subject,
			text: email.text,
			html: email.html,
			messageId,
			headers: email.headers,
			calendar: email.calendar
		});
		await recordAttempt(round.database, {
			id: newId(),
			delivery_id: delivery.id,
			at,
			outcome: 'sent',
			response: response.slice(0, 500),
			worker: round.worker
		});
		await settle({
			...withoutSecretLink(written, delivery, round.compose.origin),
			status: 'sent',
			reason: null,
			attempts,
			sent_at: at
		});
		return 'sent';
	} catch (error) {
		const failure = failureOf(error);
		const kind = classifyFailure(failure);
		await recordAttempt(round.database, {
			id: newId(),
			delivery_id: delivery.id,
			at,
			outcome: kind,
			response: failure.message,
			worker: round.worker
		});
		if (kind === 'permanent') {
			await settle({ ...written, status: 'dead', reason: 'refused', attempts });
			return 'dead';
		}
		if (attempts >= MAX_ATTEMPTS) {
			await settle({ ...written, status: 'dead', reason: 'gave_up', attempts });
			return 'dead';
		}
		await settle({
			...written,
			status: 'retrying',
			reason: 'temporary_failure',
			attempts,
			not_before: new Date(now.getTime() + retryDelayMs(attempts)).toISOString()
		});
		return 'retrying';
	}
}

/** One round: claims up to `batch` due emails and delivers them, `parallel` at a time. */
export async function deliverDue(round: DeliveryRound, now: Date = new Date()): Promise<RoundResult> {
	const batch = round.batch ?? 50;
	const parallel = round.parallel ?? 4;
	const leaseUntil = new Date(now.getTime() + (round.leaseMs ?? 120_000)).toISOString();
	const claimed = await claimDue(round.database, round.worker, now.toISOString(), leaseUntil, batch);
	const result: RoundResult = { claimed: claimed.length, sent: 0, notSent: 0, retrying: 0, dead: 0, skipped: 0 };
	if (claimed.length === 0) return result;
	const ctx: ComposeContext = {
		database: round.database,
		...round.compose,
		organisation: await organisationName(round.database)
	};
	let next = 0;
	const lanes = Array.from({ length: Math.min(parallel, claimed.length) }, async () => {
		while (next < claimed.length) {
			const delivery = claimed[next++]!;
			result[await deliverOne(round, ctx, delivery, now)]++;
		}
	});
	await Promise.all(lanes);
	return result;
}

/**
 * Emails kept as not sent that were never written out (the demo's history is loaded that way):
 * writes each as it would have gone, for the delivery log. Nothing is sent and no status changes.
 */
export async function writeKeptEmails(round: Omit<DeliveryRound, 'worker' | 'mailer'>, limit = 200): Promise<number> {
	const kept = await round.database
		.selectFrom('email_deliveries')
		.selectAll()
		.where('status', '=', 'not_sent')
		.where('subject', 'is', null)
		.limit(limit)
		.execute();
	if (kept.length === 0) return 0;
	const ctx: ComposeContext = {
		database: round.database,
		...round.compose,
		organisation: await organisationName(round.database)
	};
	for (const delivery of kept) {
		const reader = (await readerOf(round.database, delivery.person_id)) ?? null;
		let email: ComposedEmail | null = null;
		try {
			if (delivery.kind === 'digest.daily' || delivery.kind === 'digest.weekly') {
				const { items } = JSON.parse(delivery.params) as { items: string[] };
				// As it would have gone: with every item it carried, read since or not.
				const carried = await round.database
					.selectFrom('notifications')
					.select(['id', 'category', 'kind', 'href', 'params'])
					.where('id', 'in', items.length ? items : [''])
					.orderBy('created_at', 'desc')
					.execute();
				if (reader)
					email = await composeDigest(ctx, delivery.kind === 'digest.daily' ? 'daily' : 'weekly', carried, reader);
			} else {
				email = await composeSingle(ctx, delivery, reader);
			}
		} catch (error) {
			// Left as an empty email rather than tried again every round.
			console.error(`Notifications: could not write kept email ${delivery.id}`, error);
		}
		await round.database
			.updateTable('email_deliveries')
			.set(
				email
					? {
							locale: email.locale,
							subject: email.subject,
							text_body: email.text,
							html_body: email.html,
							calendar: email.calendar?.content ?? null
						}
					: { subject: '', text_body: '' }
			)
			.where('id', '=', delivery.id)
			.execute();
	}
	return kept.length;
}
