import { requireActor } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { myLearning } from '$lib/server/learning/my-learning';
import { homeOverview } from '$lib/server/people/overview';
import { rolesOf } from '$lib/server/people/rules';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals);
	const overview = await homeOverview(db(), actor.scope);
	const learning = await myLearning(db(), actor, overview.myTeam, new Date());
	return {
		overview,
		learning,
		roles: rolesOf(actor.scope),
		timeZone: actor.timeZone,
		welcome: url.searchParams.has('welcome')
	};
};
