import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { getTeam } from '$lib/server/org/queries';
import { teamAccess } from '$lib/server/scorecards/access';
import type { LayoutServerLoad } from './$types';

/** Every page about one team's measures: the team must exist and be in the viewer's scope, else 404. */
export const load: LayoutServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals);
	const team = await getTeam(db(), params.id);
	const access = team ? teamAccess(user.scope, team) : null;
	if (!team || !access?.see) error(404, 'We could not find that team.');
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
