import { fail, redirect } from '@sveltejs/kit';
import { requireActor } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { hasFeed, issueFeedToken } from '$lib/server/calendar/items';
import { practiceLog } from '$lib/server/learning/service';
import { savePreferences } from '$lib/server/people/preferences';
import { recognitionWall } from '$lib/server/recognition/service';
import { visitStories } from '$lib/server/shadowing/service';
import { getPersonDetail, listGrants } from '$lib/server/people/directory';
import { preferencesSchema } from '$lib/schemas/people';
import { languages, timeZones } from '$lib/locale';
import { rolesOf } from '$lib/server/people/rules';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals);
	const [person, grants, practice, thanks, feed, visits] = await Promise.all([
		getPersonDetail(db(), actor.id),
		listGrants(db(), actor.id),
		practiceLog(db(), actor.id),
		recognitionWall(db(), { personId: actor.id }, { limit: 5, offset: 0 }),
		hasFeed(db(), actor.id),
		visitStories(db(), actor.id)
	]);
	return {
		person,
		grants,
		practised: practice,
		thanks,
		visits,
		hasFeed: feed,
		timeZone: actor.timeZone,
		roles: rolesOf(actor.scope),
		timeZones,
		languages,
		saved: url.searchParams.has('saved'),
		passwordChanged: url.searchParams.has('password')
	};
};

export const actions: Actions = {
	// The address holds the secret, so it is shown once, right after it is made.
	calendar: async ({ locals, url }) => {
		const actor = requireActor(locals);
		const token = await issueFeedToken(db(), actor.id, new Date());
		return { feedUrl: `${url.origin}/calendar/${token}.ics` };
	},
	preferences: async ({ locals, request }) => {
		const actor = requireActor(locals);
		const parsed = await readForm(request, preferencesSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		await savePreferences(db(), actor.id, parsed.data, new Date());
		redirect(303, '/profile?saved');
	}
};
