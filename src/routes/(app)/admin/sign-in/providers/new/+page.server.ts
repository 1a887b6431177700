import { fail, redirect } from '@sveltejs/kit';
import { checkProviderForm, providerFormSchema, saveProvider } from '$lib/server/auth/sso-admin';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { requireAdmin } from '$lib/server/policy';
import { worded } from '$lib/server/service-result';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireAdmin(locals);
	return { origin: url.origin };
};

export const actions: Actions = {
	save: async ({ locals, request }) => {
		const actor = requireAdmin(locals);
		const parsed = await readForm(request, providerFormSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = await saveProvider(db(), actor, parsed.data, null, new Date());
		if (!result.ok) return fail(400, { values: parsed.values, errors: worded(result.errors) });
		redirect(303, '/admin/sign-in?saved=provider');
	},
	test: async ({ locals, request }) => {
		requireAdmin(locals);
		const parsed = await readForm(request, providerFormSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = await checkProviderForm(db(), parsed.data, null);
		if (!result.ok) return fail(400, { values: parsed.values, errors: worded(result.errors) });
		return { values: parsed.values, tested: { keys: result.keys } };
	}
};
