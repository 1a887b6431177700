import { error } from '@sveltejs/kit';
import { requireActor } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { observationFeed } from '$lib/server/behaviours/feed';
import { observationSource } from '$lib/server/behaviours/policy';
import { seesObservationsOf } from '$lib/server/behaviours/observations';
import { managesPerson } from '$lib/server/people/policy';
import { recognitionWall } from '$lib/server/recognition/service';
import { visitStories } from '$lib/server/shadowing/service';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/** Everything observed about one person, with their shadowing and recognition beside it. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor(locals);
	const person = await seesObservationsOf(db(), actor.scope, params.id);
	if (!person) error(404, m.growth_person_not_found());
	// Visits are read by the visitor, whoever approves them (their managers) and admins, as on the visit page.
	const readsVisits = actor.scope.isAdmin || person.personId === actor.id || managesPerson(actor.scope, person);
	const [feed, thanks, visits] = await Promise.all([
		observationFeed(db(), { personId: person.personId }, url),
		recognitionWall(db(), { personId: person.personId }, { limit: 5, offset: 0 }),
		readsVisits ? visitStories(db(), person.personId) : null
	]);
	return {
		person: { id: person.personId, name: person.name, teamName: person.teamName },
		isSelf: person.personId === actor.id,
		canAdd: observationSource(actor.scope, person) !== null,
		feed,
		thanks,
		visits,
		deleted: url.searchParams.has('deleted'),
		timeZone: actor.timeZone
	};
};
