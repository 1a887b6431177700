import { csvResponse } from '$lib/server/csv';
import { db } from '$lib/server/db';
import { canAssignTo } from '$lib/server/learning/policy';
import { exportTeamLearning } from '$lib/server/learning/team-export';
import { requireActor, requireAllowed, requireFound } from '$lib/server/policy';
import { measuredTeam } from '$lib/server/scorecards/teams';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** The team matrix as CSV: one row per person and module, for the team's managers and admins. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const actor = requireActor(locals);
	// Leaders above the team see it (403 for the export); anyone else does not (404).
	const { team } = requireFound(
		await measuredTeam(db(), actor, url.searchParams.get('team') ?? ''),
		m.learn_export_team_not_found()
	);
	requireAllowed(canAssignTo(actor.scope, team.id), m.learn_export_managers_only());
	const exported = requireFound(
		await exportTeamLearning(db(), actor, team.id, new Date()),
		m.learn_export_team_not_found()
	);
	return csvResponse(['learning', exported.teamName], exported.csv);
};
