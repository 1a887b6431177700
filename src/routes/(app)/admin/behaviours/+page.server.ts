import { error, fail, redirect } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { objectIdOf, parseForm, readForm } from '$lib/server/forms';
import {
	createValue,
	deleteValue,
	directionSchema,
	frameworkOverview,
	getValue,
	moveBehaviour,
	moveValue,
	updateValue,
	valueSchema,
	type Direction
} from '$lib/server/behaviours/framework';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { isLocale, supportedLocales } from '$lib/i18n/locales';
import type { Actions, PageServerLoad } from './$types';
import { worded } from '$lib/server/service-result';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireAdmin(locals);
	const asked = url.searchParams.get('language');
	const language = isLocale(asked) ? asked : getLocale();
	const values = await frameworkOverview(db(), language);
	return {
		values,
		/** The language the page's texts are written in, and the languages the whole framework is written in. */
		language,
		complete: supportedLocales.filter((l) =>
			values.every((v) => v.languages.includes(l) && v.behaviours.every((b) => b.languages.includes(l)))
		),
		editValue: url.searchParams.get('value'),
		saved: url.searchParams.get('saved')
	};
};

const directionOf = (form: FormData): Direction => {
	const parsed = parseForm(directionSchema, form);
	return parsed.ok ? parsed.data.direction : 'down';
};

export const actions: Actions = {
	createValue: async ({ locals, request }) => {
		const actor = requireAdmin(locals);
		const parsed = await readForm(request, valueSchema);
		if (!parsed.ok) return fail(400, { form: 'newValue', values: parsed.values, errors: parsed.errors });
		const result = await createValue(db(), actor, parsed.data, new Date());
		if (!result.ok) return fail(400, { form: 'newValue', values: parsed.values, errors: worded(result.errors) });
		redirect(303, `/admin/behaviours?saved=value&language=${parsed.data.language}`);
	},
	updateValue: async ({ locals, request }) => {
		const actor = requireAdmin(locals);
		const form = await request.formData();
		const id = objectIdOf(form);
		if (!(await getValue(db(), id))) error(404, m.growth_value_not_found());
		const parsed = parseForm(valueSchema, form);
		if (!parsed.ok) return fail(400, { form: `value:${id}`, values: parsed.values, errors: parsed.errors });
		const result = await updateValue(db(), actor, id, parsed.data, new Date());
		if (!result.ok) return fail(400, { form: `value:${id}`, values: parsed.values, errors: worded(result.errors) });
		redirect(303, `/admin/behaviours?saved=value&language=${parsed.data.language}`);
	},
	deleteValue: async ({ locals, request }) => {
		const actor = requireAdmin(locals);
		const id = objectIdOf(await request.formData());
		if (!(await getValue(db(), id))) error(404, m.growth_value_not_found());
		const result = await deleteValue(db(), actor, id, new Date());
		if (!result.ok) return fail(400, { form: `value:${id}`, values: {}, errors: worded(result.errors) });
		redirect(303, '/admin/behaviours?saved=valueDeleted');
	},
	moveValue: async ({ locals, request }) => {
		const actor = requireAdmin(locals);
		const form = await request.formData();
		const id = objectIdOf(form);
		if (!(await getValue(db(), id))) error(404, m.growth_value_not_found());
		const result = await moveValue(db(), actor, id, directionOf(form), new Date());
		if (!result.ok) return fail(400, { form: `value:${id}`, values: {}, errors: worded(result.errors) });
		redirect(303, `/admin/behaviours?saved=moved#value-${id}`);
	},
	moveBehaviour: async ({ locals, request }) => {
		const actor = requireAdmin(locals);
		const form = await request.formData();
		const id = objectIdOf(form);
		const result = await moveBehaviour(db(), actor, id, directionOf(form), new Date());
		if (!result.ok) return fail(400, { form: 'list', values: {}, errors: worded(result.errors) });
		redirect(303, '/admin/behaviours?saved=moved');
	}
};
