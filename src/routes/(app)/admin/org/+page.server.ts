import { error, fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { objectIdOf, parseForm, readForm } from '$lib/server/forms';
import { getTeam, getUnit, organisationChart } from '$lib/server/org/directory';
import { createTeam, createUnit, editTeam, editUnit, removeTeam, removeUnit } from '$lib/server/org/service';
import { defaultLocale, organisationLocale, setDefaultLocale } from '$lib/server/org/settings';
import { requireAdmin } from '$lib/server/policy';
import { isLocale } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { teamSchema, unitSchema } from '$lib/schemas/org';
import type { Actions, PageServerLoad } from './$types';
import { worded } from '$lib/server/service-result';

const defaultLanguageSchema = z.object({
	locale: z.string().refine(isLocale, { error: () => m.org_language_invalid() })
});

export const load: PageServerLoad = async ({ locals, url }) => {
	requireAdmin(locals);
	const [chart, language] = await Promise.all([organisationChart(db()), defaultLocale(db())]);
	return {
		...chart,
		defaultLanguage: language,
		editUnit: url.searchParams.get('unit'),
		editTeam: url.searchParams.get('team'),
		saved: url.searchParams.get('saved')
	};
};

/** The unit or team a form names; 404 when there is none. */
async function named(form: FormData, kind: 'unit' | 'team'): Promise<string> {
	const id = objectIdOf(form);
	const found = id && (kind === 'unit' ? await getUnit(db(), id) : await getTeam(db(), id));
	if (!found) error(404, kind === 'unit' ? m.admin_org_unit_not_found() : m.admin_org_team_not_found());
	return found.id;
}

export const actions: Actions = {
	defaultLanguage: async ({ locals, request }) => {
		const actor = requireAdmin(locals);
		const parsed = await readForm(request, defaultLanguageSchema);
		if (!parsed.ok) return fail(400, { form: 'defaultLanguage', values: parsed.values, errors: parsed.errors });
		await setDefaultLocale(db(), actor, parsed.data.locale, new Date());
		organisationLocale.set(parsed.data.locale);
		redirect(303, '/admin/org?saved=language');
	},
	createUnit: async ({ locals, request }) => {
		const actor = requireAdmin(locals);
		const parsed = await readForm(request, unitSchema);
		if (!parsed.ok) return fail(400, { form: 'newUnit', values: parsed.values, errors: parsed.errors });
		const result = await createUnit(db(), actor, parsed.data, new Date());
		if (!result.ok) return fail(400, { form: 'newUnit', values: parsed.values, errors: worded(result.errors) });
		redirect(303, '/admin/org?saved=unit');
	},
	updateUnit: async ({ locals, request }) => {
		const actor = requireAdmin(locals);
		const form = await request.formData();
		const id = await named(form, 'unit');
		const parsed = parseForm(unitSchema, form);
		if (!parsed.ok) return fail(400, { form: `unit:${id}`, values: parsed.values, errors: parsed.errors });
		const result = await editUnit(db(), actor, id, parsed.data, new Date());
		if (!result.ok) return fail(400, { form: `unit:${id}`, values: parsed.values, errors: worded(result.errors) });
		redirect(303, '/admin/org?saved=unit');
	},
	deleteUnit: async ({ locals, request }) => {
		const actor = requireAdmin(locals);
		const id = await named(await request.formData(), 'unit');
		const result = await removeUnit(db(), actor, id, new Date());
		if (!result.ok) return fail(400, { form: `unit:${id}`, values: {}, errors: worded(result.errors) });
		redirect(303, '/admin/org?saved=unitDeleted');
	},
	createTeam: async ({ locals, request }) => {
		const actor = requireAdmin(locals);
		const parsed = await readForm(request, teamSchema);
		if (!parsed.ok) return fail(400, { form: 'newTeam', values: parsed.values, errors: parsed.errors });
		const result = await createTeam(db(), actor, parsed.data, new Date());
		if (!result.ok) return fail(400, { form: 'newTeam', values: parsed.values, errors: worded(result.errors) });
		redirect(303, '/admin/org?saved=team');
	},
	updateTeam: async ({ locals, request }) => {
		const actor = requireAdmin(locals);
		const form = await request.formData();
		const id = await named(form, 'team');
		const parsed = parseForm(teamSchema, form);
		if (!parsed.ok) return fail(400, { form: `team:${id}`, values: parsed.values, errors: parsed.errors });
		const result = await editTeam(db(), actor, id, parsed.data, new Date());
		if (!result.ok) return fail(400, { form: `team:${id}`, values: parsed.values, errors: worded(result.errors) });
		redirect(303, '/admin/org?saved=team');
	},
	deleteTeam: async ({ locals, request }) => {
		const actor = requireAdmin(locals);
		const id = await named(await request.formData(), 'team');
		const result = await removeTeam(db(), actor, id, new Date());
		if (!result.ok) return fail(400, { form: `team:${id}`, values: {}, errors: worded(result.errors) });
		redirect(303, '/admin/org?saved=teamDeleted');
	}
};
