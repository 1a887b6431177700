import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { eventFile } from '$lib/server/calendar/ics';
import { visitItem } from '$lib/server/calendar/items';
import { db } from '$lib/server/db';
import { requireActor } from '$lib/server/policy';
import { visitFor } from '$lib/server/shadowing/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const ctx = await visitFor(db(), requireActor(locals), params.id);
	if (!ctx) error(404, m.connect_visit_not_found());
	return new Response(eventFile(visitItem(ctx, url.origin), 'Ripple'), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="shadowing-${ctx.team.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.ics"`
		}
	});
};
