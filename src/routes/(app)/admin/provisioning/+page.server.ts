import { fail } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { requireAdmin } from '$lib/server/policy';
import { connectionFormSchema, createDirectory, listConnections } from '$lib/server/provisioning/admin';
import { baseUrlOf } from '$lib/server/provisioning/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireAdmin(locals);
	return {
		connections: await listConnections(db()),
		baseUrl: baseUrlOf(url),
		timeZone: actor.timeZone,
		saved: url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	// The token exists only in this response, so success renders it rather than redirecting.
	create: async ({ locals, request }) => {
		const actor = requireAdmin(locals);
		const parsed = await readForm(request, connectionFormSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const made = await createDirectory(db(), actor, parsed.data, new Date());
		return { created: { id: made.id, name: parsed.data.name, token: made.token } };
	}
};
