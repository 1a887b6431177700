import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { personForViewer } from '$lib/server/people/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals);
	const found = await personForViewer(db(), user.scope, params.id);
	if (!found) error(404, 'We could not find that person.');
	return { ...found, isAdmin: user.scope.isAdmin, timeZone: user.timeZone };
};
