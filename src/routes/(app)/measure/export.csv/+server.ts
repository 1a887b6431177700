import { csvResponse } from '$lib/server/csv';
import { db } from '$lib/server/db';
import { requireCapability } from '$lib/server/policy';
import { exportScorecards } from '$lib/server/scorecards/export';
import { readLeaderQuery } from '$lib/server/scorecards/leader-view';
import { canOpenScorecards } from '$lib/server/scorecards/policy';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** The /measure table as CSV, for the same month and filters, every matching team (not one page). */
export const GET: RequestHandler = async ({ locals, url }) => {
	const actor = requireCapability(locals, canOpenScorecards, m.measure_scorecards_forbidden());
	const now = new Date();
	const query = readLeaderQuery(url, now, actor.timeZone);
	const { csv, unitName } = await exportScorecards(db(), actor, query, now);
	return csvResponse(['scorecards', unitName ?? '', query.month], csv);
};
