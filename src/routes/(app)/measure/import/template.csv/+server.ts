import { csvResponse } from '$lib/server/csv';
import { db } from '$lib/server/db';
import { calendarDate } from '$lib/server/learning/rules';
import { canImportMetrics } from '$lib/server/metrics/policy';
import { metricsTemplateFor } from '$lib/server/metrics/values';
import { requireCapability } from '$lib/server/policy';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** A template to fill in: the viewer's teams and every active metric that takes values. */
export const GET: RequestHandler = async ({ locals }) => {
	const actor = requireCapability(locals, canImportMetrics, m.measure_import_forbidden());
	const csv = await metricsTemplateFor(db(), actor.scope, calendarDate(new Date(), actor.timeZone));
	return csvResponse(['metrics', 'template'], csv);
};
