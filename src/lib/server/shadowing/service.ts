import { z } from 'zod';
import { formatInteger } from '../../intl';
import { formatCalendarDate, isTimeZone } from '../../locale';
import { m } from '../../paraglide/messages.js';
import { instantToZoned, zonedToInstant } from '../../time';
import type { Actor } from '../auth/actor';
import type { Db } from '../db';
import { claimRow } from '../db/locks';
import { inTransaction } from '../db/transaction';
import { newId } from '../db/ids';
import type { ShadowSlot, ShadowVisit, VisitStatus } from '../db/schema';
import { getTeam } from '../org/directory';
import { findPersonByEmail } from '../people/directory';
import { dayField } from '../calendar/day-field';
import { refuse, type ServiceResult } from '../service-result';
import { notify, queueEmailOnly, settle, withdraw, type Notice } from '../notifications/notify';
import { canHostFor, visitRoles, type VisitRoles } from './policy';
import {
	activeVisitsOn,
	browseSlots,
	clashingVisit,
	getSlot,
	getVisit,
	hostOf,
	insertBlackout,
	insertSlot,
	insertVisit,
	placesTaken,
	teamBlackouts,
	updateVisit,
	updateVisitFrom,
	upcomingSlotIdsOf,
	visitsBetween,
	visitIdsOnCalendarOf,
	visitorOf,
	withdrawSlot,
	type SlotFilters
} from './queries';
import { ACTIVE_STATUSES, blackoutOn, hasHappened, initialStatus, isActive, statusAfterManagerApproval } from './rules';

/**
 * Job shadowing: slots a host team offers, requests for a place, the manager's approval, the
 * host's confirmation, and the reflection and feedback afterwards. Who may do what is ./policy.ts.
 */

// Messages are functions, read when a form is checked: in the language of that request.
const tooLong = (max: number) => ({ error: () => m.connect_text_too_long({ max: formatInteger(max) }) });

export const slotSchema = z.object({
	team_id: z.string().min(1, { error: () => m.connect_slot_team_required() }),
	host_email: z
		.string()
		.trim()
		.toLowerCase()
		.pipe(z.email({ error: () => m.connect_slot_host_email_invalid() })),
	date: dayField(() => m.connect_choose_date()),
	time: z.string().regex(/^\d{2}:\d{2}$/, { error: () => m.connect_choose_start_time() }),
	minutes: z.coerce
		.number({ error: () => m.connect_minutes_required() })
		.int({ error: () => m.connect_minutes_whole() })
		.min(30, { error: () => m.connect_minutes_at_least({ count: 30 }) })
		.max(480, { error: () => m.connect_hours_at_most({ count: 8 }) }),
	capacity: z.coerce
		.number({ error: () => m.connect_slot_capacity_required() })
		.int({ error: () => m.connect_whole_number() })
		.min(1, { error: () => m.connect_slot_capacity_at_least_one() })
		.max(10, { error: () => m.connect_slot_capacity_at_most({ count: 10 }) }),
	place: z
		.string()
		.trim()
		.max(200, { error: () => m.connect_slot_place_too_long({ max: formatInteger(200) }) }),
	video_url: z
		.string()
		.trim()
		.max(500, { error: () => m.connect_slot_link_too_long({ max: formatInteger(500) }) })
		.refine((v) => v === '' || /^https:\/\/\S+$/.test(v), { error: () => m.connect_link_https() }),
	what_you_will_see: z
		.string()
		.trim()
		.min(20, { error: () => m.connect_slot_what_required() })
		.max(2000, tooLong(2000)),
	auto_accept: z.string().optional()
});

export const blackoutSchema = z
	.object({
		team_id: z.string().min(1, { error: () => m.connect_blackout_team_required() }),
		starts_on: dayField(() => m.connect_blackout_first_day_required()),
		ends_on: dayField(() => m.connect_blackout_last_day_required()),
		reason: z
			.string()
			.trim()
			.min(3, { error: () => m.connect_blackout_reason_required() })
			.max(200, { error: () => m.connect_blackout_reason_too_long() })
	})
	.refine((v) => v.ends_on >= v.starts_on, {
		path: ['ends_on'],
		error: () => m.connect_blackout_ends_before_start()
	});

export const requestSchema = z.object({
	objectives: z
		.string()
		.trim()
		.min(20, { error: () => m.connect_visit_objectives_required() })
		.max(2000, tooLong(2000))
});

export const reflectionSchema = z.object({
	learned: z
		.string()
		.trim()
		.min(10, { error: () => m.connect_reflection_learned_required() })
		.max(2000, tooLong(2000)),
	impact: z
		.string()
		.trim()
		.min(10, { error: () => m.connect_reflection_impact_required() })
		.max(2000, tooLong(2000)),
	change: z
		.string()
		.trim()
		.min(10, { error: () => m.connect_reflection_change_required() })
		.max(2000, tooLong(2000))
});

export const hostFeedbackSchema = z.object({
	feedback: z
		.string()
		.trim()
		.min(10, { error: () => m.connect_host_feedback_required() })
		.max(1000, tooLong(1000))
});

/** Declining says why, in a line the other side reads. */
export const declineSchema = z.object({
	reason: z
		.string()
		.trim()
		.max(500, { error: () => m.connect_decline_reason_too_long({ max: formatInteger(500) }) })
});

/**
 * What a decline without a reason stores as its reason (rows from before hold the same text):
 * markers, not words; `visitView` turns them into who declined, and the page words that.
 */
export const DECLINED_BY_MANAGER = 'Declined by the manager';
export const DECLINED_BY_HOST = 'Declined by the host';

export {
	blackoutsOf,
	hostedSlots,
	hostsVisits,
	managerQueue,
	visitStories,
	visitsOf,
	visitsWaitingOn,
	type SlotFilters
} from './queries';

export async function publishSlot(
	database: Db,
	actor: Actor,
	input: z.infer<typeof slotSchema>,
	now: Date
): Promise<ServiceResult<{ id: string }>> {
	if (!canHostFor(actor.scope, input.team_id)) return refuse('team_id', 'connect_slot_team_not_managed');
	const host = await findPersonByEmail(database, input.host_email);
	if (!host || host.active !== 1) return refuse('host_email', 'connect_no_active_person_with_email');
	if (host.team_id !== input.team_id) return refuse('host_email', 'connect_slot_host_not_in_team');
	const timeZone = isTimeZone(host.time_zone) ? host.time_zone : 'UTC';
	const start = zonedToInstant(input.date, input.time, timeZone);
	if (start <= now) return refuse('date', 'connect_time_in_future');
	const blackout = blackoutOn(input.date, await teamBlackouts(database, input.team_id));
	if (blackout)
		return refuse('date', 'connect_slot_blackout', {
			from: formatCalendarDate(blackout.starts_on),
			to: formatCalendarDate(blackout.ends_on),
			reason: blackout.reason
		});
	const id = newId();
	const at = now.toISOString();
	await insertSlot(database, {
		id,
		team_id: input.team_id,
		host_id: host.id,
		starts_at: start.toISOString(),
		ends_at: new Date(start.getTime() + input.minutes * 60_000).toISOString(),
		time_zone: timeZone,
		capacity: input.capacity,
		place: input.place,
		video_url: input.video_url,
		what_you_will_see: input.what_you_will_see,
		auto_accept: input.auto_accept === 'on' ? 1 : 0,
		created_by: actor.id,
		sequence: 0,
		created_at: at,
		updated_at: at,
		cancelled_at: null
	});
	return { ok: true, id };
}

export async function addBlackout(
	database: Db,
	actor: Actor,
	input: z.infer<typeof blackoutSchema>,
	now: Date
): Promise<ServiceResult<object>> {
	if (!canHostFor(actor.scope, input.team_id)) return refuse('team_id', 'connect_slot_team_not_managed');
	// Admins may choose any team, so the team must be checked to exist.
	if (!(await getTeam(database, input.team_id))) return refuse('team_id', 'connect_slot_team_not_managed');
	await insertBlackout(database, {
		id: newId(),
		team_id: input.team_id,
		starts_on: input.starts_on,
		ends_on: input.ends_on,
		reason: input.reason,
		created_by: actor.id,
		created_at: now.toISOString()
	});
	return { ok: true };
}

/**
 * A slot as people browsing see it: never its call link, which only confirmed visitors get, and the
 * host's email only for someone who has asked for a place, so they can reach the host.
 */
function slotView(slot: Awaited<ReturnType<typeof browseSlots>>[number]) {
	return {
		id: slot.id,
		team_id: slot.team_id,
		team_name: slot.team_name,
		team_kind: slot.team_kind,
		unit_name: slot.unit_name,
		host_name: slot.host_name,
		host_email: slot.mine ? slot.host_email : null,
		starts_at: slot.starts_at,
		ends_at: slot.ends_at,
		capacity: slot.capacity,
		taken: slot.taken,
		place: slot.place,
		online: slot.video_url !== '',
		what_you_will_see: slot.what_you_will_see,
		/** The viewer's own request for this slot, if they made one. */
		mine: slot.mine
	};
}

/** Upcoming slots with places, as the actor browses them. */
export async function openSlots(database: Db, actor: Actor, filters: SlotFilters, now: Date) {
	return (await browseSlots(database, filters, actor.id, now)).map(slotView);
}

/** One upcoming slot, or undefined when it is not offered any more. */
export async function openSlot(database: Db, actor: Actor, slotId: string, now: Date) {
	return (await openSlots(database, actor, {}, now)).find((s) => s.id === slotId);
}

/**
 * Requests a place. The slot row is claimed first inside the transaction (see claimRow), so two
 * people racing for the last place are served one after the other and the second finds it taken.
 */
export async function requestVisit(
	database: Db,
	actor: Actor,
	slotId: string,
	input: z.infer<typeof requestSchema>,
	now: Date
): Promise<ServiceResult<{ id: string; status: VisitStatus }>> {
	return database.transaction().execute(async (trx) => {
		await claimRow(trx, 'shadow_slots', slotId);
		const slot = await getSlot(trx, slotId);
		if (!slot || slot.cancelled_at) return refuse('_form', 'connect_visit_slot_withdrawn');
		if (slot.starts_at <= now.toISOString()) return refuse('_form', 'connect_visit_slot_started');
		const visitor = await visitorOf(trx, actor.id);
		if (!visitor) return refuse('_form', 'connect_visit_account_inactive');
		if (visitor.team_id === slot.team_id) return refuse('_form', 'connect_visit_own_team');
		const blackout = blackoutOn(
			instantToZoned(new Date(slot.starts_at), slot.time_zone).date,
			await teamBlackouts(trx, slot.team_id)
		);
		if (blackout) return refuse('_form', 'connect_visit_blackout', { reason: blackout.reason });
		if ((await placesTaken(trx, slotId)) >= slot.capacity) return refuse('_form', 'connect_visit_slot_full');
		if (await clashingVisit(trx, actor.id, slot.starts_at, slot.ends_at)) return refuse('_form', 'connect_visit_clash');
		const id = newId();
		const status = initialStatus(visitor.manager_id !== null, slot.auto_accept === 1);
		const at = now.toISOString();
		await insertVisit(trx, {
			id,
			slot_id: slotId,
			visitor_id: actor.id,
			objectives: input.objectives,
			status,
			starts_at: slot.starts_at,
			ends_at: slot.ends_at,
			approved_by: null,
			approved_at: null,
			confirmed_by: status === 'confirmed' ? slot.host_id : null,
			confirmed_at: status === 'confirmed' ? at : null,
			decline_reason: null,
			sequence: 0,
			reflection_learned: null,
			reflection_impact: null,
			reflection_change: null,
			reflected_at: null,
			host_feedback: null,
			host_feedback_at: null,
			created_at: at,
			updated_at: at
		});
		await tellAboutVisit(trx, id, 'requested', now);
		return { ok: true as const, id, status };
	});
}

/** `host_left`: cancelled because the slot's host was deactivated, not by anyone's choice. */
type VisitEvent = 'requested' | 'approved' | 'declined' | 'confirmed' | 'cancelled' | 'host_left';

/**
 * Tells the people a visit's change concerns, in the change's transaction: the manager when a
 * request waits for approval, the host when it waits for confirmation, the visitor when it is
 * decided, the other side when the visitor cancels, the visitor (and the manager it waited on)
 * when the host has left. Requests someone acted on stop counting as unread; requests a
 * cancellation made moot are withdrawn.
 */
async function tellAboutVisit(
	trx: Db,
	visitId: string,
	event: VisitEvent,
	now: Date,
	extra: { reason?: string; before?: VisitStatus } = {}
): Promise<void> {
	const ctx = await visitContext(trx, visitId);
	if (!ctx) return;
	const subject = { type: 'visit', id: visitId };
	const href = `/connect/shadowing/visits/${visitId}`;
	const params = {
		visit: visitId,
		visitor: ctx.visitor.name,
		team: ctx.team.name,
		starts_at: ctx.visit.starts_at,
		...(extra.reason ? { reason: extra.reason } : {})
	};
	const notices: Notice[] = [];
	const status = ctx.visit.status;
	const toManager = ctx.visitor.manager_id;
	if (event === 'requested' && status === 'pending_manager' && toManager)
		notices.push({ to: toManager, kind: 'shadowing.approval_needed', subject, href, params });
	if ((event === 'requested' || event === 'approved') && status === 'pending_host')
		notices.push({ to: ctx.host.id, kind: 'shadowing.confirmation_needed', subject, href, params });
	if (event === 'approved' && status === 'pending_host')
		notices.push({ to: ctx.visitor.id, kind: 'shadowing.approved', subject, href, params });
	if (status === 'confirmed' && event !== 'cancelled')
		notices.push({ to: ctx.visitor.id, kind: 'shadowing.confirmed', subject, href, params });
	if (event === 'declined')
		notices.push({ to: ctx.visitor.id, kind: 'shadowing.declined', subject, href: '/connect/shadowing', params });
	if (event === 'cancelled') {
		const other = extra.before === 'pending_manager' ? toManager : ctx.host.id;
		if (other) notices.push({ to: other, kind: 'shadowing.cancelled', subject, href, params });
	}
	if (event === 'host_left') {
		// A confirmed visit is in the visitor's calendar: this notice's email takes it out.
		const confirmed = extra.before === 'confirmed';
		notices.push({
			to: ctx.visitor.id,
			kind: 'shadowing.host_left',
			subject,
			href: '/connect/shadowing',
			params: { ...params, role: 'visitor', confirmed }
		});
		if (extra.before === 'pending_manager' && toManager)
			notices.push({
				to: toManager,
				kind: 'shadowing.host_left',
				subject,
				href,
				params: { ...params, role: 'manager', confirmed }
			});
	}
	if (event === 'approved' || event === 'declined') await settle(trx, subject, ['shadowing.approval_needed'], now);
	if (event === 'confirmed' || event === 'declined') await settle(trx, subject, ['shadowing.confirmation_needed'], now);
	if (event === 'cancelled' || event === 'host_left')
		await withdraw(
			trx,
			subject,
			['shadowing.approval_needed', 'shadowing.confirmation_needed', 'shadowing.day_before'],
			now
		);
	await notify(trx, notices, now);
	// The visitor's calendar took the visit from its confirmation; the cancellation takes it out.
	if (event === 'cancelled' && extra.before === 'confirmed')
		await queueEmailOnly(
			trx,
			{
				personId: ctx.visitor.id,
				address: ctx.visitor.email,
				kind: 'shadowing.calendar_cancelled',
				href,
				params
			},
			now
		);
}

export interface VisitContext {
	visit: ShadowVisit;
	slot: ShadowSlot;
	visitor: {
		id: string;
		name: string;
		email: string;
		team_id: string | null;
		manager_id: string | null;
		unit_path: string | null;
	};
	host: { id: string; name: string; email: string };
	team: { id: string; name: string };
}

export async function visitContext(database: Db, visitId: string): Promise<VisitContext | undefined> {
	const visit = await getVisit(database, visitId);
	if (!visit) return undefined;
	const slot = await getSlot(database, visit.slot_id);
	if (!slot) return undefined;
	const [visitor, { host, team }] = await Promise.all([visitorOf(database, visit.visitor_id), hostOf(database, slot)]);
	if (!visitor) return undefined;
	return { visit, slot, visitor, host, team };
}

/** Visits a person makes or hosts, ending at or after `since`, as their calendar feed carries them. */
export async function visitsOnCalendarOf(database: Db, personId: string, since: string): Promise<VisitContext[]> {
	const ids = await visitIdsOnCalendarOf(database, personId, since);
	return (await Promise.all(ids.map((id) => visitContext(database, id)))).filter((c) => c !== undefined);
}

/** A visit with the parts the actor plays in it; undefined when it does not exist for them (404). */
export async function visitFor(
	database: Db,
	actor: Actor,
	visitId: string
): Promise<(VisitContext & { roles: VisitRoles }) | undefined> {
	const ctx = await visitContext(database, visitId);
	const roles = ctx && visitRoles(ctx, actor.scope);
	return ctx && roles?.any ? { ...ctx, roles } : undefined;
}

/** The visit page as the actor may see it: the call link only once the visit is confirmed. */
export function visitView(ctx: VisitContext & { roles: VisitRoles }, now: Date) {
	const { visit, slot } = ctx;
	return {
		visit: {
			id: visit.id,
			status: visit.status,
			objectives: visit.objectives,
			startsAt: visit.starts_at,
			endsAt: visit.ends_at,
			// A reason someone typed; the markers of a decline without one say who declined instead.
			declineReason:
				visit.decline_reason === DECLINED_BY_MANAGER || visit.decline_reason === DECLINED_BY_HOST
					? null
					: visit.decline_reason,
			declinedBy:
				visit.decline_reason === DECLINED_BY_MANAGER
					? ('manager' as const)
					: visit.decline_reason === DECLINED_BY_HOST
						? ('host' as const)
						: null,
			reflection: visit.reflected_at
				? { learned: visit.reflection_learned, impact: visit.reflection_impact, change: visit.reflection_change }
				: null,
			hostFeedback: visit.host_feedback
		},
		slot: {
			id: slot.id,
			place: slot.place,
			videoUrl: visit.status === 'confirmed' ? slot.video_url : '',
			whatYouWillSee: slot.what_you_will_see
		},
		// While the visit is asked for or on, the visitor and the host side can write to each other.
		visitor: {
			id: ctx.visitor.id,
			name: ctx.visitor.name,
			email: ctx.roles.host && isActive(visit.status) ? ctx.visitor.email : null
		},
		host: { name: ctx.host.name, email: ctx.roles.visitor && isActive(visit.status) ? ctx.host.email : null },
		team: ctx.team,
		roles: { visitor: ctx.roles.visitor, approver: ctx.roles.approver, host: ctx.roles.host },
		ended: visit.ends_at <= now.toISOString(),
		/** Reflections and host feedback are open. */
		happened: hasHappened(visit, now)
	};
}

/**
 * Moves a visit on from the status it was read in, and tells whoever the change concerns, in one
 * transaction. False when someone else changed it first (two approvers deciding at once).
 */
async function setStatus(
	database: Db,
	visit: ShadowVisit,
	patch: Partial<ShadowVisit>,
	now: Date,
	event: VisitEvent,
	reason?: string
): Promise<boolean> {
	return inTransaction(database, async (trx) => {
		const moved = await updateVisitFrom(trx, visit.id, visit.status, {
			...patch,
			sequence: visit.sequence + 1,
			updated_at: now.toISOString()
		});
		if (!moved) return false;
		await tellAboutVisit(trx, visit.id, event, now, { reason, before: visit.status });
		return true;
	});
}

export async function decideAsManager(
	database: Db,
	actor: Actor,
	visitId: string,
	approve: boolean,
	reason: string,
	now: Date
): Promise<ServiceResult<{ status: VisitStatus }>> {
	const ctx = await visitFor(database, actor, visitId);
	if (!ctx?.roles.approver) return refuse('_form', 'connect_visit_only_manager_decides');
	if (ctx.visit.status !== 'pending_manager') return refuse('_form', 'connect_visit_not_waiting_for_manager');
	const status: VisitStatus = approve ? statusAfterManagerApproval(ctx.slot.auto_accept === 1) : 'declined';
	const at = now.toISOString();
	const moved = await setStatus(
		database,
		ctx.visit,
		approve
			? {
					status,
					approved_by: actor.id,
					approved_at: at,
					...(status === 'confirmed' ? { confirmed_by: ctx.slot.host_id, confirmed_at: at } : {})
				}
			: { status, decline_reason: reason || DECLINED_BY_MANAGER },
		now,
		approve ? 'approved' : 'declined',
		reason
	);
	if (!moved) return refuse('_form', 'connect_visit_not_waiting_for_manager');
	return { ok: true, status };
}

export async function decideAsHost(
	database: Db,
	actor: Actor,
	visitId: string,
	confirm: boolean,
	reason: string,
	now: Date
): Promise<ServiceResult<{ status: VisitStatus }>> {
	const ctx = await visitFor(database, actor, visitId);
	if (!ctx?.roles.host) return refuse('_form', 'connect_visit_only_host_confirms');
	if (ctx.visit.status !== 'pending_host') return refuse('_form', 'connect_visit_not_waiting_for_host');
	const status: VisitStatus = confirm ? 'confirmed' : 'declined';
	const moved = await setStatus(
		database,
		ctx.visit,
		confirm
			? { status, confirmed_by: actor.id, confirmed_at: now.toISOString() }
			: { status, decline_reason: reason || DECLINED_BY_HOST },
		now,
		confirm ? 'confirmed' : 'declined',
		reason
	);
	if (!moved) return refuse('_form', 'connect_visit_not_waiting_for_host');
	return { ok: true, status };
}

/** The visitor cancels; the place goes back to the slot. */
export async function cancelVisit(
	database: Db,
	actor: Actor,
	visitId: string,
	now: Date
): Promise<ServiceResult<object>> {
	const ctx = await visitFor(database, actor, visitId);
	if (!ctx?.roles.visitor) return refuse('_form', 'connect_visit_only_visitor_cancels');
	if (!ACTIVE_STATUSES.includes(ctx.visit.status)) return refuse('_form', 'connect_visit_not_active');
	if (ctx.visit.starts_at <= now.toISOString()) return refuse('_form', 'connect_visit_started');
	if (!(await setStatus(database, ctx.visit, { status: 'cancelled' }, now, 'cancelled')))
		return refuse('_form', 'connect_visit_not_active');
	return { ok: true };
}

/**
 * A person who leaves (deactivated) gives up the visits they were still to make: each is cancelled
 * as if they had cancelled it, so the place goes back to the slot and whoever waited on it is told.
 * Visits already made stay, with their reflections. Returns how many were cancelled.
 */
export async function cancelUpcomingVisitsOf(trx: Db, visitorId: string, now: Date): Promise<number> {
	const visits = await trx
		.selectFrom('shadow_visits')
		.selectAll()
		.where('visitor_id', '=', visitorId)
		.where('status', 'in', ACTIVE_STATUSES)
		.where('starts_at', '>', now.toISOString())
		.execute();
	let cancelled = 0;
	for (const visit of visits) if (await setStatus(trx, visit, { status: 'cancelled' }, now, 'cancelled')) cancelled++;
	return cancelled;
}

/**
 * A host who leaves (deactivated) gives back the slots still to come: each is withdrawn, and the
 * visits asked for or confirmed on it are cancelled, the visitor told that the host is no longer
 * available (not that anyone chose to cancel). Slots that have begun, and the visits on them, stay
 * as they are. In the caller's transaction; returns how many slots and visits.
 */
export async function withdrawUpcomingSlotsOf(
	trx: Db,
	hostId: string,
	now: Date
): Promise<{ slots: number; visits: number }> {
	const slotIds = await upcomingSlotIdsOf(trx, hostId, now);
	let visits = 0;
	for (const slotId of slotIds) {
		// Claimed first, as a request is, so nobody takes a place on the slot while it is withdrawn.
		await claimRow(trx, 'shadow_slots', slotId);
		await withdrawSlot(trx, slotId, now);
		for (const visit of await activeVisitsOn(trx, slotId))
			if (await setStatus(trx, visit, { status: 'cancelled' }, now, 'host_left')) visits++;
	}
	return { slots: slotIds.length, visits };
}

export async function saveReflection(
	database: Db,
	actor: Actor,
	visitId: string,
	input: z.infer<typeof reflectionSchema>,
	now: Date
): Promise<ServiceResult<object>> {
	const ctx = await visitFor(database, actor, visitId);
	if (!ctx?.roles.visitor) return refuse('_form', 'connect_visit_only_visitor_reflects');
	if (!hasHappened(ctx.visit, now)) return refuse('_form', 'connect_visit_reflect_after');
	await updateVisit(database, visitId, {
		reflection_learned: input.learned,
		reflection_impact: input.impact,
		reflection_change: input.change,
		reflected_at: now.toISOString(),
		updated_at: now.toISOString()
	});
	await settle(database, { type: 'visit', id: visitId }, ['shadowing.reflection_due'], now);
	return { ok: true };
}

export async function saveHostFeedback(
	database: Db,
	actor: Actor,
	visitId: string,
	feedback: string,
	now: Date
): Promise<ServiceResult<object>> {
	const ctx = await visitFor(database, actor, visitId);
	if (!ctx?.roles.host) return refuse('_form', 'connect_visit_only_host_gives_feedback');
	if (!hasHappened(ctx.visit, now)) return refuse('_form', 'connect_visit_feedback_after');
	await updateVisit(database, visitId, {
		host_feedback: feedback,
		host_feedback_at: now.toISOString(),
		updated_at: now.toISOString()
	});
	await settle(database, { type: 'visit', id: visitId }, ['shadowing.feedback_due'], now);
	return { ok: true };
}

/**
 * Confirmed visits starting or ending within a window, with the people they concern and whether the
 * follow-ups are written: what the reminder scheduler needs from shadowing.
 */
export async function visitsForReminders(database: Db, from: string, to: string) {
	return visitsBetween(database, from, to);
}
