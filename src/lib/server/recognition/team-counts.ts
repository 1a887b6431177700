import { sql } from 'kysely';
import type { Db } from '../db';

export interface RecognitionReceived {
	/** Recognitions that reached at least one active member of the team. */
	received: number;
	/** Of those, the ones given across departments. */
	crossDepartment: number;
}

/**
 * Recognition received by each team's active members in `[from, to)` (dates or instants), one
 * grouped query however many teams. A thank-you to two people in the same team counts once.
 */
export async function recognitionReceivedByTeam(
	database: Db,
	teamIds: readonly string[],
	range: { from: string; to: string }
): Promise<Map<string, RecognitionReceived>> {
	const result = new Map<string, RecognitionReceived>(teamIds.map((id) => [id, { received: 0, crossDepartment: 0 }]));
	if (teamIds.length === 0) return result;
	const rows = await database
		.selectFrom('recognition_recipients')
		.innerJoin('recognitions', 'recognitions.id', 'recognition_recipients.recognition_id')
		.innerJoin('people', 'people.id', 'recognition_recipients.person_id')
		.select([
			'people.team_id',
			sql<number>`count(distinct recognitions.id)`.as('received'),
			sql<number>`count(distinct case when recognitions.cross_department = 1 then recognitions.id end)`.as(
				'cross_department'
			)
		])
		.where('people.team_id', 'in', teamIds)
		.where('people.active', '=', 1)
		.where('recognitions.created_at', '>=', range.from)
		.where('recognitions.created_at', '<', range.to)
		.groupBy('people.team_id')
		.execute();
	for (const row of rows) {
		if (row.team_id)
			result.set(row.team_id, { received: Number(row.received), crossDepartment: Number(row.cross_department) });
	}
	return result;
}
