import type { Db } from '../db';
import { participationByTeam } from './pair-queries';

export interface BuddyParticipation {
	/** Active members in a pairing of a published cycle that overlaps the range. */
	paired: number;
	/** Meetings those pairings logged as held in the range; a pair across two teams counts for both. */
	meetings: number;
}

/** Buddy participation per team in `[from, to)` (calendar dates); teams without any count zero. */
export async function buddyParticipation(
	database: Db,
	teamIds: readonly string[],
	range: { from: string; to: string }
): Promise<Map<string, BuddyParticipation>> {
	const result = new Map<string, BuddyParticipation>(teamIds.map((id) => [id, { paired: 0, meetings: 0 }]));
	if (teamIds.length === 0) return result;
	const { paired, meetings } = await participationByTeam(database, teamIds, range);
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
