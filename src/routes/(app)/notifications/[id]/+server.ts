import { redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { openNotification } from '$lib/server/notifications/centre';
import { requireActor, requireFound } from '$lib/server/policy';
import { returnPath } from '$lib/server/return-path';
import type { RequestHandler } from './$types';

/** Opening a notification marks it read and leads to what it is about. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const actor = requireActor(locals);
	const href = requireFound(await openNotification(db(), actor, params.id, new Date()));
	// Hrefs are Ripple's own paths, written by the server; parsed all the same, as every redirect is.
	redirect(303, returnPath(href, url.origin));
};
