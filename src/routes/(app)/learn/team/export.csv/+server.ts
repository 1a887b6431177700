import { csvResponse } from '$lib/server/csv';
import { db } from '$lib/server/db';
import { canAssignTo } from '$lib/server/learning/policy';
import { exportTeamLearning } from '$lib/server/learning/team-export';
import { requireActor, requireAllowed, requireFound } from '$lib/server/policy';
import { measuredTeam } from '$lib/server/scorecards/teams';
import type { RequestHandler } from './$types';

const notFound = 'We could not find that team.';

/** The team matrix as CSV: one row per person and module, for the team's managers and admins. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const actor = requireActor(locals);
	// Leaders above the team see it (403 for the export); anyone else does not (404).
	const { team } = requireFound(await measuredTeam(db(), actor, url.searchParams.get('team') ?? ''), notFound);
	requireAllowed(canAssignTo(actor.scope, team.id), 'Only the team’s managers export its learning.');
	const exported = requireFound(await exportTeamLearning(db(), actor, team.id, new Date()), notFound);
	return csvResponse(['learning', exported.teamName], exported.csv);
};
