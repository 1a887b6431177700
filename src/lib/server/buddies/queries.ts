import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db';
import type { BuddyCycleTable, BuddyPairTable, BuddyParticipantTable } from '../db/schema';

/**
 * Repository functions for buddy cycles: the cycle and its units, participants and the proposed
 * pairs. Who may run, join or change a cycle is ./policy.ts; live pairs are ./pair-queries.ts.
 */

export async function getCycle(database: Db, cycleId: string): Promise<Selectable<BuddyCycleTable> | undefined> {
	return database.selectFrom('buddy_cycles').selectAll().where('id', '=', cycleId).executeTakeFirst();
}

export async function insertCycle(
	database: Db,
	cycle: Insertable<BuddyCycleTable>,
	unitIds: readonly string[]
): Promise<void> {
	await database.insertInto('buddy_cycles').values(cycle).execute();
	await database
		.insertInto('buddy_cycle_units')
		.values(unitIds.map((org_unit_id) => ({ cycle_id: cycle.id, org_unit_id })))
		.execute();
}

/** The paths of the units taking part in a cycle. */
export async function cycleUnitPaths(database: Db, cycleId: string): Promise<string[]> {
	const rows = await database
		.selectFrom('buddy_cycle_units')
		.innerJoin('org_units', 'org_units.id', 'buddy_cycle_units.org_unit_id')
		.select('org_units.path')
		.where('buddy_cycle_units.cycle_id', '=', cycleId)
		.execute();
	return rows.map((u) => u.path);
}

export async function markCyclePublished(database: Db, cycleId: string, at: string): Promise<void> {
	await database
		.updateTable('buddy_cycles')
		.set({ status: 'published', published_at: at })
		.where('id', '=', cycleId)
		.execute();
}

/** Cycles not yet closed, latest start first, at most twenty. */
export async function unclosedCycles(database: Db): Promise<Selectable<BuddyCycleTable>[]> {
	return database
		.selectFrom('buddy_cycles')
		.selectAll()
		.where('status', '!=', 'closed')
		.orderBy('starts_on', 'desc')
		.limit(20)
		.execute();
}

// ---------------------------------------------------------------------------------------------
// Participants

export async function isParticipant(database: Db, cycleId: string, personId: string): Promise<boolean> {
	const row = await database
		.selectFrom('buddy_participants')
		.select('person_id')
		.where('cycle_id', '=', cycleId)
		.where('person_id', '=', personId)
		.executeTakeFirst();
	return row !== undefined;
}

/** What a participant says about themselves; editable while the cycle is open. */
export type ParticipantProfile = Pick<
	Selectable<BuddyParticipantTable>,
	'goals' | 'learn' | 'offer' | 'interests' | 'hours_start' | 'hours_end' | 'time_zone'
>;

/** Adds a person who joins by themselves, or replaces the profile of one already in. */
export async function saveOwnParticipation(
	database: Db,
	cycleId: string,
	personId: string,
	profile: ParticipantProfile,
	joinedAt: string
): Promise<void> {
	await database
		.insertInto('buddy_participants')
		.values({
			cycle_id: cycleId,
			person_id: personId,
			...profile,
			nominated_by: null,
			excluded: 0,
			joined_at: joinedAt
		})
		.onConflict((oc) => oc.columns(['cycle_id', 'person_id']).doUpdateSet(profile))
		.execute();
}

/** Adds a nominee; someone already taking part stays as they are. */
export async function insertNominee(database: Db, participant: Insertable<BuddyParticipantTable>): Promise<void> {
	await database
		.insertInto('buddy_participants')
		.values(participant)
		.onConflict((oc) => oc.columns(['cycle_id', 'person_id']).doNothing())
		.execute();
}

export async function setParticipantExcluded(
	database: Db,
	cycleId: string,
	personId: string,
	excluded: boolean
): Promise<void> {
	await database
		.updateTable('buddy_participants')
		.set({ excluded: excluded ? 1 : 0 })
		.where('cycle_id', '=', cycleId)
		.where('person_id', '=', personId)
		.execute();
}

/** A person's participation in any of these cycles. */
export async function participationsOf(
	database: Db,
	personId: string,
	cycleIds: readonly string[]
): Promise<Selectable<BuddyParticipantTable>[]> {
	return database
		.selectFrom('buddy_participants')
		.selectAll()
		.where('person_id', '=', personId)
		.where('cycle_id', 'in', cycleIds.length ? cycleIds : [''])
		.execute();
}

/** The participants of a cycle, for its owner and for managers nominating their people. */
export async function participantsOf(database: Db, cycleId: string) {
	return database
		.selectFrom('buddy_participants')
		.innerJoin('people', 'people.id', 'buddy_participants.person_id')
		.leftJoin('teams', 'teams.id', 'people.team_id')
		.select([
			'people.id',
			'people.name',
			'teams.name as team',
			'buddy_participants.goals',
			'buddy_participants.excluded',
			'buddy_participants.nominated_by'
		])
		.where('buddy_participants.cycle_id', '=', cycleId)
		.orderBy('people.name')
		.execute();
}

/** Active participants of a cycle with what matching weighs: profile, manager and team kind. */
export async function participantsForMatching(database: Db, cycleId: string) {
	return database
		.selectFrom('buddy_participants')
		.innerJoin('people', 'people.id', 'buddy_participants.person_id')
		.leftJoin('teams', 'teams.id', 'people.team_id')
		.select([
			'buddy_participants.person_id',
			'buddy_participants.learn',
			'buddy_participants.offer',
			'buddy_participants.interests',
			'buddy_participants.hours_start',
			'buddy_participants.hours_end',
			'buddy_participants.time_zone',
			'buddy_participants.excluded',
			'people.name',
			'people.manager_id',
			'teams.kind'
		])
		.where('buddy_participants.cycle_id', '=', cycleId)
		.where('people.active', '=', 1)
		.execute();
}

/** Every member of every pair in published or closed cycles other than this one. */
export async function earlierPairings(database: Db, exceptCycleId: string) {
	return database
		.selectFrom('buddy_cycles')
		.innerJoin('buddy_pairs', 'buddy_pairs.cycle_id', 'buddy_cycles.id')
		.innerJoin('buddy_pair_members', 'buddy_pair_members.pair_id', 'buddy_pairs.id')
		.select([
			'buddy_cycles.id as cycle_id',
			'buddy_cycles.name',
			'buddy_cycles.starts_on',
			'buddy_pairs.id as pair_id',
			'buddy_pair_members.person_id'
		])
		.where('buddy_cycles.status', 'in', ['published', 'closed'])
		.where('buddy_cycles.id', '!=', exceptCycleId)
		.execute();
}

// ---------------------------------------------------------------------------------------------
// Proposed pairs

/** A cycle's pairs with their members' ids. */
export async function pairsOfCycle(database: Db, cycleId: string) {
	const pairs = await database.selectFrom('buddy_pairs').selectAll().where('cycle_id', '=', cycleId).execute();
	const members = pairs.length
		? await database
				.selectFrom('buddy_pair_members')
				.select(['pair_id', 'person_id'])
				.where(
					'pair_id',
					'in',
					pairs.map((p) => p.id)
				)
				.execute()
		: [];
	return pairs.map((p) => ({ ...p, members: members.filter((m) => m.pair_id === p.id).map((m) => m.person_id) }));
}

/** Removes every pair of a cycle (their members go with them). */
export async function deletePairsOfCycle(database: Db, cycleId: string): Promise<void> {
	await database.deleteFrom('buddy_pairs').where('cycle_id', '=', cycleId).execute();
}

export async function insertPair(
	database: Db,
	pair: Insertable<BuddyPairTable>,
	memberIds: readonly string[]
): Promise<void> {
	await database.insertInto('buddy_pairs').values(pair).execute();
	await database
		.insertInto('buddy_pair_members')
		.values(memberIds.map((person_id) => ({ pair_id: pair.id, person_id })))
		.execute();
}

export async function deletePair(database: Db, pairId: string): Promise<void> {
	await database.deleteFrom('buddy_pairs').where('id', '=', pairId).execute();
}

export async function setPairLocked(database: Db, cycleId: string, pairId: string, locked: boolean): Promise<void> {
	await database
		.updateTable('buddy_pairs')
		.set({ locked: locked ? 1 : 0 })
		.where('id', '=', pairId)
		.where('cycle_id', '=', cycleId)
		.execute();
}

/** Puts these people in the pair instead of its current members. */
export async function replacePairMembers(database: Db, pairId: string, memberIds: readonly string[]): Promise<void> {
	await database.deleteFrom('buddy_pair_members').where('pair_id', '=', pairId).execute();
	await database
		.insertInto('buddy_pair_members')
		.values(memberIds.map((person_id) => ({ pair_id: pairId, person_id })))
		.execute();
}

export async function updatePair(database: Db, pairId: string, patch: Updateable<BuddyPairTable>): Promise<void> {
	await database.updateTable('buddy_pairs').set(patch).where('id', '=', pairId).execute();
}
