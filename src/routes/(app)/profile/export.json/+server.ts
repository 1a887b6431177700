import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { personalDataDownload } from '$lib/server/people/personal-data-download';
import type { RequestHandler } from './$types';

/** Everything Ripple holds about the signed-in person, for them to keep. */
export const GET: RequestHandler = async ({ locals, getClientAddress }) => {
	const user = requireUser(locals);
	return personalDataDownload(db(), { id: user.id, ip: getClientAddress() }, user.id, new Date());
};
