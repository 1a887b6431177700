import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { observationFeed } from '$lib/server/behaviours/feed';
import type { PageServerLoad } from './$types';

/** A team's evidence: observations about its current members, for its managers, leaders above it and admins. */
export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const user = requireUser(locals);
	const { team, access } = await parent();
	if (!access.see) error(404, 'We could not find that team.');
	return { feed: await observationFeed(db(), { teamId: team.id }, url), timeZone: user.timeZone };
};
