import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { homeOverview } from '$lib/server/people/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals);
	return {
		overview: await homeOverview(db(), user.scope),
		roles: user.roles,
		timeZone: user.timeZone,
		welcome: url.searchParams.has('welcome')
	};
};
