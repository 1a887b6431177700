import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { eventFile } from '$lib/server/calendar/ics';
import { visitItem } from '$lib/server/calendar/items';
import { db } from '$lib/server/db';
import { rolesInVisit, visitContext } from '$lib/server/shadowing/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const ctx = await visitContext(db(), params.id);
	if (!ctx || !rolesInVisit(ctx, user.scope).any) error(404, 'We could not find that visit.');
	return new Response(eventFile(visitItem(ctx, url.origin), 'Ripple'), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="shadowing-${ctx.team.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.ics"`
		}
	});
};
