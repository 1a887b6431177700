import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { firstErrors } from '$lib/server/forms';
import { calendarDate } from '$lib/server/learning/rules';
import { manageableTeams } from '$lib/server/learning/team';
import { blackoutsOf, hostedSlots, managerQueue } from '$lib/server/shadowing/queries';
import { addBlackout, blackoutSchema, publishSlot, slotSchema } from '$lib/server/shadowing/service';
import type { Actions, PageServerLoad } from './$types';

function requireManager(locals: App.Locals) {
	const user = requireUser(locals);
	if (user.scope.managedTeamIds.length === 0 && !user.scope.isAdmin)
		error(403, 'Hosting and approving visits is for managers.');
	return user;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireManager(locals);
	const now = new Date();
	const teams = await manageableTeams(db(), user.scope);
	const teamIds = teams.map((t) => t.id);
	const [queue, slots, blackouts] = await Promise.all([
		managerQueue(db(), user.scope),
		hostedSlots(db(), teamIds, now),
		blackoutsOf(db(), teamIds, calendarDate(now, user.timeZone))
	]);
	const today = calendarDate(now, user.timeZone);
	return {
		...queue,
		slots,
		blackouts,
		teams: teams.map((t) => ({ id: t.id, name: t.name })),
		email: user.email,
		today,
		timeZone: user.timeZone,
		saved: url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	publish: async ({ locals, request }) => {
		const user = requireManager(locals);
		const values = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)]));
		const parsed = slotSchema.safeParse({
			team_id: '',
			host_email: '',
			date: '',
			time: '',
			minutes: '',
			capacity: '',
			place: '',
			video_url: '',
			what_you_will_see: '',
			...values
		});
		if (!parsed.success) return fail(400, { form: 'publish' as const, values, errors: firstErrors(parsed.error) });
		const result = await publishSlot(db(), { id: user.id, scope: user.scope }, parsed.data, new Date());
		if (!result.ok) return fail(400, { form: 'publish' as const, values, errors: result.errors });
		redirect(303, '/connect/shadowing/manage?saved=slot');
	},
	blackout: async ({ locals, request }) => {
		const user = requireManager(locals);
		const values = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)]));
		const parsed = blackoutSchema.safeParse({ team_id: '', starts_on: '', ends_on: '', reason: '', ...values });
		if (!parsed.success) return fail(400, { form: 'blackout' as const, values, errors: firstErrors(parsed.error) });
		const result = await addBlackout(db(), { id: user.id, scope: user.scope }, parsed.data, new Date());
		if (!result.ok) return fail(400, { form: 'blackout' as const, values, errors: result.errors });
		redirect(303, '/connect/shadowing/manage?saved=blackout');
	}
};
