import { csvResponse } from '$lib/server/csv';
import { db } from '$lib/server/db';
import { deliveryStatuses, exportDeliveryLog, logCategories, type LogFilters } from '$lib/server/notifications/admin';
import { requireAdmin } from '$lib/server/policy';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const actor = requireAdmin(locals);
	const category = url.searchParams.get('category') ?? '';
	const status = url.searchParams.get('status') ?? '';
	const filters: LogFilters = {
		person: (url.searchParams.get('person') ?? '').slice(0, 200),
		category: (logCategories as readonly string[]).includes(category) ? (category as LogFilters['category']) : null,
		status: (deliveryStatuses as readonly string[]).includes(status) ? (status as LogFilters['status']) : null
	};
	return csvResponse(['email-log'], await exportDeliveryLog(db(), actor, filters, new Date()));
};
