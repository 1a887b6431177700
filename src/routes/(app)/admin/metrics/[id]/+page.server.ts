import { error, fail, redirect } from '@sveltejs/kit';
import { listAuditEvents } from '$lib/server/audit/log';
import { requireAdmin } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import {
	computedMetricEditSchema,
	editMetric,
	getMetric,
	metricEditSchema,
	metricLanguages,
	metricTextIn,
	setMetricArchived,
	takesValues
} from '$lib/server/metrics/definitions';
import type { Actions, PageServerLoad } from './$types';
import { worded } from '$lib/server/service-result';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { isLocale } from '$lib/i18n/locales';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireAdmin(locals);
	const asked = url.searchParams.get('language');
	const language = isLocale(asked) ? asked : getLocale();
	const [metric, written, languages, history] = await Promise.all([
		getMetric(db(), params.id, language),
		metricTextIn(db(), params.id, language),
		metricLanguages(db(), params.id),
		listAuditEvents(db(), { objectId: params.id, limit: 8, offset: 0 })
	]);
	if (!metric) error(404, m.measure_admin_metric_not_found());
	return {
		metric: {
			id: metric.id,
			key: metric.key,
			name: metric.name,
			kind: metric.kind,
			period: metric.period,
			rollup: metric.rollup,
			source: metric.source,
			unit: metric.unit,
			direction: metric.direction,
			archived: metric.archived_at !== null,
			computed: !takesValues(metric)
		},
		language,
		/** The languages its texts are written in; the form starts from those in `language`, empty where none are yet. */
		writtenIn: languages,
		shown: written ? null : { name: metric.name, description: metric.description, unit: metric.unit },
		values: {
			name: written?.name ?? '',
			description: written?.description ?? '',
			unit: written?.unit ?? (takesValues(metric) ? '' : metric.unit),
			direction: metric.direction,
			target: metric.target === null ? '' : String(metric.target),
			amber_band: String(metric.amber_band),
			kind: metric.kind,
			period: metric.period,
			rollup: metric.rollup
		},
		history: history.rows.map((e) => ({ id: e.id, at: e.at, summary: e.summary, actor: e.actor_name })),
		timeZone: actor.timeZone
	};
};

export const actions: Actions = {
	update: async ({ locals, request, params }) => {
		const actor = requireAdmin(locals);
		const metric = await getMetric(db(), params.id);
		if (!metric) error(404, m.measure_admin_metric_not_found());
		const form = await request.formData();
		const parsed = takesValues(metric) ? parseForm(metricEditSchema, form) : parseForm(computedMetricEditSchema, form);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = await editMetric(db(), actor, metric.id, parsed.data, new Date());
		if (!result.ok) return fail(400, { values: parsed.values, errors: worded(result.errors) });
		redirect(303, `/admin/metrics?saved=updated&language=${parsed.data.language}`);
	},
	archive: async ({ locals, params }) => {
		const actor = requireAdmin(locals);
		const result = await setMetricArchived(db(), actor, params.id, true, new Date());
		if (!result.ok) error(404, m.measure_admin_metric_not_found());
		redirect(303, '/admin/metrics?saved=archived');
	},
	restore: async ({ locals, params }) => {
		const actor = requireAdmin(locals);
		const result = await setMetricArchived(db(), actor, params.id, false, new Date());
		if (!result.ok) error(404, m.measure_admin_metric_not_found());
		redirect(303, '/admin/metrics?saved=restored');
	}
};
