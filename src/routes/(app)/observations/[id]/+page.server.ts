import { error, fail, redirect } from '@sveltejs/kit';
import { requireActor, requireAllowed, requireFound } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { seesAllObservationsOf } from '$lib/server/behaviours/policy';
import {
	deleteObservation,
	observationForViewer,
	respondToObservation,
	responseSchema,
	seesObservationsOf
} from '$lib/server/behaviours/observations';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor(locals);
	const found = await observationForViewer(db(), actor.scope, params.id);
	if (!found) error(404, m.growth_observation_not_found());
	return {
		observation: found.observation,
		access: found.access,
		// Where "all observations about them" lives, for those who may read it.
		personPage: seesAllObservationsOf(actor.scope, found.person)
			? `/people/${found.person.personId}/observations`
			: null,
		isSubject: found.person.personId === actor.id,
		timeZone: actor.timeZone,
		saved: url.searchParams.get('saved')
	};
};

const notFound = () => m.growth_observation_not_found();

export const actions: Actions = {
	respond: async ({ locals, params, request }) => {
		const actor = requireActor(locals);
		// Only the person observed answers; anyone else is refused before the form is read.
		const found = requireFound(await observationForViewer(db(), actor.scope, params.id), notFound());
		requireAllowed(found.access.respond, m.growth_only_subject_responds());
		const parsed = await readForm(request, responseSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = await respondToObservation(db(), actor, params.id, parsed.data.response, new Date());
		if (!result.ok) error(404, notFound());
		redirect(303, `/observations/${params.id}?saved=responded`);
	},
	delete: async ({ locals, params }) => {
		const actor = requireActor(locals);
		const found = requireFound(await observationForViewer(db(), actor.scope, params.id), notFound());
		requireAllowed(found.access.remove, m.growth_only_author_or_admin_deletes());
		const result = await deleteObservation(db(), actor, params.id, new Date());
		// Someone else deleted it in the meantime.
		if (!result.ok) error(404, notFound());
		const seesAll = result.personId !== actor.id && (await seesObservationsOf(db(), actor.scope, result.personId));
		redirect(303, seesAll ? `/people/${result.personId}/observations?deleted=1` : '/growth?deleted=1');
	}
};
