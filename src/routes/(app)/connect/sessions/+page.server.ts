import { requireActor } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { canOrganiseLunchSessions } from '$lib/server/lunch-and-learn/policy';
import { lunchSessionList } from '$lib/server/lunch-and-learn/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireActor(locals);
	return {
		...(await lunchSessionList(db(), actor.id, new Date())),
		canOrganise: canOrganiseLunchSessions(actor.scope),
		timeZone: actor.timeZone
	};
};
