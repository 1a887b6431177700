import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { canRunCycles, createCycle, cycleSchema } from '$lib/server/buddies/service';
import { db } from '$lib/server/db';
import { firstErrors } from '$lib/server/forms';
import { listUnits } from '$lib/server/org/queries';
import { treeOrder } from '$lib/server/org/rules';
import type { Actions, PageServerLoad } from './$types';

function requireRunner(locals: App.Locals) {
	const user = requireUser(locals);
	if (!canRunCycles(user.scope)) error(403, 'Admins and leaders open buddy cycles.');
	return user;
}

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireRunner(locals);
	const units = treeOrder(await listUnits(db())).filter(
		(u) => user.scope.isAdmin || user.scope.ledUnitPaths.some((p) => u.path.startsWith(p))
	);
	return { units: units.map((u) => ({ id: u.id, name: u.name, depth: u.depth })) };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireRunner(locals);
		const form = await request.formData();
		const values = {
			name: String(form.get('name') ?? ''),
			starts_on: String(form.get('starts_on') ?? ''),
			ends_on: String(form.get('ends_on') ?? ''),
			mode: String(form.get('mode') ?? ''),
			unit_ids: form.getAll('unit_ids').map(String)
		};
		const parsed = cycleSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: firstErrors(parsed.error) });
		const result = await createCycle(db(), { id: user.id, scope: user.scope }, parsed.data, new Date());
		if (!result.ok) return fail(400, { values, errors: result.errors });
		redirect(303, `/connect/buddies/cycles/${result.id}`);
	}
};
