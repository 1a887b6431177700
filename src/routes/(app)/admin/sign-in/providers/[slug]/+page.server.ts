import { fail, redirect } from '@sveltejs/kit';
import {
	checkProviderForm,
	deleteProvider,
	providerFormSchema,
	saveProvider,
	storedProviderForm
} from '$lib/server/auth/sso-admin';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { requireAdmin, requireFound } from '$lib/server/policy';
import { worded } from '$lib/server/service-result';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	requireAdmin(locals);
	const stored = requireFound(await storedProviderForm(db(), params.slug));
	return { stored, origin: url.origin };
};

export const actions: Actions = {
	save: async ({ locals, request, params }) => {
		const actor = requireAdmin(locals);
		requireFound(await storedProviderForm(db(), params.slug));
		const parsed = await readForm(request, providerFormSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = await saveProvider(db(), actor, parsed.data, params.slug, new Date());
		if (!result.ok) return fail(400, { values: parsed.values, errors: worded(result.errors) });
		redirect(303, '/admin/sign-in?saved=provider');
	},
	test: async ({ locals, request, params }) => {
		requireAdmin(locals);
		requireFound(await storedProviderForm(db(), params.slug));
		const parsed = await readForm(request, providerFormSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = await checkProviderForm(db(), parsed.data, params.slug);
		if (!result.ok) return fail(400, { values: parsed.values, errors: worded(result.errors) });
		return { values: parsed.values, tested: { keys: result.keys } };
	},
	delete: async ({ locals, params }) => {
		const actor = requireAdmin(locals);
		requireFound(await storedProviderForm(db(), params.slug));
		const result = await deleteProvider(db(), actor, params.slug, new Date());
		if (!result.ok) return fail(400, { deleteError: worded(result.errors)._form ?? '' });
		redirect(303, '/admin/sign-in?saved=deleted');
	}
};
