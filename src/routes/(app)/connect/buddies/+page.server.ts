import { error, fail, redirect } from '@sveltejs/kit';
import { myPairs } from '$lib/server/buddies/pairs';
import { canRunCycles } from '$lib/server/buddies/policy';
import { cyclesFor, getCycle, joinCycle, joinSchema } from '$lib/server/buddies/service';
import { db } from '$lib/server/db';
import { objectIdOf, parseForm } from '$lib/server/forms';
import { calendarDate } from '$lib/server/learning/rules';
import { requireActor } from '$lib/server/policy';
import { buddyTopics } from '$lib/buddies';
import { worded } from '$lib/server/service-result';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals);
	const today = calendarDate(new Date(), actor.timeZone);
	const [pairs, cycles] = await Promise.all([myPairs(db(), actor.id, today), cyclesFor(db(), actor)]);
	return {
		pairs,
		cycles,
		topics: buddyTopics,
		canRun: canRunCycles(actor.scope),
		timeZone: actor.timeZone,
		saved: url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	join: async ({ locals, request }) => {
		const actor = requireActor(locals);
		const form = await request.formData();
		const cycleId = objectIdOf(form, 'cycle_id');
		if (!(await getCycle(db(), cycleId))) error(404, m.connect_buddy_cycle_not_found());
		const parsed = parseForm(joinSchema, form);
		if (!parsed.ok) return fail(400, { cycleId, values: parsed.values, errors: parsed.errors });
		const result = await joinCycle(db(), actor, cycleId, parsed.data, new Date());
		if (!result.ok) return fail(400, { cycleId, values: parsed.values, errors: worded(result.errors) });
		redirect(303, '/connect/buddies?saved=joined');
	}
};
