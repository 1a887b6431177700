import { fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { preferencesOf, savePreferences } from '$lib/server/notifications/preferences';
import { requireActor } from '$lib/server/policy';
import { notificationSettingsSchema } from '$lib/schemas/notifications';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals);
	const preferences = await preferencesOf(db(), actor.id);
	return { ...preferences, timeZone: actor.timeZone, saved: url.searchParams.has('saved') };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const actor = requireActor(locals);
		const parsed = await readForm(request, notificationSettingsSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		await savePreferences(db(), actor, parsed.data, new Date());
		redirect(303, '/notifications/settings?saved');
	}
};
