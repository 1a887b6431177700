import { sql } from 'kysely';
import type { Db } from '../db';

export interface ShadowingParticipation {
	/** Active members who completed a visit to another team. */
	visitors: number;
	/** Visits other people completed with this team as host. */
	hosted: number;
}

/**
 * Completed job-shadowing per team: confirmed visits that ended in `[from, to)`. Callers pass a
 * `to` no later than now, so a visit still to come never counts as done. Two grouped queries.
 */
export async function shadowingParticipation(
	database: Db,
	teamIds: readonly string[],
	range: { from: string; to: string }
): Promise<Map<string, ShadowingParticipation>> {
	const result = new Map<string, ShadowingParticipation>(teamIds.map((id) => [id, { visitors: 0, hosted: 0 }]));
	if (teamIds.length === 0) return result;
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
