import { requireAdmin } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { personalDataDownload } from '$lib/server/people/personal-data-download';
import type { RequestHandler } from './$types';

/** Everything Ripple holds about a person, for an admin answering a data request. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const actor = requireAdmin(locals);
	return personalDataDownload(db(), actor, params.id, new Date());
};
