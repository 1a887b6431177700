import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { myLearning } from '$lib/server/learning/my-learning';
import { homeOverview } from '$lib/server/people/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals);
	const overview = await homeOverview(db(), user.scope);
	const learning = await myLearning(
		db(),
		{
			id: user.id,
			teamId: user.teamId,
			teamKind: overview.myTeam?.kind ?? null,
			timeZone: user.timeZone,
			isManager: user.scope.managedTeamIds.length > 0 || user.scope.ledUnitPaths.length > 0
		},
		new Date()
	);
	return {
		overview,
		learning,
		roles: user.roles,
		timeZone: user.timeZone,
		welcome: url.searchParams.has('welcome')
	};
};
