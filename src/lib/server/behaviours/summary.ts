import type { Db } from '../db';
import { teamRatingGroups } from './observation-queries';
import { listBehaviours, type BehaviourSummary } from './queries';

export interface BehaviourAggregate {
	behaviourId: string;
	slug: string;
	label: string;
	valueName: string;
	average: number | null;
	observations: number;
	raters: number;
}

/** A team's figures for one behaviour: the average level, observation count and distinct raters. */
export interface BehaviourGroup {
	average: number;
	observations: number;
	raters: number;
}

/** Per team and behaviour id, from one grouped pass over the observations (see teamRatingGroups). */
export async function behaviourGroups(
	database: Db,
	teamIds: readonly string[],
	range: { from: string; to: string }
): Promise<Map<string, Map<string, BehaviourGroup>>> {
	const teams = [...new Set(teamIds)];
	const result = new Map<string, Map<string, BehaviourGroup>>(teams.map((id) => [id, new Map()]));
	if (teams.length === 0) return result;
	for (const g of await teamRatingGroups(database, teams, range))
		result.get(g.team_id!)?.set(g.behaviour_id, {
			average: Number(g.average),
			observations: Number(g.observations),
			raters: Number(g.raters)
		});
	return result;
}

/** Every active behaviour of the framework with a team's figures, zero where nobody rated it. */
export function summariseBehaviours(
	behaviours: readonly BehaviourSummary[],
	groups: ReadonlyMap<string, BehaviourGroup>
): BehaviourAggregate[] {
	return behaviours.map((b) => {
		const g = groups.get(b.id);
		return {
			behaviourId: b.id,
			slug: b.slug,
			label: b.label,
			valueName: b.valueName,
			average: g ? g.average : null,
			observations: g ? g.observations : 0,
			raters: g ? g.raters : 0
		};
	});
}

/** Per team: every active behaviour with the average level, observation count and distinct raters of
 *  observations about the team's current active members with observed_on in [from, to). Self-ratings excluded. */
export async function teamBehaviourSummary(
	database: Db,
	teamIds: readonly string[],
	range: { from: string; to: string }
): Promise<Map<string, BehaviourAggregate[]>> {
	// Two queries whatever the number of teams: the framework, and one grouped pass over the observations.
	const [behaviours, groups] = await Promise.all([listBehaviours(database), behaviourGroups(database, teamIds, range)]);
	return new Map([...groups].map(([teamId, g]) => [teamId, summariseBehaviours(behaviours, g)]));
}
