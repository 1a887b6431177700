import { z } from 'zod';
import { formatCalendarDate, isTimeZone } from '../../locale';
import { instantToZoned, zonedToInstant } from '../../time';
import type { Actor } from '../auth/actor';
import type { Db } from '../db';
import { claimRow } from '../db/locks';
import { newId } from '../db/ids';
import type { ShadowSlot, ShadowVisit, VisitStatus } from '../db/schema';
import { getTeam } from '../org/directory';
import { findPersonByEmail } from '../people/directory';
import { rejected, type ServiceResult } from '../service-result';
import { calendarDay } from '../../schemas/dates';
import { canHostFor, visitRoles, type VisitRoles } from './policy';
import {
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
	visitIdsOnCalendarOf,
	visitorOf,
	type SlotFilters
} from './queries';
import { ACTIVE_STATUSES, blackoutOn, hasHappened, initialStatus, isActive, statusAfterManagerApproval } from './rules';

/**
 * Job shadowing: slots a host team offers, requests for a place, the manager's approval, the
 * host's confirmation, and the reflection and feedback afterwards. Who may do what is ./policy.ts.
 */

const shortText = (label: string, max: number) =>
	z
		.string()
		.trim()
		.max(max, `Keep ${label} under ${max.toLocaleString('en')} characters`);

export const slotSchema = z.object({
	team_id: z.string().min(1, 'Choose the host team'),
	host_email: z.string().trim().toLowerCase().pipe(z.email('Enter the host’s email address')),
	date: calendarDay('Choose a date'),
	time: z.string().regex(/^\d{2}:\d{2}$/, 'Choose a start time'),
	minutes: z.coerce
		.number('Enter the length in minutes')
		.int()
		.min(30, 'At least 30 minutes')
		.max(480, 'At most 8 hours'),
	capacity: z.coerce
		.number('Enter how many visitors')
		.int()
		.min(1, 'At least one visitor')
		.max(10, 'At most 10 visitors'),
	place: shortText('the place', 200),
	video_url: shortText('the link', 500).refine(
		(v) => v === '' || /^https:\/\/\S+$/.test(v),
		'Use a link that starts with https://'
	),
	what_you_will_see: z
		.string()
		.trim()
		.min(20, 'Tell visitors what they will see, in a sentence or two')
		.max(2000, 'Keep this under 2,000 characters'),
	auto_accept: z.string().optional()
});

export const blackoutSchema = z
	.object({
		team_id: z.string().min(1, 'Choose the team'),
		starts_on: calendarDay('Choose the first day'),
		ends_on: calendarDay('Choose the last day'),
		reason: z.string().trim().min(3, 'Say why, e.g. month-end close').max(200, 'Keep the reason short')
	})
	.refine((v) => v.ends_on >= v.starts_on, { path: ['ends_on'], message: 'The last day cannot be before the first' });

export const requestSchema = z.object({
	objectives: z
		.string()
		.trim()
		.min(20, 'Say what you want to learn, in a sentence or two')
		.max(2000, 'Keep this under 2,000 characters')
});

export const reflectionSchema = z.object({
	learned: z.string().trim().min(10, 'Write what you learned').max(2000, 'Keep this under 2,000 characters'),
	impact: z.string().trim().min(10, 'Write how your work affects them').max(2000, 'Keep this under 2,000 characters'),
	change: z.string().trim().min(10, 'Write one change you will make').max(2000, 'Keep this under 2,000 characters')
});

export const hostFeedbackSchema = z.object({
	feedback: z
		.string()
		.trim()
		.min(10, 'Write a line or two for the visitor')
		.max(1000, 'Keep this under 1,000 characters')
});

/** Declining says why, in a line the other side reads. */
export const declineSchema = z.object({
	reason: z.string().trim().max(500, 'Keep the reason under 500 characters')
});

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
	if (!canHostFor(actor.scope, input.team_id)) return rejected({ team_id: 'Choose one of the teams you manage' });
	const host = await findPersonByEmail(database, input.host_email);
	if (!host || host.active !== 1) return rejected({ host_email: 'No active person has this email address' });
	if (host.team_id !== input.team_id) return rejected({ host_email: 'The host must be in the host team' });
	const timeZone = isTimeZone(host.time_zone) ? host.time_zone : 'UTC';
	const start = zonedToInstant(input.date, input.time, timeZone);
	if (start <= now) return rejected({ date: 'Choose a time in the future' });
	const blackout = blackoutOn(input.date, await teamBlackouts(database, input.team_id));
	if (blackout)
		return rejected({
			date: `The team takes no visitors from ${formatCalendarDate(blackout.starts_on)} to ${formatCalendarDate(blackout.ends_on)} (${blackout.reason})`
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
	if (!canHostFor(actor.scope, input.team_id)) return rejected({ team_id: 'Choose one of the teams you manage' });
	// Admins may choose any team, so the team must be checked to exist.
	if (!(await getTeam(database, input.team_id))) return rejected({ team_id: 'Choose one of the teams you manage' });
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
		if (!slot || slot.cancelled_at) return rejected({ _form: 'This slot is no longer offered' });
		if (slot.starts_at <= now.toISOString()) return rejected({ _form: 'This slot has already started' });
		const visitor = await visitorOf(trx, actor.id);
		if (!visitor) return rejected({ _form: 'Your account is not active' });
		if (visitor.team_id === slot.team_id)
			return rejected({ _form: 'This slot is in your own team; shadow another team instead' });
		const blackout = blackoutOn(
			instantToZoned(new Date(slot.starts_at), slot.time_zone).date,
			await teamBlackouts(trx, slot.team_id)
		);
		if (blackout) return rejected({ _form: `The host team takes no visitors then (${blackout.reason})` });
		if ((await placesTaken(trx, slotId)) >= slot.capacity) return rejected({ _form: 'This slot is full' });
		if (await clashingVisit(trx, actor.id, slot.starts_at, slot.ends_at))
			return rejected({ _form: 'You already have a visit at that time' });
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
		return { ok: true as const, id, status };
	});
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
			declineReason: visit.decline_reason,
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

async function setStatus(database: Db, visit: ShadowVisit, patch: Partial<ShadowVisit>, now: Date): Promise<void> {
	await updateVisit(database, visit.id, { ...patch, sequence: visit.sequence + 1, updated_at: now.toISOString() });
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
	if (!ctx?.roles.approver) return rejected({ _form: 'Only the visitor’s manager can decide this request' });
	if (ctx.visit.status !== 'pending_manager')
		return rejected({ _form: 'This request is no longer waiting for a manager' });
	const status: VisitStatus = approve ? statusAfterManagerApproval(ctx.slot.auto_accept === 1) : 'declined';
	const at = now.toISOString();
	await setStatus(
		database,
		ctx.visit,
		approve
			? {
					status,
					approved_by: actor.id,
					approved_at: at,
					...(status === 'confirmed' ? { confirmed_by: ctx.slot.host_id, confirmed_at: at } : {})
				}
			: { status, decline_reason: reason || 'Declined by the manager' },
		now
	);
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
	if (!ctx?.roles.host) return rejected({ _form: 'Only the host team can confirm this visit' });
	if (ctx.visit.status !== 'pending_host') return rejected({ _form: 'This visit is not waiting for the host' });
	const status: VisitStatus = confirm ? 'confirmed' : 'declined';
	await setStatus(
		database,
		ctx.visit,
		confirm
			? { status, confirmed_by: actor.id, confirmed_at: now.toISOString() }
			: { status, decline_reason: reason || 'Declined by the host' },
		now
	);
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
	if (!ctx?.roles.visitor) return rejected({ _form: 'Only the visitor can cancel this visit' });
	if (!ACTIVE_STATUSES.includes(ctx.visit.status)) return rejected({ _form: 'This visit is not active' });
	if (ctx.visit.starts_at <= now.toISOString()) return rejected({ _form: 'The visit has already started' });
	await setStatus(database, ctx.visit, { status: 'cancelled' }, now);
	return { ok: true };
}

export async function saveReflection(
	database: Db,
	actor: Actor,
	visitId: string,
	input: z.infer<typeof reflectionSchema>,
	now: Date
): Promise<ServiceResult<object>> {
	const ctx = await visitFor(database, actor, visitId);
	if (!ctx?.roles.visitor) return rejected({ _form: 'Only the visitor writes the reflection' });
	if (!hasHappened(ctx.visit, now)) return rejected({ _form: 'Write your reflection after the visit' });
	await updateVisit(database, visitId, {
		reflection_learned: input.learned,
		reflection_impact: input.impact,
		reflection_change: input.change,
		reflected_at: now.toISOString(),
		updated_at: now.toISOString()
	});
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
	if (!ctx?.roles.host) return rejected({ _form: 'Only the host team leaves feedback' });
	if (!hasHappened(ctx.visit, now)) return rejected({ _form: 'Leave feedback after the visit' });
	await updateVisit(database, visitId, {
		host_feedback: feedback,
		host_feedback_at: now.toISOString(),
		updated_at: now.toISOString()
	});
	return { ok: true };
}
