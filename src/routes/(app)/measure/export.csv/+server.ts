import { db } from '$lib/server/db';
import { scorecardCsv } from '$lib/server/scorecards/export';
import { leaderView, readLeaderQuery } from '$lib/server/scorecards/leader-view';
import { canOpenScorecards } from '$lib/server/scorecards/policy';
import { requireCapability } from '$lib/server/policy';
import { recordAudit } from '$lib/server/audit/log';
import { fileSlug } from '$lib/server/scorecards/csv';
import type { RequestHandler } from './$types';

/** The /measure table as CSV, for the same month and filters, every matching team (not one page). */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireCapability(locals, canOpenScorecards, 'Scorecards are for managers, leaders and admins.');
	const now = new Date();
	const query = readLeaderQuery(url, now, user.timeZone);
	const view = await leaderView(db(), user.scope, query, now);
	const csv = scorecardCsv(view);
	await recordAudit(db(), {
		actorId: user.id,
		action: 'scorecard.exported',
		objectType: 'team',
		objectId: null,
		summary: `Exported scorecards for ${query.month}: ${view.rows.length} team${view.rows.length === 1 ? '' : 's'}${view.unit ? ` in ${view.unit.name}` : ''}`,
		details: {
			month: query.month,
			unit: view.unit?.id ?? null,
			kind: query.kind || null,
			status: query.status || null,
			watermelons_only: query.onlyWatermelons,
			teams: view.rows.length
		},
		ip: user.ip,
		at: now
	});
	const filename = `ripple-scorecards-${view.unit ? `${fileSlug(view.unit.name)}-` : ''}${query.month}.csv`;
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'no-store'
		}
	});
};
