import { z } from 'zod';
import { instantToZoned, zonedToInstant } from '../../time';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { notify, queueEmailOnly, settle } from '../notifications/notify';
import type { Actor } from '../auth/actor';
import { formatInteger } from '../../intl';
import { m } from '../../paraglide/messages.js';
import { dayField } from '../calendar/day-field';
import { refuse, type ServiceResult } from '../service-result';
import {
	cancelPlanOfPair,
	contactsOfPairs,
	fitChecksOf,
	fitsOfPairs,
	getPlanOfPair,
	haveMet,
	insertMeeting,
	insertPlan,
	meetingLogOf,
	meetingsOf,
	membersOfPairs,
	pairsEndedOrNotOfCycle,
	pairRecord,
	plansOfMember,
	publishedPairsOf,
	saveFitCheck,
	type PairRecord
} from './pair-queries';
import { pairAccess, type PairAccess } from './policy';
import { fitAnswers } from '../../buddies';
import { fitCheckDue, pairHealth, suggestedAgenda, unloggedPlans, type PairHealth } from './rules';

// Messages are functions, read when a form is checked: in the language of that request.
export const meetingSchema = z.object({
	met: z.enum(['yes', 'no'], { error: () => m.connect_meeting_met_required() }),
	met_on: dayField(() => m.connect_choose_the_date()),
	rating: z.string().optional(),
	notes: z
		.string()
		.trim()
		.max(1000, { error: () => m.connect_meeting_notes_too_long({ max: formatInteger(1000) }) })
});

export const fitSchema = z.object({
	fit: z.enum(fitAnswers, { error: () => m.connect_fit_required() }),
	note: z
		.string()
		.trim()
		.max(500, { error: () => m.connect_fit_note_too_long({ max: formatInteger(500) }) })
});

const parseList = (json: string): string[] => {
	try {
		const v: unknown = JSON.parse(json);
		return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
	} catch {
		return [];
	}
};

/** What the actor may do with a pair record. */
const accessTo = (actor: Actor, record: PairRecord) => pairAccess(actor.scope, record.pair, record.members);

/** What a person may do with a pair, or null when it does not exist for them (checked before any form is read). */
export async function pairAccessFor(database: Db, actor: Actor, pairId: string): Promise<PairAccess | null> {
	const record = await pairRecord(database, pairId);
	if (!record || record.pair.status === 'open') return null;
	const access = accessTo(actor, record);
	return access.any ? access : null;
}

export async function pairPage(database: Db, actor: Actor, pairId: string, today: string) {
	const record = await pairRecord(database, pairId);
	if (!record || record.pair.status === 'open') return undefined;
	const access = accessTo(actor, record);
	if (!access.any) return undefined;
	const [meetings, fits] = await Promise.all([meetingsOf(database, pairId), fitChecksOf(database, pairId)]);
	const profiles = record.members.map((m) => ({
		id: m.id,
		name: m.name,
		email: m.email,
		team: m.team,
		goals: m.goals ?? '',
		learn: parseList(m.learn ?? '[]'),
		offer: parseList(m.offer ?? '[]')
	}));
	return {
		id: pairId,
		cycle: { id: record.pair.cycle_id, name: record.pair.cycle_name, endsOn: record.pair.ends_on },
		members: profiles,
		agenda: profiles.length >= 2 ? suggestedAgenda(profiles[0]!, profiles[1]!) : [],
		meetings,
		// Each buddy's fit check is for the cycle owner (and whoever oversees the pair), not for the other buddy.
		fits: access.member
			? []
			: fits.map((f) => ({ ...f, name: profiles.find((p) => p.id === f.person_id)?.name ?? '' })),
		health: pairHealth(meetings, today),
		isMember: access.member,
		/** When a re-pair ended it; an ended pair is a record, nothing more is logged or planned. */
		endedAt: record.pair.ended_at,
		canAct: access.member && record.pair.ended_at === null,
		hasMet: meetings.some((m) => m.met === 1),
		myFit: fits.find((f) => f.person_id === actor.id) ?? null
	};
}

export async function logMeeting(
	database: Db,
	actor: Actor,
	pairId: string,
	input: z.infer<typeof meetingSchema>,
	today: string,
	now: Date
): Promise<ServiceResult<object>> {
	const record = await pairRecord(database, pairId);
	if (!record || !accessTo(actor, record).member) return refuse('_form', 'connect_pair_only_buddies_log');
	if (record.pair.ended_at) return refuse('_form', 'connect_pair_ended_refusal');
	if (input.met_on > today) return refuse('met_on', 'connect_meeting_in_future');
	const rating = input.met === 'yes' ? Number(input.rating) : null;
	if (input.met === 'yes' && (!Number.isInteger(rating) || rating! < 1 || rating! > 4))
		return refuse('rating', 'connect_meeting_rating_required');
	await database.transaction().execute(async (trx) => {
		const metBefore = await haveMet(trx, pairId);
		await insertMeeting(trx, {
			id: newId(),
			pair_id: pairId,
			logged_by: actor.id,
			met: input.met === 'yes' ? 1 : 0,
			met_on: input.met_on,
			rating,
			notes: input.notes,
			created_at: now.toISOString()
		});
		// After the first meeting, each buddy is asked how the fit is.
		if (!metBefore && input.met === 'yes') {
			const names = record.members.map((m) => m.name);
			await notify(
				trx,
				record.members.map((m) => ({
					to: m.id,
					kind: 'buddies.fit_check' as const,
					subject: { type: 'pair', id: pairId },
					href: `/connect/buddies/pairs/${pairId}`,
					params: { cycle: record.pair.cycle_name, buddies: names.filter((n) => n !== m.name) }
				})),
				now
			);
		}
	});
	return { ok: true };
}

export { haveMet, plansOf } from './pair-queries';

/** After the first meeting, each buddy says how the fit is; "repair" asks the owner for a new buddy. */
export async function recordFit(
	database: Db,
	actor: Actor,
	pairId: string,
	input: z.infer<typeof fitSchema>,
	now: Date
): Promise<ServiceResult<object>> {
	const record = await pairRecord(database, pairId);
	if (!record || !accessTo(actor, record).member) return refuse('_form', 'connect_pair_only_buddies_fit');
	if (record.pair.ended_at) return refuse('_form', 'connect_pair_ended_refusal');
	if (!(await haveMet(database, pairId))) return refuse('_form', 'connect_fit_after_first_meeting');
	await database.transaction().execute(async (trx) => {
		await settle(trx, { type: 'pair', id: pairId }, ['buddies.fit_check'], now, actor.id);
		await saveFitCheck(trx, {
			pair_id: pairId,
			person_id: actor.id,
			fit: input.fit,
			note: input.note,
			created_at: now.toISOString()
		});
		// Asking for another buddy is a request to the cycle's owner.
		const owner = record.pair.owner_id;
		if (input.fit === 'repair' && owner && owner !== actor.id)
			await notify(
				trx,
				[
					{
						to: owner,
						kind: 'buddies.repair_requested',
						subject: { type: 'pair', id: pairId },
						href: `/connect/buddies/cycles/${record.pair.cycle_id}`,
						params: {
							cycle: record.pair.cycle_name,
							person: record.members.find((m) => m.id === actor.id)?.name ?? '',
							buddies: record.members.filter((m) => m.id !== actor.id).map((m) => m.name)
						}
					}
				],
				now
			);
	});
	return { ok: true };
}

/** Published pairs a person is in, newest cycle first. */
export async function myPairs(database: Db, personId: string, today: string) {
	const rows = await publishedPairsOf(database, personId);
	const ids = [...new Set(rows.map((r) => r.id))];
	const meetings = await meetingLogOf(database, ids);
	return ids.map((id) => {
		const mine = rows.filter((r) => r.id === id);
		return {
			id,
			cycle: mine[0]!.cycle,
			current: mine[0]!.ends_on >= today && mine[0]!.ended_at === null,
			buddies: mine.map((r) => r.name),
			health: pairHealth(
				meetings.filter((m) => m.pair_id === id),
				today
			) as PairHealth
		};
	});
}

/**
 * What a person's current buddy pairs wait on them for: the fit check once they have met, and a log
 * of each planned meeting (ended since `since`) that nobody has logged.
 */
export async function buddyActionsWaitingOn(database: Db, personId: string, timeZone: string, since: Date, now: Date) {
	const today = instantToZoned(now, timeZone).date;
	const rows = (await publishedPairsOf(database, personId)).filter((r) => r.ends_on >= today && r.ended_at === null);
	const ids = [...new Set(rows.map((r) => r.id))];
	if (ids.length === 0) return { fit: [], log: [] };
	const buddiesOf = (pairId: string) => rows.filter((r) => r.id === pairId).map((r) => r.name);
	const [meetings, fits, plans] = await Promise.all([
		meetingLogOf(database, ids),
		fitsOfPairs(database, ids),
		plansOfMember(database, personId, since.toISOString())
	]);
	return {
		fit: ids
			.filter((id) => fitCheckDue(id, personId, meetings, fits))
			.map((id) => ({ pairId: id, buddies: buddiesOf(id) })),
		log: unloggedPlans(
			plans.filter((p) => ids.includes(p.pair_id)),
			meetings,
			now,
			timeZone
		).map((p) => ({ pairId: p.pair_id, planId: p.id, startsAt: p.starts_at, buddies: buddiesOf(p.pair_id) }))
	};
}

/** Every pair of a published cycle with its health, for owners and managers. */
export async function cycleHealth(database: Db, cycleId: string, today: string, onlyPeople?: ReadonlySet<string>) {
	const pairs = await pairsEndedOrNotOfCycle(database, cycleId);
	const ids = pairs.map((p) => p.id);
	if (!ids.length) return [];
	const endedAt = new Map(pairs.map((p) => [p.id, p.ended_at]));
	const [members, meetings, fits] = await Promise.all([
		membersOfPairs(database, ids),
		meetingLogOf(database, ids),
		fitsOfPairs(database, ids)
	]);
	return (
		ids
			.map((id) => ({
				id,
				members: members.filter((m) => m.pair_id === id).map((m) => ({ id: m.id, name: m.name })),
				health: pairHealth(
					meetings.filter((m) => m.pair_id === id),
					today
				),
				meetings: meetings.filter((m) => m.pair_id === id && m.met === 1).length,
				ended: endedAt.get(id) !== null,
				/** Who asked for another buddy in this pair's fit check. */
				askedToRepair: fits.filter((f) => f.pair_id === id && f.fit === 'repair').map((f) => f.person_id)
			}))
			.filter((p) => !onlyPeople || p.members.some((m) => onlyPeople.has(m.id)))
			// Running pairs first, then the ones a re-pair ended; by name within each.
			.sort(
				(a, b) =>
					Number(a.ended) - Number(b.ended) || (a.members[0]?.name ?? '').localeCompare(b.members[0]?.name ?? '')
			)
	);
}

export const planSchema = z.object({
	date: dayField(() => m.connect_choose_date()),
	time: z.string().regex(/^\d{2}:\d{2}$/, { error: () => m.connect_choose_time() }),
	minutes: z.coerce
		.number({ error: () => m.connect_minutes_required() })
		.int({ error: () => m.connect_minutes_whole() })
		.min(15, { error: () => m.connect_minutes_at_least({ count: 15 }) })
		.max(180, { error: () => m.connect_hours_at_most({ count: 3 }) }),
	place: z
		.string()
		.trim()
		.max(200, { error: () => m.connect_place_too_long_short() })
});

/** Plans the next meeting in the planner's time zone, so both buddies can add it to their calendars. */
export async function planMeeting(
	database: Db,
	actor: Actor,
	pairId: string,
	input: z.infer<typeof planSchema>,
	now: Date
): Promise<ServiceResult<{ id: string }>> {
	const record = await pairRecord(database, pairId);
	if (!record || !accessTo(actor, record).member) return refuse('_form', 'connect_pair_only_buddies_plan');
	if (record.pair.ended_at) return refuse('_form', 'connect_pair_ended_refusal');
	const start = zonedToInstant(input.date, input.time, actor.timeZone);
	if (start <= now) return refuse('date', 'connect_time_in_future');
	const id = newId();
	await database.transaction().execute(async (trx) => {
		await insertPlan(trx, {
			id,
			pair_id: pairId,
			starts_at: start.toISOString(),
			ends_at: new Date(start.getTime() + input.minutes * 60_000).toISOString(),
			place: input.place,
			created_by: actor.id,
			sequence: 0,
			created_at: now.toISOString(),
			updated_at: now.toISOString(),
			cancelled_at: null
		});
		await tellAboutPlan(trx, actor, record, id, start.toISOString(), 'buddies.meeting_planned', now);
	});
	return { ok: true, id };
}

export async function cancelPlan(
	database: Db,
	actor: Actor,
	pairId: string,
	planId: string,
	now: Date
): Promise<ServiceResult<object>> {
	const record = await pairRecord(database, pairId);
	if (!record || !accessTo(actor, record).member) return refuse('_form', 'connect_pair_only_buddies_change');
	await database.transaction().execute(async (trx) => {
		const plan = await getPlanOfPair(trx, pairId, planId);
		await cancelPlanOfPair(trx, pairId, planId, now.toISOString());
		if (plan && !plan.cancelled_at)
			await tellAboutPlan(trx, actor, record, planId, plan.starts_at, 'buddies.meeting_cancelled', now);
	});
	return { ok: true };
}

/**
 * A planned meeting reaches the other buddies as an invitation (its cancellation as one), and the
 * buddy who planned or cancelled it gets the calendar email for their own calendar.
 */
async function tellAboutPlan(
	trx: Db,
	actor: Actor,
	record: PairRecord,
	planId: string,
	startsAt: string,
	kind: 'buddies.meeting_planned' | 'buddies.meeting_cancelled',
	now: Date
): Promise<void> {
	const me = record.members.find((m) => m.id === actor.id);
	const params = {
		pair: record.pair.id,
		plan: planId,
		by: me?.name ?? '',
		starts_at: startsAt,
		cancelled: kind === 'buddies.meeting_cancelled'
	};
	const href = `/connect/buddies/pairs/${record.pair.id}`;
	await notify(
		trx,
		record.members
			.filter((m) => m.id !== actor.id)
			.map((m) => ({ to: m.id, kind, subject: { type: 'plan', id: planId }, href, params })),
		now
	);
	if (me)
		await queueEmailOnly(
			trx,
			{ personId: me.id, address: me.email, kind: 'buddies.meeting_calendar', href, params },
			now
		);
}

/** A planned meeting as its invitation shows it, whoever reads it (the email decides who that is). */
export async function planCalendarContext(database: Db, pairId: string, planId: string) {
	const record = await pairRecord(database, pairId);
	const plan = record && (await getPlanOfPair(database, pairId, planId));
	if (!record || !plan) return null;
	return {
		plan,
		members: record.members.map((m) => ({ name: m.name, email: m.email })),
		cycleName: record.pair.cycle_name
	};
}

/** A planned meeting as a calendar item, with both buddies; null when the viewer is not one of them. */
export async function planForCalendar(database: Db, actor: Actor, pairId: string, planId: string) {
	const record = await pairRecord(database, pairId);
	if (!record || !accessTo(actor, record).member) return null;
	const plan = await getPlanOfPair(database, pairId, planId);
	if (!plan) return null;
	return {
		plan,
		members: record.members.map((m) => ({ name: m.name, email: m.email })),
		cycleName: record.pair.cycle_name
	};
}

/**
 * Planned meetings, ending at or after `since`, of the pairs a person is in, with both buddies and
 * the cycle's name: what their calendar feed carries.
 */
export async function plannedMeetingsOf(database: Db, personId: string, since: string) {
	const plans = await plansOfMember(database, personId, since);
	const contacts = await contactsOfPairs(database, [...new Set(plans.map((p) => p.pair_id))]);
	return plans.map(({ cycle_name, ...plan }) => ({
		plan,
		members: contacts.filter((m) => m.pair_id === plan.pair_id).map(({ name, email }) => ({ name, email })),
		cycleName: cycle_name
	}));
}

/** Live pairs with members, owner and meetings, for the buddy reminders. */
export { livePairsForReminders } from './pair-queries';
