import { groupBy } from '../../group';
import { isTimeZone } from '../../locale';
import { zonedToInstant } from '../../time';
import type { Db } from '../db';
import { inTransaction } from '../db/transaction';
import { newId } from '../db/ids';
import type { EmailMode, NewEmailDelivery, NotificationCategory } from '../db/schema';
import { contactsOf } from '../people/directory';
import { isNotificationKind, kindSpec } from './kinds';
import { categorySettings, choicesOf, claimLedgerKeys, insertDeliveries, settingsOf } from './queries';
import { DEFAULT_MODES, DEFAULT_SETTINGS, digestsDue, emailModeFor, type DigestKind } from './rules';

/**
 * Digests: at the person's chosen local time, one email gathers what waited for it (notifications
 * written with `email = 'digest'`, still unread). A notification that arrives after today's digest
 * time waits for the next digest. The ledger key (person, digest kind, local day) keeps it to one
 * digest a day per kind, whichever instance builds it; a digest with nothing in it is not made.
 */

/** Which of a person's waiting notifications a digest of `kind` carries, by the category's current mode. */
export function belongsIn(kind: DigestKind, mode: EmailMode, digestOnly: boolean): boolean {
	if (mode === 'off') return false;
	if (kind === 'weekly') return mode === 'weekly';
	// Daily: its own categories, and what a digest must carry although the category goes at once.
	return mode === 'daily' || (mode === 'immediate' && digestOnly);
}

async function waitingByPerson(database: Db, before: string) {
	return database
		.selectFrom('notifications')
		.select(['id', 'person_id', 'category', 'kind', 'created_at'])
		.where('email', '=', 'digest')
		.where('digest_id', 'is', null)
		.where('read_at', 'is', null)
		.where('withdrawn_at', 'is', null)
		.where('created_at', '<=', before)
		.orderBy('person_id')
		.execute();
}

export interface DigestRun {
	built: number;
	items: number;
}

export async function buildDigests(database: Db, now: Date): Promise<DigestRun> {
	const waiting = await waitingByPerson(database, now.toISOString());
	if (waiting.length === 0) return { built: 0, items: 0 };
	const people = [...new Set(waiting.map((w) => w.person_id))];
	const [contacts, organisation, choices, settings] = await Promise.all([
		contactsOf(database, people),
		categorySettings(database),
		choicesOf(database, people),
		settingsOf(database, people)
	]);
	const orgMode = new Map(organisation.map((c) => [c.category, c.default_mode]));
	const choice = new Map(choices.map((c) => [`${c.person_id}|${c.category}`, c.mode]));
	const setting = new Map(settings.map((s) => [s.person_id, s]));
	const byPerson = groupBy(waiting, (w) => w.person_id);
	const contact = new Map(contacts.map((c) => [c.id, c]));

	const planned: { key: string; person: string; address: string; kind: DigestKind; items: string[] }[] = [];
	for (const [person, items] of byPerson) {
		const reader = contact.get(person);
		if (!reader || reader.active !== 1) continue;
		const own = setting.get(person) ?? DEFAULT_SETTINGS;
		const timeZone = isTimeZone(reader.time_zone) ? reader.time_zone : 'UTC';
		for (const due of digestsDue(now, timeZone, own)) {
			const cutoff = zonedToInstant(due.date, own.digest_time, timeZone).toISOString();
			const modeOf = (category: NotificationCategory) =>
				emailModeFor(category, choice.get(`${person}|${category}`), orgMode.get(category) ?? DEFAULT_MODES[category]);
			const carried = items.filter(
				(item) =>
					item.created_at <= cutoff &&
					belongsIn(
						due.kind,
						modeOf(item.category),
						isNotificationKind(item.kind) && kindSpec(item.kind).timing === 'digest-only'
					)
			);
			if (carried.length === 0) continue;
			planned.push({
				key: `${person}|digest.${due.kind}|${due.date}`,
				person,
				address: reader.email,
				kind: due.kind,
				items: carried.map((c) => c.id)
			});
		}
	}
	let built = 0;
	let carriedItems = 0;
	// A transaction per chunk of digests: each one's ledger key, its email and the items it carries
	// land together, and ten thousand digests do not cost ten thousand commits.
	for (let i = 0; i < planned.length; i += 200) {
		const chunk = planned.slice(i, i + 200);
		const made = await inTransaction(database, async (trx) => {
			const at = now.toISOString();
			const claimed = await claimLedgerKeys(
				trx,
				chunk.map((p) => p.key),
				at
			);
			const mine = chunk.filter((p) => claimed.has(p.key));
			const rows: NewEmailDelivery[] = mine.map((plan) => ({
				id: newId(),
				person_id: plan.person,
				to_address: plan.address,
				notification_id: null,
				kind: `digest.${plan.kind}`,
				category: 'digest',
				params: JSON.stringify({ items: plan.items }),
				status: 'queued',
				reason: null,
				attempts: 0,
				not_before: at,
				claimed_by: null,
				claimed_until: null,
				// Tomorrow's digest supersedes today's.
				relevant_until: new Date(now.getTime() + (plan.kind === 'daily' ? 1 : 7) * 86_400_000).toISOString(),
				locale: null,
				subject: null,
				text_body: null,
				html_body: null,
				calendar: null,
				message_id: null,
				created_at: at,
				updated_at: at,
				sent_at: null
			}));
			await insertDeliveries(trx, rows);
			for (const [index, plan] of mine.entries())
				for (let j = 0; j < plan.items.length; j += 500)
					await trx
						.updateTable('notifications')
						.set({ digest_id: rows[index]!.id })
						.where('id', 'in', plan.items.slice(j, j + 500))
						.where('digest_id', 'is', null)
						.execute();
			return mine;
		});
		built += made.length;
		carriedItems += made.reduce((sum, plan) => sum + plan.items.length, 0);
	}
	return { built, items: carriedItems };
}
