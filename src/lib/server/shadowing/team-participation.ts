import type { Db } from '../db';
import { completedVisitsByTeam } from './queries';

export interface ShadowingParticipation {
	/** Active members who completed a visit to another team. */
	visitors: number;
	/** Visits other people completed with this team as host. */
	hosted: number;
}

/**
 * Completed job-shadowing per team: confirmed visits that ended in `[from, to)`. Callers pass a
 * `to` no later than now, so a visit still to come never counts as done.
 */
export async function shadowingParticipation(
	database: Db,
	teamIds: readonly string[],
	range: { from: string; to: string }
): Promise<Map<string, ShadowingParticipation>> {
	const result = new Map<string, ShadowingParticipation>(teamIds.map((id) => [id, { visitors: 0, hosted: 0 }]));
	if (teamIds.length === 0) return result;
	const { visitors, hosted } = await completedVisitsByTeam(database, teamIds, range);
	for (const row of visitors) {
		const entry = row.team_id ? result.get(row.team_id) : undefined;
		if (entry) entry.visitors = Number(row.n);
	}
	for (const row of hosted) {
		const entry = result.get(row.team_id);
		if (entry) entry.hosted = Number(row.n);
	}
	return result;
}
