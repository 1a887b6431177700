import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { csvResponse } from '$lib/server/csv';
import { db } from '$lib/server/db';
import { exportScorecards } from '$lib/server/scorecards/export';
import { readLeaderQuery } from '$lib/server/scorecards/leader-view';
import { mayOpenScorecards } from '$lib/server/scorecards/service';
import type { RequestHandler } from './$types';

/** The /measure table as CSV, for the same month and filters, every matching team (not one page). */
export const GET: RequestHandler = async ({ locals, url, getClientAddress }) => {
	const user = requireUser(locals);
	if (!mayOpenScorecards(user.scope)) error(404, 'Not found');
	const now = new Date();
	const query = readLeaderQuery(url, now, user.timeZone);
	const { csv, unitName } = await exportScorecards(
		db(),
		{ id: user.id, ip: getClientAddress(), scope: user.scope },
		query,
		now
	);
	return csvResponse(['scorecards', unitName ?? '', query.month], csv);
};
