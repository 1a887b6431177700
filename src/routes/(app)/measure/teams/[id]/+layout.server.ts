import { db } from '$lib/server/db';
import { requireActor, requireFound } from '$lib/server/policy';
import { measuredTeam } from '$lib/server/scorecards/teams';
import { m } from '$lib/paraglide/messages';
import type { LayoutServerLoad } from './$types';

/** Every page about one team's measures: the team must exist and be in the viewer's scope, else 404. */
export const load: LayoutServerLoad = async ({ locals, params }) => {
	const { team, access } = requireFound(
		await measuredTeam(db(), requireActor(locals), params.id),
		m.measure_team_not_found()
	);
	return {
		team: {
			id: team.id,
			name: team.name,
			kind: team.kind,
			unitName: team.unit_name,
			unitPath: team.unit_path,
			memberCount: team.member_count
		},
		access
	};
};
