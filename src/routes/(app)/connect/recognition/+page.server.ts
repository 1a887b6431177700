import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { firstErrors } from '$lib/server/forms';
import { listBehaviours } from '$lib/server/behaviours/queries';
import { listTeams, listUnits } from '$lib/server/org/queries';
import { treeOrder } from '$lib/server/org/rules';
import { recognise, recognitionSchema, recognitionWall, type WallFilters } from '$lib/server/recognition/service';
import { pageCount, pageFrom } from '$lib/paging';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 20;

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals);
	const [teams, units, behaviours] = await Promise.all([listTeams(db()), listUnits(db()), listBehaviours(db())]);
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
		teams: teams.map((t) => ({ id: t.id, name: t.name })),
		units: treeOrder(units).map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
		behaviours,
		timeZone: user.timeZone,
		sent: url.searchParams.get('sent')
	};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireUser(locals);
		const form = await request.formData();
		const values = {
			recipients: String(form.get('recipients') ?? ''),
			behaviour: String(form.get('behaviour') ?? ''),
			message: String(form.get('message') ?? '')
		};
		const parsed = recognitionSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: firstErrors(parsed.error) });
		const result = await recognise(db(), user.id, parsed.data, new Date());
		if (!result.ok) return fail(400, { values, errors: result.errors });
		redirect(303, `/connect/recognition?sent=${result.crossDepartment ? 'cross' : 'yes'}`);
	}
};
