import type { Db } from '../db';
import { receivedByTeam } from './queries';

export interface RecognitionReceived {
	/** Recognitions that reached at least one active member of the team. */
	received: number;
	/** Of those, the ones given across departments. */
	crossDepartment: number;
}

/**
 * Recognition received by each team's active members in `[from, to)` (dates or instants). A
 * thank-you to two people in the same team counts once.
 */
export async function recognitionReceivedByTeam(
	database: Db,
	teamIds: readonly string[],
	range: { from: string; to: string }
): Promise<Map<string, RecognitionReceived>> {
	const result = new Map<string, RecognitionReceived>(teamIds.map((id) => [id, { received: 0, crossDepartment: 0 }]));
	if (teamIds.length === 0) return result;
	const rows = await receivedByTeam(database, teamIds, range);
	for (const row of rows) {
		if (row.team_id)
			result.set(row.team_id, { received: Number(row.received), crossDepartment: Number(row.cross_department) });
	}
	return result;
}
