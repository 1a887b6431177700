import { error, fail, redirect } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import {
	behaviourDetail,
	behaviourSchema,
	setBehaviourArchived,
	updateBehaviour,
	valueChoices
} from '$lib/server/behaviours/framework';
import { modulesBuilding } from '$lib/server/behaviours/modules';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { isLocale } from '$lib/i18n/locales';
import type { Actions, PageServerLoad } from './$types';
import { worded } from '$lib/server/service-result';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireAdmin(locals);
	const asked = url.searchParams.get('language');
	const language = isLocale(asked) ? asked : getLocale();
	const [detail, values] = await Promise.all([
		behaviourDetail(db(), params.id, language),
		valueChoices(db(), language)
	]);
	if (!detail) error(404, m.growth_behaviour_not_found());
	const current = detail.versions.find((v) => v.version === detail.behaviour.currentVersion);
	if (!current) error(500, m.growth_behaviour_no_scale());
	return {
		...detail,
		current,
		values,
		modules: modulesBuilding(detail.behaviour.slug),
		language,
		saved: url.searchParams.get('saved'),
		version: url.searchParams.get('version'),
		timeZone: actor.timeZone
	};
};

export const actions: Actions = {
	update: async ({ locals, params, request }) => {
		const actor = requireAdmin(locals);
		const parsed = await readForm(request, behaviourSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = await updateBehaviour(db(), actor, params.id, parsed.data, new Date());
		if (!result.ok) return fail(400, { values: parsed.values, errors: worded(result.errors) });
		redirect(
			303,
			`/admin/behaviours/${params.id}?saved=${result.change}&version=${result.version}&language=${parsed.data.language}`
		);
	},
	archive: async ({ locals, params }) => {
		const actor = requireAdmin(locals);
		const result = await setBehaviourArchived(db(), actor, params.id, true, new Date());
		if (!result.ok) return fail(400, { values: {}, errors: worded(result.errors) });
		redirect(303, `/admin/behaviours/${params.id}?saved=archived`);
	},
	restore: async ({ locals, params }) => {
		const actor = requireAdmin(locals);
		const result = await setBehaviourArchived(db(), actor, params.id, false, new Date());
		if (!result.ok) return fail(400, { values: {}, errors: worded(result.errors) });
		redirect(303, `/admin/behaviours/${params.id}?saved=restored`);
	}
};
