import { fail, redirect } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { createMetric, newMetricSchema } from '$lib/server/metrics/definitions';
import { getLocale } from '$lib/paraglide/runtime';
import { isLocale } from '$lib/i18n/locales';
import type { Actions, PageServerLoad } from './$types';
import { worded } from '$lib/server/service-result';

export const load: PageServerLoad = ({ locals, url }) => {
	requireAdmin(locals);
	const asked = url.searchParams.get('language');
	return {
		language: isLocale(asked) ? asked : getLocale(),
		defaults: { direction: 'higher', amber_band: '0', kind: 'operational', period: 'month', rollup: 'mean' }
	};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const actor = requireAdmin(locals);
		const parsed = await readForm(request, newMetricSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = await createMetric(db(), actor, parsed.data, new Date());
		if (!result.ok) return fail(400, { values: parsed.values, errors: worded(result.errors) });
		redirect(303, '/admin/metrics?saved=created');
	}
};
