import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { requireActor } from '$lib/server/policy';
import { openSlot, requestSchema, requestVisit } from '$lib/server/shadowing/service';
import { worded } from '$lib/server/service-result';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const slot = await openSlot(db(), actor, params.id, new Date());
	if (!slot) error(404, m.connect_slot_not_open());
	return { slot, ownTeam: slot.team_id === requireUser(locals).teamId, timeZone: actor.timeZone };
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const actor = requireActor(locals);
		const parsed = await readForm(request, requestSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = await requestVisit(db(), actor, params.id, parsed.data, new Date());
		if (!result.ok) return fail(409, { values: parsed.values, errors: worded(result.errors) });
		redirect(303, `/connect/shadowing/visits/${result.id}?requested=1`);
	}
};
