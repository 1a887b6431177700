import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireActor } from '$lib/server/policy';
import { eventFile } from '$lib/server/calendar/ics';
import { lunchSessionItem } from '$lib/server/calendar/items';
import { db } from '$lib/server/db';
import { lunchSessionDetail } from '$lib/server/lunch-and-learn/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const actor = requireActor(locals);
	const detail = await lunchSessionDetail(db(), params.id, actor.id);
	if (!detail) error(404, m.connect_session_not_found());
	const organiser = { name: detail.session.organiser_name, email: detail.session.organiser_email };
	return new Response(eventFile(lunchSessionItem(detail.session, organiser, url.origin), 'Ripple'), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'attachment; filename="lunch-and-learn.ics"'
		}
	});
};
