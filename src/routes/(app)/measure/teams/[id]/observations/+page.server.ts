import { requireActor } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { observationFeed } from '$lib/server/behaviours/feed';
import type { PageServerLoad } from './$types';

/** A team's evidence: observations about its current members, for its managers, leaders above it and admins. */
export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const actor = requireActor(locals);
	// The layout has already answered 404 for a team the viewer may not see.
	const { team } = await parent();
	return { feed: await observationFeed(db(), { teamId: team.id }, url), timeZone: actor.timeZone };
};
