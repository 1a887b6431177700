import { fail, redirect } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { behaviourSchema, createBehaviour, valueChoices } from '$lib/server/behaviours/framework';
import { getLocale } from '$lib/paraglide/runtime';
import { isLocale } from '$lib/i18n/locales';
import type { Actions, PageServerLoad } from './$types';
import { worded } from '$lib/server/service-result';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireAdmin(locals);
	const asked = url.searchParams.get('language');
	const language = isLocale(asked) ? asked : getLocale();
	const values = await valueChoices(db(), language);
	const chosen = values.find((v) => v.id === url.searchParams.get('value'));
	return { values, valueId: chosen?.id ?? '', language };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const actor = requireAdmin(locals);
		const parsed = await readForm(request, behaviourSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = await createBehaviour(db(), actor, parsed.data, new Date());
		if (!result.ok) return fail(400, { values: parsed.values, errors: worded(result.errors) });
		redirect(303, `/admin/behaviours/${result.id}?saved=created&language=${parsed.data.language}`);
	}
};
