import { fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { canOrganiseLunchSessions } from '$lib/server/lunch-and-learn/policy';
import { lunchSessionSchema, planLunchSession } from '$lib/server/lunch-and-learn/service';
import { requireCapability } from '$lib/server/policy';
import type { Actions, PageServerLoad } from './$types';

const organisersOnly = 'Managers, leaders and admins plan sessions. Ask yours to put one on.';

export const load: PageServerLoad = ({ locals }) => {
	const actor = requireCapability(locals, canOrganiseLunchSessions, organisersOnly);
	return { timeZone: actor.timeZone, email: locals.user?.email ?? '' };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const actor = requireCapability(locals, canOrganiseLunchSessions, organisersOnly);
		const parsed = await readForm(request, lunchSessionSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = await planLunchSession(db(), actor, parsed.data, new Date());
		if (!result.ok) return fail(400, { values: parsed.values, errors: result.errors });
		redirect(303, `/connect/sessions/${result.id}?created=1`);
	}
};
