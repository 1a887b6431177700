import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireActor } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { listObservations } from '$lib/server/behaviours/observations';
import { learningForManager } from '$lib/server/learning/person-learning';
import { personForViewer } from '$lib/server/people/access';
import { managesPerson } from '$lib/server/people/policy';
import { recognitionWall } from '$lib/server/recognition/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const found = await personForViewer(db(), actor.scope, params.id);
	if (!found) error(404, m.shell_person_not_found());
	const { person } = found;
	const manages = managesPerson(actor.scope, {
		personId: person.id,
		teamId: person.team_id,
		unitPath: person.unit_path,
		managerId: person.manager_id
	});
	// Whoever may open this page may read every observation about the person (observation-rules).
	const [learning, thanks, observations] = await Promise.all([
		manages ? learningForManager(db(), person.id) : null,
		recognitionWall(db(), { personId: person.id }, { limit: 5, offset: 0 }),
		listObservations(db(), { personId: person.id }, { limit: 3, offset: 0 })
	]);
	return {
		...found,
		learning,
		thanks,
		observations,
		isSelf: person.id === actor.id,
		isAdmin: actor.scope.isAdmin,
		timeZone: actor.timeZone
	};
};
