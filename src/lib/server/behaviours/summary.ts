import type { Db } from '../db';
import { teamRatingGroups } from './observation-queries';
import { listBehaviours } from './queries';

export interface BehaviourAggregate {
	behaviourId: string;
	slug: string;
	label: string;
	valueName: string;
	average: number | null;
	observations: number;
	raters: number;
}

/** Per team: every active behaviour with the average level, observation count and distinct raters of
 *  observations about the team's current active members with observed_on in [from, to). Self-ratings excluded. */
export async function teamBehaviourSummary(
	database: Db,
	teamIds: readonly string[],
	range: { from: string; to: string }
): Promise<Map<string, BehaviourAggregate[]>> {
	const teams = [...new Set(teamIds)];
	const summary = new Map<string, BehaviourAggregate[]>();
	if (teams.length === 0) return summary;
	// Two queries whatever the number of teams: the framework, and one grouped pass over the observations.
	const [behaviours, groups] = await Promise.all([listBehaviours(database), teamRatingGroups(database, teams, range)]);
	const byKey = new Map(groups.map((g) => [`${g.team_id} ${g.behaviour_id}`, g]));
	for (const teamId of teams) {
		summary.set(
			teamId,
			behaviours.map((b) => {
				const g = byKey.get(`${teamId} ${b.id}`);
				return {
					behaviourId: b.id,
					slug: b.slug,
					label: b.label,
					valueName: b.valueName,
					average: g ? Number(g.average) : null,
					observations: g ? Number(g.observations) : 0,
					raters: g ? Number(g.raters) : 0
				};
			})
		);
	}
	return summary;
}
