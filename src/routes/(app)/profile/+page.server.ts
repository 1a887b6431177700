import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { hasFeed, issueFeedToken } from '$lib/server/calendar/items';
import { findModule } from '$lib/server/learning/content';
import { practiceOf } from '$lib/server/learning/queries';
import { savePreferences } from '$lib/server/people/preferences';
import { recognitionWall } from '$lib/server/recognition/service';
import { visitStories } from '$lib/server/shadowing/queries';
import { getPersonDetail, listGrants } from '$lib/server/people/queries';
import { preferencesSchema } from '$lib/schemas/people';
import { languages, timeZones } from '$lib/locale';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals);
	const [person, grants, practice, thanks, feed, visits] = await Promise.all([
		getPersonDetail(db(), user.id),
		listGrants(db(), user.id),
		practiceOf(db(), user.id),
		recognitionWall(db(), { personId: user.id }, { limit: 5, offset: 0 }),
		hasFeed(db(), user.id),
		visitStories(db(), user.id)
	]);
	const practised = practice.map((p) => {
		const mod = findModule(p.module_slug);
		return {
			module: p.module_slug,
			title: mod?.practice.title ?? p.module_slug,
			moduleTitle: mod?.title ?? p.module_slug,
			note: p.note,
			doneAt: p.done_at
		};
	});
	return {
		person,
		grants,
		practised,
		thanks,
		visits,
		hasFeed: feed,
		timeZone: user.timeZone,
		roles: user.roles,
		timeZones,
		languages,
		saved: url.searchParams.has('saved'),
		passwordChanged: url.searchParams.has('password')
	};
};

export const actions: Actions = {
	// The address holds the secret, so it is shown once, right after it is made.
	calendar: async ({ locals, url }) => {
		const user = requireUser(locals);
		const token = await issueFeedToken(db(), user.id, new Date());
		return { feedUrl: `${url.origin}/calendar/${token}.ics` };
	},
	preferences: async ({ locals, request }) => {
		const user = requireUser(locals);
		const parsed = parseForm(preferencesSchema, await request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		await savePreferences(db(), user.id, parsed.data, new Date());
		redirect(303, '/profile?saved');
	}
};
