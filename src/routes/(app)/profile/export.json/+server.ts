import { requireActor } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { personalDataDownload } from '$lib/server/people/personal-data-download';
import type { RequestHandler } from './$types';

/** Everything Ripple holds about the signed-in person, for them to keep. */
export const GET: RequestHandler = async ({ locals }) => {
	const actor = requireActor(locals);
	return personalDataDownload(db(), actor, actor.id, new Date());
};
