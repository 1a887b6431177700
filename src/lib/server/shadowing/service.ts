import { z } from 'zod';
import { isTimeZone } from '../../locale';
import { instantToZoned, zonedToInstant } from '../../time';
import type { Db } from '../db';
import { claimRow } from '../db/locks';
import { newId } from '../db/ids';
import type { ShadowSlot, ShadowVisit, VisitStatus } from '../db/schema';
import { findPersonByEmail } from '../people/queries';
import { managesPerson, type Scope } from '../people/rules';
import { rejected, type ServiceResult } from '../service-result';
import { ACTIVE_STATUSES, blackoutOn, initialStatus, statusAfterManagerApproval } from './rules';
import { calendarDay } from '../../schemas/dates';

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

/** Managers (and admins) host for the teams they manage. */
export function canHostFor(scope: Scope, teamId: string): boolean {
	return scope.isAdmin || scope.managedTeamIds.includes(teamId);
}

async function teamBlackouts(database: Db, teamId: string) {
	return database.selectFrom('shadow_blackouts').selectAll().where('team_id', '=', teamId).execute();
}

export async function publishSlot(
	database: Db,
	actor: { id: string; scope: Scope },
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
			date: `The team takes no visitors from ${blackout.starts_on} to ${blackout.ends_on} (${blackout.reason})`
		});
	const id = newId();
	const at = now.toISOString();
	await database
		.insertInto('shadow_slots')
		.values({
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
		})
		.execute();
	return { ok: true, id };
}

export async function addBlackout(
	database: Db,
	actor: { id: string; scope: Scope },
	input: z.infer<typeof blackoutSchema>,
	now: Date
): Promise<ServiceResult<object>> {
	if (!canHostFor(actor.scope, input.team_id)) return rejected({ team_id: 'Choose one of the teams you manage' });
	// Admins may choose any team, so the team must be checked to exist.
	const team = await database.selectFrom('teams').select('id').where('id', '=', input.team_id).executeTakeFirst();
	if (!team) return rejected({ team_id: 'Choose one of the teams you manage' });
	await database
		.insertInto('shadow_blackouts')
		.values({
			id: newId(),
			team_id: input.team_id,
			starts_on: input.starts_on,
			ends_on: input.ends_on,
			reason: input.reason,
			created_by: actor.id,
			created_at: now.toISOString()
		})
		.execute();
	return { ok: true };
}

/**
 * Requests a place. The slot row is claimed first inside the transaction (see claimRow), so two
 * people racing for the last place are served one after the other and the second finds it taken.
 */
export async function requestVisit(
	database: Db,
	visitorId: string,
	slotId: string,
	objectives: string,
	now: Date
): Promise<ServiceResult<{ id: string; status: VisitStatus }>> {
	return database.transaction().execute(async (trx) => {
		await claimRow(trx, 'shadow_slots', slotId);
		const slot = await trx.selectFrom('shadow_slots').selectAll().where('id', '=', slotId).executeTakeFirst();
		if (!slot || slot.cancelled_at) return rejected({ _form: 'This slot is no longer offered' });
		if (slot.starts_at <= now.toISOString()) return rejected({ _form: 'This slot has already started' });
		const visitor = await trx
			.selectFrom('people')
			.select(['id', 'team_id', 'manager_id'])
			.where('id', '=', visitorId)
			.executeTakeFirstOrThrow();
		if (visitor.team_id === slot.team_id)
			return rejected({ _form: 'This slot is in your own team; shadow another team instead' });
		const blackout = blackoutOn(
			instantToZoned(new Date(slot.starts_at), slot.time_zone).date,
			await teamBlackouts(trx, slot.team_id)
		);
		if (blackout) return rejected({ _form: `The host team takes no visitors then (${blackout.reason})` });
		const taken = await trx
			.selectFrom('shadow_visits')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('slot_id', '=', slotId)
			.where('status', 'in', ACTIVE_STATUSES)
			.executeTakeFirstOrThrow();
		if (Number(taken.n) >= slot.capacity) return rejected({ _form: 'This slot is full' });
		const clash = await trx
			.selectFrom('shadow_visits')
			.select('id')
			.where('visitor_id', '=', visitorId)
			.where('status', 'in', ACTIVE_STATUSES)
			.where('starts_at', '<', slot.ends_at)
			.where('ends_at', '>', slot.starts_at)
			.executeTakeFirst();
		if (clash) return rejected({ _form: 'You already have a visit at that time' });
		const id = newId();
		const status = initialStatus(visitor.manager_id !== null, slot.auto_accept === 1);
		const at = now.toISOString();
		await trx
			.insertInto('shadow_visits')
			.values({
				id,
				slot_id: slotId,
				visitor_id: visitorId,
				objectives,
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
			})
			.execute();
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
	const visit = await database.selectFrom('shadow_visits').selectAll().where('id', '=', visitId).executeTakeFirst();
	if (!visit) return undefined;
	const [slot, visitor] = await Promise.all([
		database.selectFrom('shadow_slots').selectAll().where('id', '=', visit.slot_id).executeTakeFirstOrThrow(),
		database
			.selectFrom('people')
			.leftJoin('teams', 'teams.id', 'people.team_id')
			.leftJoin('org_units', 'org_units.id', 'teams.org_unit_id')
			.select([
				'people.id',
				'people.name',
				'people.email',
				'people.team_id',
				'people.manager_id',
				'org_units.path as unit_path'
			])
			.where('people.id', '=', visit.visitor_id)
			.executeTakeFirstOrThrow()
	]);
	const [host, team] = await Promise.all([
		database
			.selectFrom('people')
			.select(['id', 'name', 'email'])
			.where('id', '=', slot.host_id)
			.executeTakeFirstOrThrow(),
		database.selectFrom('teams').select(['id', 'name']).where('id', '=', slot.team_id).executeTakeFirstOrThrow()
	]);
	return { visit, slot, visitor, host, team };
}

/** The parts a viewer plays in a visit; none means the visit is out of their scope (404). */
export function rolesInVisit(ctx: VisitContext, scope: Scope) {
	const visitor = ctx.visitor.id === scope.personId;
	const approver =
		scope.isAdmin ||
		managesPerson(scope, {
			personId: ctx.visitor.id,
			teamId: ctx.visitor.team_id,
			unitPath: ctx.visitor.unit_path,
			managerId: ctx.visitor.manager_id
		});
	const host = ctx.host.id === scope.personId || canHostFor(scope, ctx.slot.team_id);
	return { visitor, approver, host, any: visitor || approver || host };
}

async function setStatus(database: Db, visit: ShadowVisit, patch: Partial<ShadowVisit>, now: Date): Promise<void> {
	await database
		.updateTable('shadow_visits')
		.set({ ...patch, sequence: visit.sequence + 1, updated_at: now.toISOString() })
		.where('id', '=', visit.id)
		.execute();
}

export async function decideAsManager(
	database: Db,
	scope: Scope,
	visitId: string,
	approve: boolean,
	reason: string,
	now: Date
): Promise<ServiceResult<{ status: VisitStatus }>> {
	const ctx = await visitContext(database, visitId);
	if (!ctx || !rolesInVisit(ctx, scope).approver)
		return rejected({ _form: 'Only the visitor’s manager can decide this request' });
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
					approved_by: scope.personId,
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
	scope: Scope,
	visitId: string,
	confirm: boolean,
	reason: string,
	now: Date
): Promise<ServiceResult<{ status: VisitStatus }>> {
	const ctx = await visitContext(database, visitId);
	if (!ctx || !rolesInVisit(ctx, scope).host) return rejected({ _form: 'Only the host team can confirm this visit' });
	if (ctx.visit.status !== 'pending_host') return rejected({ _form: 'This visit is not waiting for the host' });
	const status: VisitStatus = confirm ? 'confirmed' : 'declined';
	await setStatus(
		database,
		ctx.visit,
		confirm
			? { status, confirmed_by: scope.personId, confirmed_at: now.toISOString() }
			: { status, decline_reason: reason || 'Declined by the host' },
		now
	);
	return { ok: true, status };
}

/** The visitor cancels; the place goes back to the slot. */
export async function cancelVisit(
	database: Db,
	visitorId: string,
	visitId: string,
	now: Date
): Promise<ServiceResult<object>> {
	const ctx = await visitContext(database, visitId);
	if (!ctx || ctx.visitor.id !== visitorId) return rejected({ _form: 'Only the visitor can cancel this visit' });
	if (!ACTIVE_STATUSES.includes(ctx.visit.status)) return rejected({ _form: 'This visit is not active' });
	if (ctx.visit.starts_at <= now.toISOString()) return rejected({ _form: 'The visit has already started' });
	await setStatus(database, ctx.visit, { status: 'cancelled' }, now);
	return { ok: true };
}

export async function saveReflection(
	database: Db,
	visitorId: string,
	visitId: string,
	input: z.infer<typeof reflectionSchema>,
	now: Date
): Promise<ServiceResult<object>> {
	const ctx = await visitContext(database, visitId);
	if (!ctx || ctx.visitor.id !== visitorId) return rejected({ _form: 'Only the visitor writes the reflection' });
	if (ctx.visit.status !== 'confirmed' || ctx.visit.ends_at > now.toISOString())
		return rejected({ _form: 'Write your reflection after the visit' });
	await database
		.updateTable('shadow_visits')
		.set({
			reflection_learned: input.learned,
			reflection_impact: input.impact,
			reflection_change: input.change,
			reflected_at: now.toISOString(),
			updated_at: now.toISOString()
		})
		.where('id', '=', visitId)
		.execute();
	return { ok: true };
}

export async function saveHostFeedback(
	database: Db,
	scope: Scope,
	visitId: string,
	feedback: string,
	now: Date
): Promise<ServiceResult<object>> {
	const ctx = await visitContext(database, visitId);
	if (!ctx || !rolesInVisit(ctx, scope).host) return rejected({ _form: 'Only the host team leaves feedback' });
	if (ctx.visit.status !== 'confirmed' || ctx.visit.ends_at > now.toISOString())
		return rejected({ _form: 'Leave feedback after the visit' });
	await database
		.updateTable('shadow_visits')
		.set({ host_feedback: feedback, host_feedback_at: now.toISOString(), updated_at: now.toISOString() })
		.where('id', '=', visitId)
		.execute();
	return { ok: true };
}
