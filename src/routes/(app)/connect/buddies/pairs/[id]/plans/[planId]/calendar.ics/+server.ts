import { m } from '$lib/paraglide/messages';
import { pairAccessFor, planForCalendar } from '$lib/server/buddies/pairs';
import { eventFile } from '$lib/server/calendar/ics';
import { buddyPlanItem } from '$lib/server/calendar/items';
import { db } from '$lib/server/db';
import { requireActor, requireAllowed, requireFound } from '$lib/server/policy';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const actor = requireActor(locals);
	const access = requireFound(await pairAccessFor(db(), actor, params.id), m.connect_pair_not_found());
	requireAllowed(access.member, m.connect_pair_only_buddies_calendar());
	const found = requireFound(await planForCalendar(db(), actor, params.id, params.planId), m.connect_plan_not_found());
	return new Response(eventFile(buddyPlanItem(found.plan, found.members, found.cycleName, url.origin), 'Ripple'), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'attachment; filename="buddy-meeting.ics"'
		}
	});
};
