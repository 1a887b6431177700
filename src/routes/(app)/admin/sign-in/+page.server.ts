import { fail, redirect } from '@sveltejs/kit';
import { enforcementSchema, setSsoEnforcement, ssoOverview } from '$lib/server/auth/sso-admin';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { requireAdmin } from '$lib/server/policy';
import { worded } from '$lib/server/service-result';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireAdmin(locals);
	return { overview: await ssoOverview(db(), url.origin), saved: url.searchParams.get('saved') };
};

export const actions: Actions = {
	enforce: async ({ locals, request }) => {
		const actor = requireAdmin(locals);
		const parsed = await readForm(request, enforcementSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = await setSsoEnforcement(db(), actor, parsed.data, new Date());
		if (!result.ok) return fail(400, { values: parsed.values, errors: worded(result.errors) });
		redirect(303, '/admin/sign-in?saved=enforcement');
	}
};
