import { fail, redirect } from '@sveltejs/kit';
import { requireActor } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { listBehaviours } from '$lib/server/behaviours/directory';
import { teamChoices, unitChoices } from '$lib/server/org/directory';
import { recognise, recognitionSchema, recognitionWall, type WallFilters } from '$lib/server/recognition/service';
import { pageCount, pageFrom } from '$lib/paging';
import type { Actions, PageServerLoad } from './$types';
import { worded } from '$lib/server/service-result';

const PAGE_SIZE = 20;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals);
	const [teams, units, behaviours] = await Promise.all([teamChoices(db()), unitChoices(db()), listBehaviours(db())]);
	const filters: WallFilters = {};
	const team = teams.find((t) => t.id === url.searchParams.get('team'));
	const unit = units.find((u) => u.id === url.searchParams.get('unit'));
	const behaviour = behaviours.find((b) => b.slug === url.searchParams.get('behaviour'));
	if (team) filters.teamId = team.id;
	if (unit) filters.unitPath = unit.path;
	if (behaviour) filters.behaviour = behaviour.slug;
	const paging = pageFrom(url, PAGE_SIZE);
	const wall = await recognitionWall(db(), filters, paging);
	return {
		...wall,
		page: paging.page,
		pageCount: pageCount(wall.total, PAGE_SIZE),
		filters: { team: team?.id ?? '', unit: unit?.id ?? '', behaviour: behaviour?.slug ?? '' },
		teams,
		units: units.map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
		behaviours,
		timeZone: actor.timeZone,
		sent: url.searchParams.get('sent')
	};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const actor = requireActor(locals);
		const parsed = await readForm(request, recognitionSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = await recognise(db(), actor, parsed.data, new Date());
		if (!result.ok) return fail(400, { values: parsed.values, errors: worded(result.errors) });
		redirect(303, `/connect/recognition?sent=${result.crossDepartment ? 'cross' : 'yes'}`);
	}
};
