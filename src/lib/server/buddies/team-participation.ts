import { sql } from 'kysely';
import type { Db } from '../db';

export interface BuddyParticipation {
	/** Active members in a pairing of a published cycle that overlaps the range. */
	paired: number;
	/** Meetings those pairings logged as held in the range; a pair across two teams counts for both. */
	meetings: number;
}

/** Buddy participation per team in `[from, to)` (calendar dates), from two grouped queries. */
export async function buddyParticipation(
	database: Db,
	teamIds: readonly string[],
	range: { from: string; to: string }
): Promise<Map<string, BuddyParticipation>> {
	const result = new Map<string, BuddyParticipation>(teamIds.map((id) => [id, { paired: 0, meetings: 0 }]));
	if (teamIds.length === 0) return result;
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
	for (const row of paired) {
		const entry = row.team_id ? result.get(row.team_id) : undefined;
		if (entry) entry.paired = Number(row.n);
	}
	for (const row of meetings) {
		const entry = row.team_id ? result.get(row.team_id) : undefined;
		if (entry) entry.meetings = Number(row.n);
	}
	return result;
}
