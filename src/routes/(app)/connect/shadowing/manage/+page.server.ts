import { fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { calendarDate } from '$lib/server/learning/rules';
import { manageableTeams } from '$lib/server/learning/team';
import { requireActor, requireAllowed, requireCapability } from '$lib/server/policy';
import { canManageShadowing, canOpenHosting } from '$lib/server/shadowing/policy';
import {
	addBlackout,
	blackoutSchema,
	blackoutsOf,
	hostedSlots,
	hostsVisits,
	managerQueue,
	publishSlot,
	slotSchema
} from '$lib/server/shadowing/service';
import { worded } from '$lib/server/service-result';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals);
	requireAllowed(canOpenHosting(actor.scope, await hostsVisits(db(), actor.id)), m.connect_hosting_forbidden());
	const now = new Date();
	const today = calendarDate(now, actor.timeZone);
	const teams = canManageShadowing(actor.scope) ? await manageableTeams(db(), actor.scope) : [];
	const teamIds = teams.map((t) => t.id);
	const [queue, slots, blackouts] = await Promise.all([
		managerQueue(db(), actor.scope),
		hostedSlots(db(), { teamIds, hostId: actor.id }, now),
		blackoutsOf(db(), teamIds, today)
	]);
	return {
		...queue,
		slots,
		blackouts,
		teams: teams.map((t) => ({ id: t.id, name: t.name })),
		manages: teams.length > 0,
		email: locals.user?.email ?? '',
		today,
		timeZone: actor.timeZone,
		saved: url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	publish: async ({ locals, request }) => {
		const actor = requireCapability(locals, canManageShadowing, m.connect_hosting_managers_only());
		const parsed = await readForm(request, slotSchema);
		if (!parsed.ok) return fail(400, { form: 'publish' as const, values: parsed.values, errors: parsed.errors });
		const result = await publishSlot(db(), actor, parsed.data, new Date());
		if (!result.ok)
			return fail(400, { form: 'publish' as const, values: parsed.values, errors: worded(result.errors) });
		redirect(303, '/connect/shadowing/manage?saved=slot');
	},
	blackout: async ({ locals, request }) => {
		const actor = requireCapability(locals, canManageShadowing, m.connect_hosting_managers_only());
		const parsed = await readForm(request, blackoutSchema);
		if (!parsed.ok) return fail(400, { form: 'blackout' as const, values: parsed.values, errors: parsed.errors });
		const result = await addBlackout(db(), actor, parsed.data, new Date());
		if (!result.ok)
			return fail(400, { form: 'blackout' as const, values: parsed.values, errors: worded(result.errors) });
		redirect(303, '/connect/shadowing/manage?saved=blackout');
	}
};
