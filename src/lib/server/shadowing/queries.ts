import { sql } from 'kysely';
import type { Db } from '../db';
import type { NewShadowBlackout, NewShadowSlot, NewShadowVisit, ShadowVisitUpdate, VisitStatus } from '../db/schema';
import type { Scope } from '../people/rules';
import { ACTIVE_STATUSES } from './rules';

export interface SlotFilters {
	teamId?: string;
	unitPath?: string;
	from?: string;
	to?: string;
}

/** Upcoming slots with places left and the viewer's own request, if any. */
export async function browseSlots(database: Db, filters: SlotFilters, viewerId: string, now: Date) {
	let query = database
		.selectFrom('shadow_slots')
		.innerJoin('teams', 'teams.id', 'shadow_slots.team_id')
		.innerJoin('org_units', 'org_units.id', 'teams.org_unit_id')
		.innerJoin('people as host', 'host.id', 'shadow_slots.host_id')
		.selectAll('shadow_slots')
		.select([
			'teams.name as team_name',
			'teams.kind as team_kind',
			'org_units.name as unit_name',
			'host.name as host_name',
			'host.email as host_email'
		])
		.select((eb) =>
			eb
				.selectFrom('shadow_visits')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('shadow_visits.slot_id', '=', 'shadow_slots.id')
				.where('shadow_visits.status', 'in', ACTIVE_STATUSES)
				.as('taken')
		)
		.select((eb) =>
			eb
				.selectFrom('shadow_visits')
				.select('shadow_visits.status')
				.whereRef('shadow_visits.slot_id', '=', 'shadow_slots.id')
				.where('shadow_visits.visitor_id', '=', viewerId)
				.where('shadow_visits.status', 'in', ACTIVE_STATUSES)
				.limit(1)
				.as('mine')
		)
		.where('shadow_slots.cancelled_at', 'is', null)
		.where('shadow_slots.starts_at', '>', now.toISOString());
	if (filters.teamId) query = query.where('shadow_slots.team_id', '=', filters.teamId);
	if (filters.unitPath) query = query.where('org_units.path', 'like', `${filters.unitPath}%`);
	if (filters.from) query = query.where('shadow_slots.starts_at', '>=', `${filters.from}T00:00:00.000Z`);
	if (filters.to) query = query.where('shadow_slots.starts_at', '<=', `${filters.to}T23:59:59.999Z`);
	const rows = await query.orderBy('shadow_slots.starts_at').limit(100).execute();
	return rows.map((r) => ({ ...r, taken: Number(r.taken ?? 0) }));
}

const visitColumns = [
	'shadow_visits.id',
	'shadow_visits.status',
	'shadow_visits.starts_at',
	'shadow_visits.ends_at',
	'shadow_visits.objectives',
	'shadow_visits.reflected_at',
	'shadow_visits.host_feedback_at',
	'teams.name as team_name',
	'visitor.name as visitor_name',
	'host.name as host_name'
] as const;

function visitsQuery(database: Db) {
	return database
		.selectFrom('shadow_visits')
		.innerJoin('shadow_slots', 'shadow_slots.id', 'shadow_visits.slot_id')
		.innerJoin('teams', 'teams.id', 'shadow_slots.team_id')
		.innerJoin('people as visitor', 'visitor.id', 'shadow_visits.visitor_id')
		.innerJoin('people as host', 'host.id', 'shadow_slots.host_id')
		.select(visitColumns);
}

export async function visitsOf(database: Db, personId: string) {
	return visitsQuery(database)
		.where('shadow_visits.visitor_id', '=', personId)
		.orderBy('shadow_visits.starts_at', 'desc')
		.limit(50)
		.execute();
}

/** What a manager has to act on, and their team's visits. */
export async function managerQueue(database: Db, scope: Scope) {
	const teams = scope.managedTeamIds;
	const [approvals, confirmations, teamVisits] = await Promise.all([
		visitsQuery(database)
			.where('shadow_visits.status', '=', 'pending_manager')
			// Nobody approves their own request, whatever teams they manage.
			.where('shadow_visits.visitor_id', '!=', scope.personId)
			.where((eb) => {
				const mine = [eb('visitor.manager_id', '=', scope.personId)];
				if (teams.length) mine.push(eb('visitor.team_id', 'in', teams));
				return eb.or(mine);
			})
			.orderBy('shadow_visits.starts_at')
			.execute(),
		visitsQuery(database)
			.where('shadow_visits.status', '=', 'pending_host')
			.where((eb) => {
				const mine = [eb('shadow_slots.host_id', '=', scope.personId)];
				if (teams.length) mine.push(eb('shadow_slots.team_id', 'in', teams));
				return eb.or(mine);
			})
			.orderBy('shadow_visits.starts_at')
			.execute(),
		teams.length
			? visitsQuery(database)
					.where('visitor.team_id', 'in', teams)
					.orderBy('shadow_visits.starts_at', 'desc')
					.limit(100)
					.execute()
			: Promise.resolve([])
	]);
	return { approvals, confirmations, teamVisits };
}

/** Upcoming slots of these teams, and those the person hosts in any team. */
export async function hostedSlots(database: Db, hosts: { teamIds: readonly string[]; hostId: string }, now: Date) {
	const { teamIds, hostId } = hosts;
	const rows = await database
		.selectFrom('shadow_slots')
		.innerJoin('teams', 'teams.id', 'shadow_slots.team_id')
		.innerJoin('people as host', 'host.id', 'shadow_slots.host_id')
		.select([
			'shadow_slots.id',
			'shadow_slots.starts_at',
			'shadow_slots.ends_at',
			'shadow_slots.capacity',
			'shadow_slots.cancelled_at',
			'teams.name as team_name',
			'host.name as host_name'
		])
		.select((eb) =>
			eb
				.selectFrom('shadow_visits')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('shadow_visits.slot_id', '=', 'shadow_slots.id')
				.where('shadow_visits.status', 'in', ACTIVE_STATUSES)
				.as('taken')
		)
		.where((eb) =>
			eb.or([
				eb('shadow_slots.host_id', '=', hostId),
				...(teamIds.length ? [eb('shadow_slots.team_id', 'in', teamIds)] : [])
			])
		)
		.where('shadow_slots.ends_at', '>', now.toISOString())
		.orderBy('shadow_slots.starts_at')
		.limit(100)
		.execute();
	return rows.map((r) => ({ ...r, taken: Number(r.taken ?? 0) }));
}

export async function blackoutsOf(database: Db, teamIds: readonly string[], today: string) {
	if (teamIds.length === 0) return [];
	return database
		.selectFrom('shadow_blackouts')
		.innerJoin('teams', 'teams.id', 'shadow_blackouts.team_id')
		.select([
			'shadow_blackouts.id',
			'shadow_blackouts.starts_on',
			'shadow_blackouts.ends_on',
			'shadow_blackouts.reason',
			'teams.name as team_name'
		])
		.where('shadow_blackouts.team_id', 'in', teamIds)
		.where('shadow_blackouts.ends_on', '>=', today)
		.orderBy('shadow_blackouts.starts_on')
		.execute();
}

/** Completed visits with reflections and host feedback, for the visitor's profile. */
export async function visitStories(database: Db, personId: string) {
	return database
		.selectFrom('shadow_visits')
		.innerJoin('shadow_slots', 'shadow_slots.id', 'shadow_visits.slot_id')
		.innerJoin('teams', 'teams.id', 'shadow_slots.team_id')
		.select([
			'shadow_visits.id',
			'shadow_visits.starts_at',
			'shadow_visits.reflection_learned',
			'shadow_visits.reflection_change',
			'shadow_visits.host_feedback',
			'teams.name as team_name'
		])
		.where('shadow_visits.visitor_id', '=', personId)
		.where('shadow_visits.status', '=', 'confirmed')
		.where((eb) =>
			eb.or([eb('shadow_visits.reflected_at', 'is not', null), eb('shadow_visits.host_feedback_at', 'is not', null)])
		)
		.orderBy('shadow_visits.starts_at', 'desc')
		.limit(20)
		.execute();
}

export async function insertSlot(database: Db, slot: NewShadowSlot): Promise<void> {
	await database.insertInto('shadow_slots').values(slot).execute();
}

export async function getSlot(database: Db, id: string) {
	return database.selectFrom('shadow_slots').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Slots a person hosts that have not begun and are still offered. */
export async function upcomingSlotIdsOf(database: Db, hostId: string, now: Date): Promise<string[]> {
	const rows = await database
		.selectFrom('shadow_slots')
		.select('id')
		.where('host_id', '=', hostId)
		.where('cancelled_at', 'is', null)
		.where('starts_at', '>', now.toISOString())
		.orderBy('starts_at')
		.execute();
	return rows.map((r) => r.id);
}

/** Takes a slot off offer; its row stays, so the visits on it keep their history. */
export async function withdrawSlot(database: Db, id: string, now: Date): Promise<void> {
	const at = now.toISOString();
	await database
		.updateTable('shadow_slots')
		.set((eb) => ({ cancelled_at: at, updated_at: at, sequence: eb('sequence', '+', 1) }))
		.where('id', '=', id)
		.where('cancelled_at', 'is', null)
		.execute();
}

/** The visits holding a place on a slot: pending or confirmed. */
export async function activeVisitsOn(database: Db, slotId: string) {
	return database
		.selectFrom('shadow_visits')
		.selectAll()
		.where('slot_id', '=', slotId)
		.where('status', 'in', ACTIVE_STATUSES)
		.execute();
}

export async function teamBlackouts(database: Db, teamId: string) {
	return database.selectFrom('shadow_blackouts').selectAll().where('team_id', '=', teamId).execute();
}

export async function insertBlackout(database: Db, blackout: NewShadowBlackout): Promise<void> {
	await database.insertInto('shadow_blackouts').values(blackout).execute();
}

/** Places a slot has given away: visits that are pending or confirmed. */
export async function placesTaken(database: Db, slotId: string): Promise<number> {
	const row = await database
		.selectFrom('shadow_visits')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('slot_id', '=', slotId)
		.where('status', 'in', ACTIVE_STATUSES)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** An active visit of this person's that overlaps the given time, if any. */
export async function clashingVisit(database: Db, visitorId: string, startsAt: string, endsAt: string) {
	return database
		.selectFrom('shadow_visits')
		.select('id')
		.where('visitor_id', '=', visitorId)
		.where('status', 'in', ACTIVE_STATUSES)
		.where('starts_at', '<', endsAt)
		.where('ends_at', '>', startsAt)
		.executeTakeFirst();
}

export async function insertVisit(database: Db, visit: NewShadowVisit): Promise<void> {
	await database.insertInto('shadow_visits').values(visit).execute();
}

export async function getVisit(database: Db, id: string) {
	return database.selectFrom('shadow_visits').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateVisit(database: Db, id: string, patch: ShadowVisitUpdate): Promise<void> {
	await database.updateTable('shadow_visits').set(patch).where('id', '=', id).execute();
}

/**
 * Moves a visit on only from the status it was read in, so two people deciding at once cannot both
 * win (the second finds nothing to update). True when this call moved it.
 */
export async function updateVisitFrom(
	database: Db,
	id: string,
	from: VisitStatus,
	patch: ShadowVisitUpdate
): Promise<boolean> {
	const result = await database
		.updateTable('shadow_visits')
		.set(patch)
		.where('id', '=', id)
		.where('status', '=', from)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** The visitor as approval needs them: team, line manager and unit. */
export async function visitorOf(database: Db, personId: string) {
	return database
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
		.where('people.id', '=', personId)
		.executeTakeFirst();
}

/** The host person and team of a slot. */
export async function hostOf(database: Db, slot: { host_id: string; team_id: string }) {
	const [host, team] = await Promise.all([
		database
			.selectFrom('people')
			.select(['id', 'name', 'email'])
			.where('id', '=', slot.host_id)
			.executeTakeFirstOrThrow(),
		database.selectFrom('teams').select(['id', 'name']).where('id', '=', slot.team_id).executeTakeFirstOrThrow()
	]);
	return { host, team };
}

/**
 * Visits a person makes or hosts that end at or after `since` and are pending, confirmed or
 * cancelled (declined ones never reached a calendar): what their calendar feed carries.
 */
export async function visitIdsOnCalendarOf(database: Db, personId: string, since: string): Promise<string[]> {
	const rows = await database
		.selectFrom('shadow_visits')
		.innerJoin('shadow_slots', 'shadow_slots.id', 'shadow_visits.slot_id')
		.select('shadow_visits.id')
		.where((eb) => eb.or([eb('shadow_visits.visitor_id', '=', personId), eb('shadow_slots.host_id', '=', personId)]))
		.where('shadow_visits.status', 'in', ['pending_host', 'pending_manager', 'confirmed', 'cancelled'])
		.where('shadow_visits.ends_at', '>=', since)
		.execute();
	return rows.map((v) => v.id);
}

/**
 * Confirmed visits that ended in `[from, to)`, per team: distinct active members of the given
 * teams who made one (`visitors`), and visits the teams hosted (`hosted`). Two grouped queries.
 */
export async function completedVisitsByTeam(
	database: Db,
	teamIds: readonly string[],
	range: { from: string; to: string }
) {
	const completed = database
		.selectFrom('shadow_visits')
		.where('shadow_visits.status', '=', 'confirmed')
		.where('shadow_visits.ends_at', '>=', range.from)
		.where('shadow_visits.ends_at', '<', range.to);
	const [visitors, hosted] = await Promise.all([
		completed
			.innerJoin('people', 'people.id', 'shadow_visits.visitor_id')
			.select(['people.team_id', sql<number>`count(distinct people.id)`.as('n')])
			.where('people.team_id', 'in', teamIds)
			.where('people.active', '=', 1)
			.groupBy('people.team_id')
			.execute(),
		completed
			.innerJoin('shadow_slots', 'shadow_slots.id', 'shadow_visits.slot_id')
			.select(['shadow_slots.team_id', (eb) => eb.fn.countAll<number>().as('n')])
			.where('shadow_slots.team_id', 'in', teamIds)
			.groupBy('shadow_slots.team_id')
			.execute()
	]);
	return { visitors, hosted };
}

/**
 * Visits that wait on a person, for their home page: requests they approve as the visitor's manager
 * (never their own), requests they confirm as the host or the host team's manager, and visits that
 * ended since `since` whose reflection (as the visitor) or feedback (as the host) they have not
 * written. Requests whose time has passed no longer wait on anyone.
 */
export async function visitsWaitingOn(database: Db, scope: Scope, since: string, now: string) {
	const teams = scope.managedTeamIds;
	const me = scope.personId;
	// One query for the four lists. Each branch of the union starts from an indexed side (the people
	// someone manages, the slots someone hosts, their own visits), so a person with nothing waiting
	// costs a few index lookups, not a pass over every visit: as one OR of the branches, PostgreSQL
	// read every visit (20,000 in the 100,000-person organisation) for each home page.
	const managed = database
		.selectFrom('people as managed')
		.select('managed.id')
		.where((eb) =>
			eb.or([eb('managed.manager_id', '=', me), ...(teams.length ? [eb('managed.team_id', 'in', teams)] : [])])
		);
	const hosted = database
		.selectFrom('shadow_slots as hosted')
		.select('hosted.id')
		.where((eb) =>
			eb.or([eb('hosted.host_id', '=', me), ...(teams.length ? [eb('hosted.team_id', 'in', teams)] : [])])
		);
	const visits = database.selectFrom('shadow_visits as v').select('v.id');
	const requested = (status: 'pending_manager' | 'pending_host') =>
		visits.where('v.status', '=', status).where('v.starts_at', '>', now);
	const finished = visits
		.where('v.status', '=', 'confirmed')
		.where('v.ends_at', '<=', now)
		.where('v.ends_at', '>=', since);
	const waiting = requested('pending_manager')
		.where('v.visitor_id', 'in', managed)
		.unionAll(requested('pending_host').where('v.slot_id', 'in', hosted))
		.unionAll(finished.where('v.visitor_id', '=', me))
		.unionAll(finished.where('v.slot_id', 'in', hosted));
	const rows = await visitsQuery(database)
		.select([
			'shadow_visits.visitor_id',
			'shadow_slots.host_id',
			'shadow_slots.team_id as host_team_id',
			'visitor.manager_id as visitor_manager_id',
			'visitor.team_id as visitor_team_id'
		])
		.where('shadow_visits.id', 'in', waiting)
		.orderBy('shadow_visits.starts_at')
		.limit(200)
		.execute();
	const upcoming = rows.filter((v) => v.starts_at > now);
	const ended = rows.filter((v) => v.status === 'confirmed' && v.ends_at <= now).reverse();
	return {
		// Nobody approves their own request, whatever teams they manage.
		approve: upcoming.filter(
			(v) =>
				v.status === 'pending_manager' &&
				v.visitor_id !== me &&
				(v.visitor_manager_id === me || (v.visitor_team_id !== null && teams.includes(v.visitor_team_id)))
		),
		confirm: upcoming.filter(
			(v) => v.status === 'pending_host' && (v.host_id === me || teams.includes(v.host_team_id))
		),
		reflect: ended.filter((v) => v.visitor_id === me && v.reflected_at === null),
		feedback: ended.filter((v) => v.host_id === me && v.host_feedback_at === null)
	};
}

/** Whether a person is the host of any slot that has a visit they could act on (the hosting page). */
export async function hostsVisits(database: Db, personId: string): Promise<boolean> {
	const row = await database
		.selectFrom('shadow_slots')
		.innerJoin('shadow_visits', 'shadow_visits.slot_id', 'shadow_slots.id')
		.select('shadow_slots.id')
		.where('shadow_slots.host_id', '=', personId)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

/** Confirmed visits that start or end between two instants, for reminders and follow-ups. */
export async function visitsBetween(database: Db, from: string, to: string) {
	return database
		.selectFrom('shadow_visits')
		.innerJoin('shadow_slots', 'shadow_slots.id', 'shadow_visits.slot_id')
		.innerJoin('teams', 'teams.id', 'shadow_slots.team_id')
		.innerJoin('people as visitor', 'visitor.id', 'shadow_visits.visitor_id')
		.select([
			'shadow_visits.id',
			'shadow_visits.visitor_id',
			'shadow_slots.host_id',
			'shadow_visits.starts_at',
			'shadow_visits.ends_at',
			'shadow_visits.reflected_at',
			'shadow_visits.host_feedback_at',
			'teams.name as team',
			'visitor.name as visitor'
		])
		.where('shadow_visits.status', '=', 'confirmed')
		.where((eb) =>
			eb.or([
				eb.and([eb('shadow_visits.starts_at', '>=', from), eb('shadow_visits.starts_at', '<=', to)]),
				eb.and([eb('shadow_visits.ends_at', '>=', from), eb('shadow_visits.ends_at', '<=', to)])
			])
		)
		.execute();
}
