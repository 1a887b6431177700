import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../db';
import type { BuddyFitCheckTable, BuddyMeetingTable, BuddyPlanTable } from '../db/schema';

/**
 * Repository functions for pairs once a cycle is published: the pair with its members, the
 * meetings they log, their fit checks and planned meetings, and participation counts per team.
 * Who may see or change a pair is ./policy.ts.
 */

/** A pair with its cycle, and its members with their placement and their profile in the cycle. */
export async function pairRecord(database: Db, pairId: string) {
	const pair = await database
		.selectFrom('buddy_pairs')
		.innerJoin('buddy_cycles', 'buddy_cycles.id', 'buddy_pairs.cycle_id')
		.select([
			'buddy_pairs.id',
			'buddy_pairs.cycle_id',
			'buddy_pairs.breakdown',
			'buddy_pairs.ended_at',
			'buddy_cycles.name as cycle_name',
			'buddy_cycles.status',
			'buddy_cycles.owner_id',
			'buddy_cycles.ends_on'
		])
		.where('buddy_pairs.id', '=', pairId)
		.executeTakeFirst();
	if (!pair) return undefined;
	const members = await database
		.selectFrom('buddy_pair_members')
		.innerJoin('people', 'people.id', 'buddy_pair_members.person_id')
		.leftJoin('teams', 'teams.id', 'people.team_id')
		.leftJoin('org_units', 'org_units.id', 'teams.org_unit_id')
		.leftJoin('buddy_participants', (join) =>
			join.onRef('buddy_participants.person_id', '=', 'people.id').on('buddy_participants.cycle_id', '=', pair.cycle_id)
		)
		.select([
			'people.id',
			'people.name',
			'people.email',
			'people.team_id',
			'people.manager_id',
			'teams.name as team',
			'org_units.path as unit_path',
			'buddy_participants.goals',
			'buddy_participants.learn',
			'buddy_participants.offer'
		])
		.where('buddy_pair_members.pair_id', '=', pairId)
		.orderBy('people.name')
		.execute();
	return { pair, members };
}

export type PairRecord = NonNullable<Awaited<ReturnType<typeof pairRecord>>>;

/** A pair's logged meetings, latest first, with who logged each. */
export async function meetingsOf(database: Db, pairId: string) {
	return database
		.selectFrom('buddy_meetings')
		.innerJoin('people', 'people.id', 'buddy_meetings.logged_by')
		.select([
			'buddy_meetings.id',
			'buddy_meetings.met',
			'buddy_meetings.met_on',
			'buddy_meetings.rating',
			'buddy_meetings.notes',
			'people.name as logged_by'
		])
		.where('pair_id', '=', pairId)
		.orderBy('met_on', 'desc')
		.execute();
}

export async function fitChecksOf(database: Db, pairId: string) {
	return database.selectFrom('buddy_fit_checks').selectAll().where('pair_id', '=', pairId).execute();
}

export async function insertMeeting(database: Db, meeting: Insertable<BuddyMeetingTable>): Promise<void> {
	await database.insertInto('buddy_meetings').values(meeting).execute();
}

/** Whether the buddies have logged a meeting that took place: the fit can be recorded from then on. */
export async function haveMet(database: Db, pairId: string): Promise<boolean> {
	const met = await database
		.selectFrom('buddy_meetings')
		.select('id')
		.where('pair_id', '=', pairId)
		.where('met', '=', 1)
		.executeTakeFirst();
	return met !== undefined;
}

/** Records a buddy's fit check, replacing the one they gave before. */
export async function saveFitCheck(database: Db, fit: Insertable<BuddyFitCheckTable>): Promise<void> {
	await database
		.insertInto('buddy_fit_checks')
		.values(fit)
		.onConflict((oc) =>
			oc.columns(['pair_id', 'person_id']).doUpdateSet({ fit: fit.fit, note: fit.note, created_at: fit.created_at })
		)
		.execute();
}

/** One row per other member of each published (or closed) pair a person is in, newest cycle first. */
export async function publishedPairsOf(database: Db, personId: string) {
	return database
		.selectFrom('buddy_pair_members as mine')
		.innerJoin('buddy_pairs', 'buddy_pairs.id', 'mine.pair_id')
		.innerJoin('buddy_cycles', 'buddy_cycles.id', 'buddy_pairs.cycle_id')
		.innerJoin('buddy_pair_members as other', 'other.pair_id', 'buddy_pairs.id')
		.innerJoin('people', 'people.id', 'other.person_id')
		.select([
			'buddy_pairs.id',
			'buddy_pairs.ended_at',
			'buddy_cycles.name as cycle',
			'buddy_cycles.ends_on',
			'buddy_cycles.starts_on',
			'people.name',
			'people.id as person_id'
		])
		.where('mine.person_id', '=', personId)
		.where('other.person_id', '!=', personId)
		.where('buddy_cycles.status', 'in', ['published', 'closed'])
		.orderBy('buddy_cycles.starts_on', 'desc')
		.execute();
}

/** Whether and when each of these pairs met, for their health. */
export async function meetingLogOf(database: Db, pairIds: readonly string[]) {
	if (pairIds.length === 0) return [];
	return database
		.selectFrom('buddy_meetings')
		.select(['pair_id', 'met', 'met_on'])
		.where('pair_id', 'in', pairIds)
		.execute();
}

/** A cycle's pairs, running ones and those ended by a re-pair (`ended_at`). */
export async function pairsEndedOrNotOfCycle(database: Db, cycleId: string) {
	return database.selectFrom('buddy_pairs').select(['id', 'ended_at']).where('cycle_id', '=', cycleId).execute();
}

/** The members of these pairs, by id and name. */
export async function membersOfPairs(database: Db, pairIds: readonly string[]) {
	return database
		.selectFrom('buddy_pair_members')
		.innerJoin('people', 'people.id', 'buddy_pair_members.person_id')
		.select(['pair_id', 'people.id', 'people.name'])
		.where('pair_id', 'in', pairIds)
		.execute();
}

export async function fitsOfPairs(database: Db, pairIds: readonly string[]) {
	if (pairIds.length === 0) return [];
	return database
		.selectFrom('buddy_fit_checks')
		.select(['pair_id', 'person_id', 'fit'])
		.where('pair_id', 'in', pairIds)
		.execute();
}

// ---------------------------------------------------------------------------------------------
// Planned meetings

export async function insertPlan(database: Db, plan: Insertable<BuddyPlanTable>): Promise<void> {
	await database.insertInto('buddy_plans').values(plan).execute();
}

/** Ends running pairs (a re-pair): they stay, with their meetings and fit checks, as history. */
export async function endPairs(database: Db, pairIds: readonly string[], at: string): Promise<void> {
	if (pairIds.length === 0) return;
	await database
		.updateTable('buddy_pairs')
		.set({ ended_at: at })
		.where('id', 'in', pairIds)
		.where('ended_at', 'is', null)
		.execute();
}

/** Cancels a planned meeting of this pair; the sequence moves on so calendars update it. */
export async function cancelPlanOfPair(database: Db, pairId: string, planId: string, at: string): Promise<void> {
	await database
		.updateTable('buddy_plans')
		.set((eb) => ({ cancelled_at: at, updated_at: at, sequence: eb('sequence', '+', 1) }))
		.where('id', '=', planId)
		.where('pair_id', '=', pairId)
		.execute();
}

/** Planned meetings of these pairs still to start and not cancelled. */
export async function upcomingPlansOfPairs(database: Db, pairIds: readonly string[], now: Date) {
	if (pairIds.length === 0) return [];
	return database
		.selectFrom('buddy_plans')
		.select(['id', 'pair_id', 'starts_at'])
		.where('pair_id', 'in', pairIds)
		.where('starts_at', '>', now.toISOString())
		.where('cancelled_at', 'is', null)
		.execute();
}

/** A pair's planned meetings that end at or after `since`, soonest first. */
export async function plansOf(database: Db, pairId: string, since: Date): Promise<Selectable<BuddyPlanTable>[]> {
	return database
		.selectFrom('buddy_plans')
		.selectAll()
		.where('pair_id', '=', pairId)
		.where('ends_at', '>=', since.toISOString())
		.orderBy('starts_at')
		.execute();
}

export async function getPlanOfPair(
	database: Db,
	pairId: string,
	planId: string
): Promise<Selectable<BuddyPlanTable> | undefined> {
	return database
		.selectFrom('buddy_plans')
		.selectAll()
		.where('id', '=', planId)
		.where('pair_id', '=', pairId)
		.executeTakeFirst();
}

/** Planned meetings, ending at or after `since`, of every pair a person is in, with the cycle's name. */
export async function plansOfMember(database: Db, personId: string, since: string) {
	return database
		.selectFrom('buddy_plans')
		.innerJoin('buddy_pair_members as mine', 'mine.pair_id', 'buddy_plans.pair_id')
		.innerJoin('buddy_pairs', 'buddy_pairs.id', 'buddy_plans.pair_id')
		.innerJoin('buddy_cycles', 'buddy_cycles.id', 'buddy_pairs.cycle_id')
		.selectAll('buddy_plans')
		.select('buddy_cycles.name as cycle_name')
		.where('mine.person_id', '=', personId)
		.where('buddy_plans.ends_at', '>=', since)
		.execute();
}

/** The members of these pairs with their email addresses, by name: calendar attendees. */
export async function contactsOfPairs(database: Db, pairIds: readonly string[]) {
	if (pairIds.length === 0) return [];
	return database
		.selectFrom('buddy_pair_members')
		.innerJoin('people', 'people.id', 'buddy_pair_members.person_id')
		.select(['buddy_pair_members.pair_id', 'people.id as person_id', 'people.name', 'people.email'])
		.where('buddy_pair_members.pair_id', 'in', pairIds)
		.orderBy('people.name')
		.execute();
}

// ---------------------------------------------------------------------------------------------
// Participation per team

/**
 * Per team, over the active members of the given teams who are in a pair of a published cycle
 * overlapping `[from, to)`: how many such people (`paired`) and how many distinct meetings their
 * pairs logged as held in the range (`meetings`). Two grouped queries whatever the number of teams.
 */
export async function participationByTeam(
	database: Db,
	teamIds: readonly string[],
	range: { from: string; to: string }
) {
	const livePairs = database
		.selectFrom('buddy_pair_members')
		.innerJoin('buddy_pairs', 'buddy_pairs.id', 'buddy_pair_members.pair_id')
		.innerJoin('buddy_cycles', 'buddy_cycles.id', 'buddy_pairs.cycle_id')
		.innerJoin('people', 'people.id', 'buddy_pair_members.person_id')
		.where('buddy_cycles.published_at', 'is not', null)
		.where('buddy_cycles.starts_on', '<', range.to)
		.where('buddy_cycles.ends_on', '>=', range.from)
		.where('people.team_id', 'in', teamIds)
		.where('people.active', '=', 1);
	const [paired, meetings] = await Promise.all([
		livePairs
			.select(['people.team_id', sql<number>`count(distinct people.id)`.as('n')])
			.groupBy('people.team_id')
			.execute(),
		livePairs
			.innerJoin('buddy_meetings', 'buddy_meetings.pair_id', 'buddy_pairs.id')
			.select(['people.team_id', sql<number>`count(distinct buddy_meetings.id)`.as('n')])
			.where('buddy_meetings.met', '=', 1)
			.where('buddy_meetings.met_on', '>=', range.from)
			.where('buddy_meetings.met_on', '<', range.to)
			.groupBy('people.team_id')
			.execute()
	]);
	return { paired, meetings };
}

/**
 * Pairs of published cycles still running, with their members, the cycle's owner and name, and
 * their meetings: what the buddy reminders look at.
 */
export async function livePairsForReminders(database: Db, today: string) {
	const pairs = await database
		.selectFrom('buddy_pairs')
		.innerJoin('buddy_cycles', 'buddy_cycles.id', 'buddy_pairs.cycle_id')
		.select(['buddy_pairs.id', 'buddy_cycles.name as cycle', 'buddy_cycles.owner_id', 'buddy_cycles.published_at'])
		.where('buddy_cycles.published_at', 'is not', null)
		.where('buddy_cycles.ends_on', '>=', today)
		.where('buddy_pairs.ended_at', 'is', null)
		.execute();
	const ids = pairs.map((p) => p.id);
	if (ids.length === 0) return [];
	const [members, meetings] = await Promise.all([
		membersOfPairs(database, ids),
		database.selectFrom('buddy_meetings').select(['pair_id', 'met', 'met_on']).where('pair_id', 'in', ids).execute()
	]);
	return pairs.map((p) => ({
		...p,
		members: members.filter((m) => m.pair_id === p.id).map((m) => ({ id: m.id, name: m.name })),
		meetings: meetings.filter((m) => m.pair_id === p.id)
	}));
}
