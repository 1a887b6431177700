import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { canOrganise, sessionList } from '$lib/server/lunch/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	return {
		...(await sessionList(db(), user.id, new Date())),
		canOrganise: canOrganise(user.scope),
		timeZone: user.timeZone
	};
};
