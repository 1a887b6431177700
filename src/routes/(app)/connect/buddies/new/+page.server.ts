import { fail, redirect } from '@sveltejs/kit';
import { canRunCycles } from '$lib/server/buddies/policy';
import { createCycle, cycleSchema } from '$lib/server/buddies/service';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { unitChoices } from '$lib/server/org/directory';
import { isUnitWithin } from '$lib/server/people/rules';
import { requireCapability } from '$lib/server/policy';
import { worded } from '$lib/server/service-result';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireCapability(locals, canRunCycles, m.connect_cycle_runners_only());
	const units = (await unitChoices(db())).filter(
		(u) => actor.scope.isAdmin || actor.scope.ledUnitPaths.some((p) => isUnitWithin(u.path, p))
	);
	return { units: units.map((u) => ({ id: u.id, name: u.name, depth: u.depth })) };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const actor = requireCapability(locals, canRunCycles, m.connect_cycle_runners_only());
		const parsed = await readForm(request, cycleSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = await createCycle(db(), actor, parsed.data, new Date());
		if (!result.ok) return fail(400, { values: parsed.values, errors: worded(result.errors) });
		redirect(303, `/connect/buddies/cycles/${result.id}`);
	}
};
