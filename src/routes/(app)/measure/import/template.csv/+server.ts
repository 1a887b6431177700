import { csvResponse } from '$lib/server/csv';
import { db } from '$lib/server/db';
import { calendarDate } from '$lib/server/learning/rules';
import { metricsTemplateFor } from '$lib/server/metrics/values';
import { requireImporter } from '../access';
import type { RequestHandler } from './$types';

/** A template to fill in: the viewer's teams and every active metric that takes values. */
export const GET: RequestHandler = async ({ locals }) => {
	const user = requireImporter(locals);
	const csv = await metricsTemplateFor(db(), user.scope, calendarDate(new Date(), user.timeZone));
	return csvResponse(['metrics', 'template'], csv);
};
