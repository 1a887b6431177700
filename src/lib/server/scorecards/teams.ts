import type { Actor } from '../auth/actor';
import type { Db } from '../db';
import { teamAccess, type TeamAccess } from '../metrics/policy';
import { getTeam, type TeamRow } from '../org/directory';

/**
 * A team whose Measure pages the actor opens, with what they may do there; undefined when the team
 * does not exist or is outside their scope (both 404).
 */
export async function measuredTeam(
	database: Db,
	actor: Actor,
	teamId: string
): Promise<{ team: TeamRow; access: TeamAccess } | undefined> {
	const team = await getTeam(database, teamId);
	const access = team && teamAccess(actor.scope, team);
	return team && access?.see ? { team, access } : undefined;
}
