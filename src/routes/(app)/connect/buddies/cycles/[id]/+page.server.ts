import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser, type CurrentUser } from '$lib/server/auth/current-user';
import { cycleHealth } from '$lib/server/buddies/pairs';
import {
	cycleProposal,
	getCycle,
	nominate,
	participantsOf,
	publishCycle,
	runMatching,
	setExcluded,
	setLocked,
	swapPeople
} from '$lib/server/buddies/service';
import { db } from '$lib/server/db';
import { calendarDate } from '$lib/server/learning/rules';
import { activeMembers } from '$lib/server/learning/queries';
import type { Actions, PageServerLoad } from './$types';

/**
 * A cycle and what the person may do with it: its owner and admins run it; managers open it only
 * to nominate their people. Anyone else does not see the cycle at all (404).
 */
async function cycleFor(user: CurrentUser, cycleId: string) {
	const cycle = await getCycle(db(), cycleId);
	const owns = cycle !== undefined && (user.scope.isAdmin || cycle.owner_id === user.id);
	const manages = user.scope.managedTeamIds.length > 0;
	if (!cycle || (!owns && !manages)) error(404, 'We could not find that cycle.');
	return { cycle, owns, manages };
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const { cycle, owns, manages } = await cycleFor(user, params.id);
	const today = calendarDate(new Date(), user.timeZone);
	const [participants, proposal, team] = await Promise.all([
		participantsOf(db(), cycle.id),
		owns ? cycleProposal(db(), cycle.id) : [],
		manages ? activeMembers(db(), user.scope.managedTeamIds) : []
	]);
	const teamIds = new Set(team.map((t) => t.id));
	const health = cycle.status === 'open' ? [] : await cycleHealth(db(), cycle.id, today, owns ? undefined : teamIds);
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
		health,
		notice: url.searchParams.get('done'),
		unmatched: url.searchParams.get('unmatched')
	};
};

const back = (id: string, done: string, extra = '') =>
	redirect(303, `/connect/buddies/cycles/${id}?done=${done}${extra}`);

/** Checked before any form is read: nominating is for whoever may open the cycle, the rest for its owner. */
async function requireCycleRole(user: CurrentUser, cycleId: string, role: 'owner' | 'nominator'): Promise<void> {
	const { owns } = await cycleFor(user, cycleId);
	if (role === 'owner' && !owns) error(403, 'Only the owner of the cycle can do this.');
}

export const actions: Actions = {
	nominate: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		await requireCycleRole(user, params.id, 'nominator');
		const personId = String((await request.formData()).get('person_id') ?? '');
		const result = await nominate(db(), { id: user.id, scope: user.scope }, params.id, personId, new Date());
		if (!result.ok) return fail(400, { errors: result.errors });
		back(params.id, 'nominated');
	},
	run: async ({ locals, params }) => {
		const user = requireUser(locals);
		await requireCycleRole(user, params.id, 'owner');
		const result = await runMatching(db(), user.scope, params.id, new Date());
		if (!result.ok) return fail(403, { errors: result.errors });
		back(params.id, 'matched', result.unmatched.length ? `&unmatched=${result.unmatched.length}` : '');
	},
	lock: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		await requireCycleRole(user, params.id, 'owner');
		const form = await request.formData();
		const result = await setLocked(
			db(),
			user.scope,
			params.id,
			String(form.get('pair_id') ?? ''),
			form.get('locked') === '1'
		);
		if (!result.ok) return fail(403, { errors: result.errors });
		back(params.id, 'locked');
	},
	exclude: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		await requireCycleRole(user, params.id, 'owner');
		const form = await request.formData();
		const result = await setExcluded(
			db(),
			user.scope,
			params.id,
			String(form.get('person_id') ?? ''),
			form.get('excluded') === '1'
		);
		if (!result.ok) return fail(403, { errors: result.errors });
		back(params.id, 'excluded');
	},
	swap: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		await requireCycleRole(user, params.id, 'owner');
		const form = await request.formData();
		const result = await swapPeople(
			db(),
			user.scope,
			params.id,
			String(form.get('a') ?? ''),
			String(form.get('b') ?? ''),
			new Date()
		);
		if (!result.ok) return fail(400, { errors: result.errors });
		back(params.id, 'swapped');
	},
	publish: async ({ locals, params }) => {
		const user = requireUser(locals);
		await requireCycleRole(user, params.id, 'owner');
		const result = await publishCycle(db(), user.scope, params.id, new Date());
		if (!result.ok) return fail(400, { errors: result.errors });
		back(params.id, 'published');
	}
};
