import { error } from '@sveltejs/kit';
import { planForCalendar } from '$lib/server/buddies/pairs';
import { eventFile } from '$lib/server/calendar/ics';
import { buddyPlanItem } from '$lib/server/calendar/items';
import { db } from '$lib/server/db';
import { requireActor } from '$lib/server/policy';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const found = await planForCalendar(db(), requireActor(locals), params.id, params.planId);
	if (!found) error(404, 'We could not find that meeting.');
	return new Response(eventFile(buddyPlanItem(found.plan, found.members, found.cycleName, url.origin), 'Ripple'), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'attachment; filename="buddy-meeting.ics"'
		}
	});
};
