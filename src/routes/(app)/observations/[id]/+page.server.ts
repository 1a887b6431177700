import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { seesAllObservationsOf } from '$lib/server/behaviours/observation-rules';
import {
	deleteObservation,
	observationForViewer,
	respondToObservation,
	responseSchema,
	seesObservationsOf
} from '$lib/server/behaviours/observations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const found = await observationForViewer(db(), user.scope, params.id);
	if (!found) error(404, 'We could not find that observation.');
	return {
		observation: found.observation,
		access: found.access,
		// Where "all observations about them" lives, for those who may read it.
		personPage: seesAllObservationsOf(user.scope, found.person)
			? `/people/${found.person.personId}/observations`
			: null,
		isSubject: found.person.personId === user.id,
		timeZone: user.timeZone,
		saved: url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	respond: async ({ locals, params, request, getClientAddress }) => {
		const user = requireUser(locals);
		// Only the person observed answers; anyone else is refused before the form is read.
		const found = await observationForViewer(db(), user.scope, params.id);
		if (!found) error(404, 'We could not find that observation.');
		if (!found.access.respond) error(403, 'Only the person observed can respond.');
		const parsed = parseForm(responseSchema, await request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = await respondToObservation(
			db(),
			{ id: user.id, ip: getClientAddress(), scope: user.scope },
			params.id,
			parsed.data.response,
			new Date()
		);
		if (!result.ok) error(404, 'We could not find that observation.');
		redirect(303, `/observations/${params.id}?saved=responded`);
	},
	delete: async ({ locals, params, getClientAddress }) => {
		const user = requireUser(locals);
		const result = await deleteObservation(
			db(),
			{ id: user.id, ip: getClientAddress(), scope: user.scope },
			params.id,
			new Date()
		);
		if (!result.ok) error(404, 'We could not find that observation.');
		const seesAll = result.personId !== user.id && (await seesObservationsOf(db(), user.scope, result.personId));
		redirect(303, seesAll ? `/people/${result.personId}/observations?deleted=1` : '/growth?deleted=1');
	}
};
