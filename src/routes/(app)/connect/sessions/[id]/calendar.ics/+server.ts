import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { eventFile } from '$lib/server/calendar/ics';
import { sessionItem } from '$lib/server/calendar/items';
import { db } from '$lib/server/db';
import { sessionDetail } from '$lib/server/lunch/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const detail = await sessionDetail(db(), params.id, user.id);
	if (!detail) error(404, 'We could not find that session.');
	const organiser = { name: detail.session.organiser_name, email: detail.session.organiser_email };
	return new Response(eventFile(sessionItem(detail.session, organiser, url.origin), 'Ripple'), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'attachment; filename="lunch-and-learn.ics"'
		}
	});
};
