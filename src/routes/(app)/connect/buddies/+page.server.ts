import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { myPairs } from '$lib/server/buddies/pairs';
import { canRunCycles, cyclesFor, getCycle, joinCycle, joinSchema } from '$lib/server/buddies/service';
import { db } from '$lib/server/db';
import { firstErrors } from '$lib/server/forms';
import { calendarDate } from '$lib/server/learning/rules';
import { buddyTopics } from '$lib/buddies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals);
	const today = calendarDate(new Date(), user.timeZone);
	const [pairs, cycles] = await Promise.all([
		myPairs(db(), user.id, today),
		cyclesFor(db(), { id: user.id, scope: user.scope })
	]);
	return {
		pairs,
		cycles,
		topics: buddyTopics,
		canRun: canRunCycles(user.scope),
		timeZone: user.timeZone,
		saved: url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	join: async ({ locals, request }) => {
		const user = requireUser(locals);
		const form = await request.formData();
		const cycleId = String(form.get('cycle_id') ?? '');
		if (!(await getCycle(db(), cycleId))) error(404, 'We could not find that buddy cycle.');
		const values = {
			goals: String(form.get('goals') ?? ''),
			learn: form.getAll('learn').map(String),
			offer: form.getAll('offer').map(String),
			interests: String(form.get('interests') ?? ''),
			hours_start: String(form.get('hours_start') ?? ''),
			hours_end: String(form.get('hours_end') ?? '')
		};
		const parsed = joinSchema.safeParse(values);
		if (!parsed.success) return fail(400, { cycleId, values, errors: firstErrors(parsed.error) });
		const result = await joinCycle(db(), { id: user.id, timeZone: user.timeZone }, cycleId, parsed.data, new Date());
		if (!result.ok) return fail(400, { cycleId, values, errors: result.errors });
		redirect(303, '/connect/buddies?saved=joined');
	}
};
