import { fail } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import {
	deliveryCounts,
	deliveryLog,
	deliveryStatuses,
	logCategories,
	saveOrganisationDefaults,
	sendTestEmail,
	type LogFilters
} from '$lib/server/notifications/admin';
import { organisationDefaults } from '$lib/server/notifications/preferences';
import { requireAdmin } from '$lib/server/policy';
import { notificationDefaultsSchema } from '$lib/schemas/notification-defaults';
import { pageCount, pageFrom } from '$lib/paging';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 50;

/** The log's filters from the query string; anything unknown means no filter. */
function filtersFrom(url: URL): LogFilters {
	const category = url.searchParams.get('category') ?? '';
	const status = url.searchParams.get('status') ?? '';
	return {
		person: (url.searchParams.get('person') ?? '').slice(0, 200),
		category: (logCategories as readonly string[]).includes(category) ? (category as LogFilters['category']) : null,
		status: (deliveryStatuses as readonly string[]).includes(status) ? (status as LogFilters['status']) : null
	};
}

/** Where mail goes, without the credentials the URL may carry. */
function mailServer(): string | null {
	const url = config.smtpUrl;
	if (!url) return null;
	try {
		const parsed = new URL(url);
		return `${parsed.protocol}//${parsed.host}`;
	} catch {
		return '—';
	}
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireAdmin(locals);
	const filters = filtersFrom(url);
	const paging = pageFrom(url, PAGE_SIZE);
	const [defaults, counts, log] = await Promise.all([
		organisationDefaults(db()),
		deliveryCounts(db()),
		deliveryLog(db(), filters, paging)
	]);
	return {
		defaults,
		counts,
		mail: { server: mailServer(), from: config.mailFrom, worker: config.notificationsWorker },
		filters,
		statuses: deliveryStatuses,
		categories: logCategories,
		log: log.rows,
		total: log.total,
		page: paging.page,
		pageCount: pageCount(log.total, PAGE_SIZE),
		timeZone: actor.timeZone
	};
};

export const actions: Actions = {
	defaults: async ({ locals, request }) => {
		const actor = requireAdmin(locals);
		const parsed = await readForm(request, notificationDefaultsSchema);
		if (!parsed.ok) return fail(400, { defaults: { values: parsed.values, errors: parsed.errors } });
		const d = parsed.data;
		await saveOrganisationDefaults(
			db(),
			actor,
			{
				learning: { enabled: d.learning_enabled, mode: d.learning_mode },
				buddies: { enabled: d.buddies_enabled, mode: d.buddies_mode },
				shadowing: { enabled: d.shadowing_enabled, mode: d.shadowing_mode },
				sessions: { enabled: d.sessions_enabled, mode: d.sessions_mode },
				measure: { enabled: d.measure_enabled, mode: d.measure_mode }
			},
			new Date()
		);
		return { defaultsSaved: true };
	},
	test: async ({ locals }) => {
		const actor = requireAdmin(locals);
		await sendTestEmail(db(), actor, new Date());
		return { testQueued: true };
	}
};
