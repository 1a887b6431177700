import { fail, redirect } from '@sveltejs/kit';
import { requireActor, requireAllowed, requireFound } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { objectIdOf, parseForm } from '$lib/server/forms';
import { myPairs } from '$lib/server/buddies/pairs';
import { modulesToSuggest, personBehaviourRatings } from '$lib/server/behaviours/growth';
import {
	listObservations,
	observationForViewer,
	respondToObservation,
	responseSchema
} from '$lib/server/behaviours/observations';
import { myLearning } from '$lib/server/learning/my-learning';
import { calendarDate } from '$lib/server/learning/rules';
import { getPersonDetail } from '$lib/server/people/directory';
import { recognitionWall } from '$lib/server/recognition/service';
import { visitStories } from '$lib/server/shadowing/service';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { worded } from '$lib/server/service-result';

const LATEST = 5;

/** "My growth": how the signed-in person is seen and what they are doing about it, all in one place. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals);
	const now = new Date();
	const person = await getPersonDetail(db(), actor.id);
	const [observations, given, ratings, thanks, learning, visits, pairs] = await Promise.all([
		listObservations(db(), { personId: actor.id }, { limit: LATEST, offset: 0 }),
		listObservations(db(), { authorId: actor.id, excludeSelf: true }, { limit: 5, offset: 0 }),
		personBehaviourRatings(db(), actor.id),
		recognitionWall(db(), { personId: actor.id }, { limit: 5, offset: 0 }),
		myLearning(
			db(),
			actor,
			person?.team_id && person.team_kind ? { id: person.team_id, kind: person.team_kind } : null,
			now
		),
		visitStories(db(), actor.id),
		myPairs(db(), actor.id, calendarDate(now, actor.timeZone))
	]);
	const completed = new Set(
		learning.completed.filter((mod) => mod.state.status === 'completed').map((mod) => mod.slug)
	);
	return {
		me: actor.id,
		observations,
		given,
		ratings,
		suggestions: modulesToSuggest(ratings, completed),
		thanks,
		learning: {
			assigned: [...learning.overdue, ...learning.dueSoon, ...learning.upcoming],
			inProgress: learning.inProgress.map((mod) => ({ slug: mod.slug, title: mod.title })),
			completed: learning.completed.map((mod) => ({
				slug: mod.slug,
				title: mod.title,
				completedAt: mod.state.completion?.completed_at ?? null,
				status: mod.state.status
			}))
		},
		visits,
		pairs,
		timeZone: actor.timeZone,
		notice: url.searchParams.has('responded') ? 'responded' : url.searchParams.has('deleted') ? 'deleted' : null
	};
};

export const actions: Actions = {
	respond: async ({ locals, request }) => {
		const actor = requireActor(locals);
		const form = await request.formData();
		const id = objectIdOf(form);
		// Only observations about oneself can be answered; any other id is refused before the text is read.
		const found = requireFound(await observationForViewer(db(), actor.scope, id), m.growth_observation_not_found());
		requireAllowed(found.access.respond, m.growth_only_subject_responds());
		const parsed = parseForm(responseSchema, form);
		if (!parsed.ok) return fail(400, { id, values: parsed.values, errors: parsed.errors });
		const result = await respondToObservation(db(), actor, id, parsed.data.response, new Date());
		if (!result.ok) return fail(400, { id, values: parsed.values, errors: worded(result.errors) });
		redirect(303, `/growth?responded=1#observation-${id}`);
	}
};
