import { requireAdmin } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { personalDataDownload } from '$lib/server/people/personal-data-download';
import type { RequestHandler } from './$types';

/** Everything Ripple holds about a person, for an admin answering a data request. */
export const GET: RequestHandler = async ({ locals, params, getClientAddress }) => {
	const admin = requireAdmin(locals);
	return personalDataDownload(db(), { id: admin.id, ip: getClientAddress() }, params.id, new Date());
};
