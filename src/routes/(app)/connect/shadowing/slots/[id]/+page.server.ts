import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { firstErrors } from '$lib/server/forms';
import { browseSlots } from '$lib/server/shadowing/queries';
import { requestSchema, requestVisit } from '$lib/server/shadowing/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals);
	const slot = (await browseSlots(db(), {}, user.id, new Date())).find((s) => s.id === params.id);
	if (!slot) error(404, 'This slot is not open any more.');
	return { slot, ownTeam: slot.team_id === user.teamId, timeZone: user.timeZone };
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const values = { objectives: String((await request.formData()).get('objectives') ?? '') };
		const parsed = requestSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: firstErrors(parsed.error) });
		const result = await requestVisit(db(), user.id, params.id, parsed.data.objectives, new Date());
		if (!result.ok) return fail(409, { values, errors: result.errors });
		redirect(303, `/connect/shadowing/visits/${result.id}?requested=1`);
	}
};
