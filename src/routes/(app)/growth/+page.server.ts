import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
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
import { getPersonDetail } from '$lib/server/people/queries';
import { recognitionWall } from '$lib/server/recognition/service';
import { visitStories } from '$lib/server/shadowing/queries';
import type { Actions, PageServerLoad } from './$types';

const LATEST = 5;

/** "My growth": how the signed-in person is seen and what they are doing about it, all in one place. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals);
	const now = new Date();
	const person = await getPersonDetail(db(), user.id);
	const [observations, given, ratings, thanks, learning, visits, pairs] = await Promise.all([
		listObservations(db(), { personId: user.id }, { limit: LATEST, offset: 0 }),
		listObservations(db(), { authorId: user.id, excludeSelf: true }, { limit: 5, offset: 0 }),
		personBehaviourRatings(db(), user.id),
		recognitionWall(db(), { personId: user.id }, { limit: 5, offset: 0 }),
		myLearning(
			db(),
			{
				id: user.id,
				teamId: user.teamId,
				teamKind: person?.team_kind ?? null,
				timeZone: user.timeZone,
				isManager: user.scope.managedTeamIds.length > 0 || user.scope.ledUnitPaths.length > 0
			},
			now
		),
		visitStories(db(), user.id),
		myPairs(db(), user.id, calendarDate(now, user.timeZone))
	]);
	const completed = new Set(learning.completed.filter((m) => m.state.status === 'completed').map((m) => m.slug));
	return {
		me: user.id,
		observations,
		given,
		ratings,
		suggestions: modulesToSuggest(ratings, completed),
		thanks,
		learning: {
			assigned: [...learning.overdue, ...learning.dueSoon, ...learning.upcoming],
			inProgress: learning.inProgress.map((m) => ({ slug: m.slug, title: m.title })),
			completed: learning.completed.map((m) => ({
				slug: m.slug,
				title: m.title,
				completedAt: m.state.completion?.completed_at ?? null,
				status: m.state.status
			}))
		},
		visits,
		pairs,
		timeZone: user.timeZone,
		notice: url.searchParams.has('responded') ? 'responded' : url.searchParams.has('deleted') ? 'deleted' : null
	};
};

export const actions: Actions = {
	respond: async ({ locals, request, getClientAddress }) => {
		const user = requireUser(locals);
		const form = await request.formData();
		const id = String(form.get('id') ?? '');
		// Only observations about oneself can be answered; any other id is refused before the text is read.
		const found = await observationForViewer(db(), user.scope, id);
		if (!found?.access.respond) error(404, 'We could not find that observation.');
		const parsed = parseForm(responseSchema, form);
		if (!parsed.ok) return fail(400, { id, values: parsed.values, errors: parsed.errors });
		const result = await respondToObservation(
			db(),
			{ id: user.id, ip: getClientAddress(), scope: user.scope },
			id,
			parsed.data.response,
			new Date()
		);
		if (!result.ok) return fail(400, { id, values: parsed.values, errors: result.errors });
		redirect(303, `/growth?responded=1#observation-${id}`);
	}
};
