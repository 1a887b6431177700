import { fail, redirect } from '@sveltejs/kit';
import type { Actor } from '$lib/server/auth/actor';
import { cycleHealth } from '$lib/server/buddies/pairs';
import { cycleAccess } from '$lib/server/buddies/policy';
import {
	cycleProposal,
	getCycle,
	nominate,
	participantsOf,
	publishCycle,
	repairPair,
	repairSchema,
	runMatching,
	setExcluded,
	setLocked,
	swapPeople
} from '$lib/server/buddies/service';
import { db } from '$lib/server/db';
import { calendarDate } from '$lib/server/learning/rules';
import { activeMembers } from '$lib/server/learning/team';
import { objectIdOf, readForm } from '$lib/server/forms';
import { requireActor, requireAllowed, requireFound } from '$lib/server/policy';
import { worded } from '$lib/server/service-result';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/**
 * A cycle and what the person may do with it: its owner and admins run it; managers open it only
 * to nominate their people. Anyone else does not see the cycle at all (404).
 */
async function cycleFor(actor: Actor, cycleId: string) {
	const cycle = await getCycle(db(), cycleId);
	const access = cycle && cycleAccess(actor.scope, cycle);
	requireFound(access?.see ? access : undefined, m.connect_cycle_not_found());
	return { cycle: cycle!, owns: access!.owns, manages: access!.nominates };
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor(locals);
	const { cycle, owns, manages } = await cycleFor(actor, params.id);
	const today = calendarDate(new Date(), actor.timeZone);
	const [participants, proposal, team] = await Promise.all([
		participantsOf(db(), cycle.id),
		owns ? cycleProposal(db(), cycle.id) : [],
		manages ? activeMembers(db(), actor.scope.managedTeamIds) : []
	]);
	const teamIds = new Set(team.map((t) => t.id));
	const health = cycle.status === 'open' ? [] : await cycleHealth(db(), cycle.id, today, owns ? undefined : teamIds);
	// Re-pairing: the owner of a running cycle moves someone from a pair whose fit check asked for
	// it to another running pair of two.
	const running = health.filter((h) => !h.ended && h.members.length === 2);
	const repairable = owns && cycle.status === 'published' && cycle.ends_on >= today;
	const flagged = repairable ? running.filter((h) => h.askedToRepair.length > 0) : [];
	const withBuddy = (pair: (typeof running)[number]) =>
		pair.members.map((p) => ({ id: p.id, name: p.name, buddy: pair.members.find((o) => o.id !== p.id)!.name }));
	return {
		cycle: {
			id: cycle.id,
			name: cycle.name,
			startsOn: cycle.starts_on,
			endsOn: cycle.ends_on,
			mode: cycle.mode,
			status: cycle.status
		},
		owns,
		// Managers see only their own people; owners see everyone taking part.
		participants: owns ? participants : participants.filter((p) => teamIds.has(p.id)),
		proposal,
		nominable: team.filter((m) => !participants.some((p) => p.id === m.id)).map((m) => ({ id: m.id, name: m.name })),
		health: health.map(({ askedToRepair, ...h }) => ({ ...h, repair: askedToRepair.length > 0 })),
		repair: flagged.length
			? {
					people: flagged.flatMap(withBuddy),
					others: running.flatMap(withBuddy)
				}
			: null,
		notice: url.searchParams.get('done'),
		unmatched: url.searchParams.get('unmatched')
	};
};

const back = (id: string, done: string, extra = '') =>
	redirect(303, `/connect/buddies/cycles/${id}?done=${done}${extra}`);

/** Checked before any form is read: nominating is for whoever may open the cycle, the rest for its owner. */
async function cycleAs(locals: App.Locals, cycleId: string, role: 'owner' | 'nominator'): Promise<Actor> {
	const actor = requireActor(locals);
	const { owns } = await cycleFor(actor, cycleId);
	if (role === 'owner') requireAllowed(owns, m.connect_cycle_only_owner());
	return actor;
}

export const actions: Actions = {
	nominate: async ({ locals, params, request }) => {
		const actor = await cycleAs(locals, params.id, 'nominator');
		const personId = objectIdOf(await request.formData(), 'person_id');
		const result = await nominate(db(), actor, params.id, personId, new Date());
		if (!result.ok) return fail(400, { errors: worded(result.errors) });
		back(params.id, 'nominated');
	},
	run: async ({ locals, params }) => {
		const actor = await cycleAs(locals, params.id, 'owner');
		const result = await runMatching(db(), actor, params.id, new Date());
		if (!result.ok) return fail(403, { errors: worded(result.errors) });
		back(params.id, 'matched', result.unmatched.length ? `&unmatched=${result.unmatched.length}` : '');
	},
	lock: async ({ locals, params, request }) => {
		const actor = await cycleAs(locals, params.id, 'owner');
		const form = await request.formData();
		const result = await setLocked(
			db(),
			actor,
			params.id,
			objectIdOf(form, 'pair_id'),
			objectIdOf(form, 'locked') === '1'
		);
		if (!result.ok) return fail(403, { errors: worded(result.errors) });
		back(params.id, 'locked');
	},
	exclude: async ({ locals, params, request }) => {
		const actor = await cycleAs(locals, params.id, 'owner');
		const form = await request.formData();
		const result = await setExcluded(
			db(),
			actor,
			params.id,
			objectIdOf(form, 'person_id'),
			objectIdOf(form, 'excluded') === '1'
		);
		if (!result.ok) return fail(403, { errors: worded(result.errors) });
		back(params.id, 'excluded');
	},
	swap: async ({ locals, params, request }) => {
		const actor = await cycleAs(locals, params.id, 'owner');
		const form = await request.formData();
		const result = await swapPeople(db(), actor, params.id, objectIdOf(form, 'a'), objectIdOf(form, 'b'), new Date());
		if (!result.ok) return fail(400, { errors: worded(result.errors) });
		back(params.id, 'swapped');
	},
	repair: async ({ locals, params, request }) => {
		const actor = await cycleAs(locals, params.id, 'owner');
		const parsed = await readForm(request, repairSchema);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const now = new Date();
		const result = await repairPair(db(), actor, params.id, parsed.data, calendarDate(now, actor.timeZone), now);
		if (!result.ok) return fail(400, { errors: worded(result.errors), values: parsed.values });
		back(params.id, 'repaired');
	},
	publish: async ({ locals, params }) => {
		const actor = await cycleAs(locals, params.id, 'owner');
		const result = await publishCycle(db(), actor, params.id, new Date());
		if (!result.ok) return fail(400, { errors: worded(result.errors) });
		back(params.id, 'published');
	}
};
