import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { observationFeed } from '$lib/server/behaviours/feed';
import { observationSource } from '$lib/server/behaviours/observation-rules';
import { seesObservationsOf } from '$lib/server/behaviours/observations';
import { managesPerson } from '$lib/server/people/rules';
import { recognitionWall } from '$lib/server/recognition/service';
import { visitStories } from '$lib/server/shadowing/queries';
import type { PageServerLoad } from './$types';

/** Everything observed about one person, with their shadowing and recognition beside it. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const person = await seesObservationsOf(db(), user.scope, params.id);
	if (!person) error(404, 'We could not find that person.');
	// Visits are read by the visitor, whoever approves them (their managers) and admins, as on the visit page.
	const readsVisits = user.scope.isAdmin || person.personId === user.id || managesPerson(user.scope, person);
	const [feed, thanks, visits] = await Promise.all([
		observationFeed(db(), { personId: person.personId }, url),
		recognitionWall(db(), { personId: person.personId }, { limit: 5, offset: 0 }),
		readsVisits ? visitStories(db(), person.personId) : null
	]);
	return {
		person: { id: person.personId, name: person.name, teamName: person.teamName },
		isSelf: person.personId === user.id,
		canAdd: observationSource(user.scope, person) !== null,
		feed,
		thanks,
		visits,
		deleted: url.searchParams.has('deleted'),
		timeZone: user.timeZone
	};
};
