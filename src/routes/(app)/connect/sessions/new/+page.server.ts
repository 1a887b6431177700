import { fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { findModule } from '$lib/server/learning/content';
import { canOrganiseLunchSessions } from '$lib/server/lunch-and-learn/policy';
import { lunchSessionSchema, planLunchSession } from '$lib/server/lunch-and-learn/service';
import { requireCapability } from '$lib/server/policy';
import { worded } from '$lib/server/service-result';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const actor = requireCapability(locals, canOrganiseLunchSessions, m.connect_session_organisers_only());
	// "Run this as a lunch-and-learn" from a module's facilitator guide fills in its topic.
	const fromModule = findModule(url.searchParams.get('module') ?? '');
	const suggested = fromModule?.session
		? { ...fromModule.session, minutes: '60', module: { slug: fromModule.slug, title: fromModule.title } }
		: null;
	return { timeZone: actor.timeZone, email: locals.user?.email ?? '', suggested };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const actor = requireCapability(locals, canOrganiseLunchSessions, m.connect_session_organisers_only());
		const parsed = await readForm(request, lunchSessionSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = await planLunchSession(db(), actor, parsed.data, new Date());
		if (!result.ok) return fail(400, { values: parsed.values, errors: worded(result.errors) });
		redirect(303, `/connect/sessions/${result.id}?created=1`);
	}
};
