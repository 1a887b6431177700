/**
 * The demo's notifications: what Ripple would have told the Northwind people over the last weeks,
 * replayed from the demo's own records through the same writer the app uses (assignments,
 * observations, recognition, visits, session places, overdue reminders), then the digests those
 * made, day by day. SMTP was never configured in the demo, so every email stays in the delivery
 * log as not sent; the running server writes each one out for the log when it first starts.
 * Older notifications are read; the personas keep the unread ones their story needs (Priya: an
 * overdue assignment and a new observation; Tomasz: a visit to approve; Hannah: the monthly
 * scorecard summary with its watermelon).
 */
import { instantToZoned } from '../../time';
import type { Db } from '../db';
import { buildDigests } from '../notifications/digests';
import { notify, type Notice } from '../notifications/notify';
import { claimLedgerKeys } from '../notifications/queries';
import { metricsMissingDue, scorecardSummariesDue } from '../notifications/month-start';
import { makeReminders } from '../notifications/reminder-ledger';
import { MONTH_START_CATCH_UP_DAYS } from '../notifications/rules';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Replays notices in time order, each at its own moment. */
async function replay(trx: Db, notices: { at: Date; notice: Notice }[]): Promise<void> {
	for (const { at, notice } of [...notices].sort((a, b) => a.at.getTime() - b.at.getTime()))
		await notify(trx, [notice], at);
}

async function behaviourLabels(trx: Db) {
	const rows = await trx
		.selectFrom('behaviours')
		.innerJoin('behaviour_texts', 'behaviour_texts.behaviour_id', 'behaviours.id')
		.select(['behaviours.id', 'behaviours.slug', 'behaviour_texts.locale', 'behaviour_texts.label'])
		.execute();
	const byId = new Map<string, Record<string, string>>();
	const bySlug = new Map<string, Record<string, string>>();
	for (const row of rows) {
		byId.set(row.id, { ...byId.get(row.id), [row.locale]: row.label });
		bySlug.set(row.slug, { ...bySlug.get(row.slug), [row.locale]: row.label });
	}
	return { byId, bySlug };
}

export async function seedDemoNotifications(trx: Db, now: Date): Promise<void> {
	const since = new Date(now.getTime() - 21 * DAY).toISOString();
	const people = await trx.selectFrom('people').select(['id', 'name', 'team_id', 'manager_id', 'time_zone']).execute();
	const person = new Map(people.map((p) => [p.id, p]));
	const labels = await behaviourLabels(trx);
	const events: { at: Date; notice: Notice }[] = [];

	// Learning assigned, to each person it reached (not the manager who assigned it).
	const assignments = await trx.selectFrom('assignments').selectAll().where('cancelled_at', 'is', null).execute();
	for (const a of assignments) {
		if (a.created_at < since) continue;
		const reached = a.person_id ? [a.person_id] : people.filter((p) => p.team_id === a.team_id).map((p) => p.id);
		const by = person.get(a.assigned_by ?? '')?.name ?? '';
		for (const to of reached.filter((id) => id !== a.assigned_by))
			events.push({
				at: new Date(a.created_at),
				notice: {
					to,
					kind: 'learning.assigned',
					subject: { type: 'assignment', id: a.id },
					href: a.item_kind === 'module' ? `/learn/${a.item_slug}` : `/learn/paths/${a.item_slug}`,
					params: { item: `${a.item_kind}:${a.item_slug}`, due: a.due_on, by, note: a.message }
				}
			});
	}

	// Overdue reminders: the day after the due date, at 08:00 where the learner is. Their ledger
	// keys are the scheduler's own, so it does not make the same reminder again.
	const today = now.toISOString().slice(0, 10);
	for (const a of assignments) {
		if (!a.person_id || a.due_on >= today) continue;
		const learner = person.get(a.person_id);
		if (!learner) continue;
		const day = new Date(Date.parse(`${a.due_on}T12:00:00Z`) + DAY);
		const at = new Date(day.getTime() - 4 * HOUR);
		if (at > now) continue;
		const local = instantToZoned(at, learner.time_zone).date;
		const key = `${learner.id}|${a.id}|learning.overdue|${local}`;
		await claimLedgerKeys(trx, [key], at.toISOString());
		events.push({
			at,
			notice: {
				to: learner.id,
				kind: 'learning.overdue',
				subject: { type: 'assignment', id: a.id },
				href: `/learn/${a.item_kind === 'path' ? 'paths/' : ''}${a.item_slug}`,
				params: { item: `${a.item_kind}:${a.item_slug}`, due: a.due_on, days: 1 }
			}
		});
	}

	// Observations written about people (not self-ratings), over a longer stretch: they are rarer.
	const observations = await trx
		.selectFrom('observations')
		.select(['id', 'person_id', 'author_id', 'source', 'behaviour_id', 'created_at'])
		.where('created_at', '>=', new Date(now.getTime() - 60 * DAY).toISOString())
		.where('source', 'in', ['manager', 'peer'])
		.execute();
	for (const o of observations) {
		events.push({
			at: new Date(o.created_at),
			notice: {
				to: o.person_id,
				kind: 'measure.observation_recorded',
				subject: { type: 'observation', id: o.id },
				href: `/observations/${o.id}`,
				params: {
					author: person.get(o.author_id ?? '')?.name ?? '',
					source: o.source,
					behaviour: labels.byId.get(o.behaviour_id) ?? {}
				}
			}
		});
	}

	// Recognition received.
	const recognitions = await trx
		.selectFrom('recognitions')
		.innerJoin('recognition_recipients', 'recognition_recipients.recognition_id', 'recognitions.id')
		.select([
			'recognitions.id',
			'recognitions.from_id',
			'recognitions.behaviour_slug',
			'recognitions.message',
			'recognitions.created_at',
			'recognition_recipients.person_id'
		])
		.where('recognitions.created_at', '>=', since)
		.execute();
	for (const r of recognitions) {
		events.push({
			at: new Date(r.created_at),
			notice: {
				to: r.person_id,
				kind: 'measure.recognition_received',
				subject: { type: 'recognition', id: r.id },
				href: '/connect/recognition',
				params: {
					from: person.get(r.from_id)?.name ?? '',
					behaviour: labels.bySlug.get(r.behaviour_slug) ?? {},
					message: r.message
				}
			}
		});
	}

	// Visits: requests to approve, and confirmations.
	const visits = await trx
		.selectFrom('shadow_visits')
		.innerJoin('shadow_slots', 'shadow_slots.id', 'shadow_visits.slot_id')
		.innerJoin('teams', 'teams.id', 'shadow_slots.team_id')
		.select([
			'shadow_visits.id',
			'shadow_visits.visitor_id',
			'shadow_visits.status',
			'shadow_visits.starts_at',
			'shadow_visits.created_at',
			'shadow_visits.confirmed_at',
			'teams.name as team'
		])
		.where('shadow_visits.created_at', '>=', since)
		.execute();
	for (const v of visits) {
		const visitor = person.get(v.visitor_id);
		if (!visitor) continue;
		const params = { visit: v.id, visitor: visitor.name, team: v.team, starts_at: v.starts_at };
		const href = `/connect/shadowing/visits/${v.id}`;
		const subject = { type: 'visit', id: v.id };
		if (v.status === 'pending_manager' && visitor.manager_id)
			events.push({
				at: new Date(v.created_at),
				notice: { to: visitor.manager_id, kind: 'shadowing.approval_needed', subject, href, params }
			});
		if (v.status === 'confirmed' && v.confirmed_at)
			events.push({
				at: new Date(v.confirmed_at),
				notice: { to: v.visitor_id, kind: 'shadowing.confirmed', subject, href, params }
			});
	}

	// Places at sessions that are still to come.
	const places = await trx
		.selectFrom('lunch_rsvps')
		.innerJoin('lunch_sessions', 'lunch_sessions.id', 'lunch_rsvps.session_id')
		.select([
			'lunch_sessions.id',
			'lunch_sessions.topic',
			'lunch_sessions.starts_at',
			'lunch_rsvps.person_id',
			'lunch_rsvps.rsvp_at'
		])
		.where('lunch_rsvps.status', '=', 'going')
		.where('lunch_rsvps.rsvp_at', '>=', since)
		.where('lunch_sessions.starts_at', '>', now.toISOString())
		.execute();
	for (const p of places) {
		events.push({
			at: new Date(p.rsvp_at),
			notice: {
				to: p.person_id,
				kind: 'sessions.booked',
				subject: { type: 'session', id: p.id },
				href: `/connect/sessions/${p.id}`,
				params: { session: p.id, topic: p.topic, starts_at: p.starts_at }
			}
		});
	}

	await replay(
		trx,
		events.filter((e) => e.at <= now)
	);

	// Month-start messages (metrics still to enter, the leaders' scorecard summaries) from the
	// scheduler's own rules, hour by hour over the first week of each month in the last five.
	for (let t = now.getTime() - 35 * DAY; t <= now.getTime(); t += HOUR) {
		const moment = new Date(t);
		if (moment.getUTCDate() > MONTH_START_CATCH_UP_DAYS + 1) continue;
		const due = [...(await metricsMissingDue(trx, moment)), ...(await scorecardSummariesDue(trx, moment))];
		if (due.length > 0) await makeReminders(trx, due, moment);
	}

	// The digests those made, hour by hour: each person's at their own local time.
	for (let t = Date.parse(since); t <= now.getTime(); t += HOUR) await buildDigests(trx, new Date(t));

	// People read what came in, a day or so later; what is less than two days old is still unread.
	const unreadFrom = new Date(now.getTime() - 2 * DAY).toISOString();
	const notifications = await trx.selectFrom('notifications').select(['id', 'created_at']).execute();
	for (const n of notifications.filter((n) => n.created_at < unreadFrom))
		await trx
			.updateTable('notifications')
			.set({ read_at: new Date(Date.parse(n.created_at) + 20 * HOUR).toISOString() })
			.where('id', '=', n.id)
			.execute();
	// The personas' story: Priya's overdue assignment and newest observation, Tomasz's visit to
	// approve, Hannah's latest scorecard summary with its watermelon.
	await keepUnread(trx, 'staff@ripple.test', ['learning.overdue']);
	await keepUnread(trx, 'staff@ripple.test', ['measure.observation_recorded'], 1);
	await keepUnread(trx, 'manager@ripple.test', ['shadowing.approval_needed']);
	await keepUnread(trx, 'leader@ripple.test', ['measure.scorecard_summary'], 1);

	// Never sent: no mail server. The server writes each out for the log when it starts.
	await trx
		.updateTable('email_deliveries')
		.set({ status: 'not_sent', reason: 'no_mail_server' })
		.where('status', '=', 'queued')
		.execute();
}

/** Marks a persona's newest notifications of these kinds unread again. */
async function keepUnread(trx: Db, email: string, kinds: string[], limit = 5): Promise<void> {
	const owner = await trx.selectFrom('people').select('id').where('email', '=', email).executeTakeFirst();
	if (!owner) return;
	const newest = await trx
		.selectFrom('notifications')
		.select('id')
		.where('person_id', '=', owner.id)
		.where('kind', 'in', kinds)
		.orderBy('created_at', 'desc')
		.limit(limit)
		.execute();
	if (newest.length === 0) return;
	await trx
		.updateTable('notifications')
		.set({ read_at: null })
		.where(
			'id',
			'in',
			newest.map((n) => n.id)
		)
		.execute();
}
