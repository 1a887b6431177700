import { db } from '$lib/server/db';
import { calendarDate } from '$lib/server/learning/rules';
import { metricsTemplate } from '$lib/server/metrics/csv';
import { takesValues } from '$lib/server/metrics/definitions';
import { listMetrics } from '$lib/server/metrics/definitions';
import { canImportMetrics, writableTeams } from '$lib/server/metrics/policy';
import { listTeams } from '$lib/server/org/directory';
import { requireCapability } from '$lib/server/policy';
import type { RequestHandler } from './$types';

/** A template to fill in: the viewer's teams and every active metric that takes values. */
export const GET: RequestHandler = async ({ locals }) => {
	const user = requireCapability(locals, canImportMetrics, 'Importing metrics is for team managers and admins.');
	const allowed = writableTeams(user.scope);
	const [teams, metrics] = await Promise.all([listTeams(db()), listMetrics(db())]);
	const csv = metricsTemplate(
		teams.filter((t) => allowed === 'all' || allowed.has(t.id)).map((t) => t.name),
		metrics.filter(takesValues),
		calendarDate(new Date(), user.timeZone)
	);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="ripple-metrics-template.csv"'
		}
	});
};
