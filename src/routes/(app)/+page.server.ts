import { requireUser } from '$lib/server/auth/current-user';
import { requireActor } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { myLearning } from '$lib/server/learning/my-learning';
import { homeOverview } from '$lib/server/people/overview';
import { rolesOf } from '$lib/server/people/rules';
import { waitingFor } from '$lib/server/waiting';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals);
	const now = new Date();
	const [overview, waiting] = await Promise.all([
		homeOverview(db(), requireUser(locals)),
		waitingFor(db(), actor, now)
	]);
	const learning = await myLearning(db(), actor, overview.myTeam, now);
	return {
		overview,
		waiting,
		learning,
		roles: rolesOf(actor.scope),
		timeZone: actor.timeZone,
		welcome: url.searchParams.has('welcome')
	};
};
