import { error, fail, redirect } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { getTeam, getUnit, listTeams, listUnits, teamManagers } from '$lib/server/org/queries';
import { treeOrder } from '$lib/server/org/rules';
import { createTeam, createUnit, editTeam, editUnit, removeTeam, removeUnit } from '$lib/server/org/service';
import { teamSchema, unitSchema } from '$lib/schemas/org';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireAdmin(locals);
	const [units, teams] = await Promise.all([listUnits(db()), listTeams(db())]);
	const managers = await teamManagers(
		db(),
		teams.map((t) => t.id)
	);
	const teamCount = new Map<string, number>();
	for (const t of teams) teamCount.set(t.org_unit_id, (teamCount.get(t.org_unit_id) ?? 0) + 1);
	return {
		units: treeOrder(units).map((u) => ({
			id: u.id,
			name: u.name,
			kind: u.kind,
			parent_id: u.parent_id,
			depth: u.depth,
			teams: teamCount.get(u.id) ?? 0
		})),
		teams: teams.map((t) => ({
			id: t.id,
			name: t.name,
			kind: t.kind,
			org_unit_id: t.org_unit_id,
			unit_name: t.unit_name,
			member_count: t.member_count,
			managers: (managers.get(t.id) ?? []).map((m) => m.name)
		})),
		editUnit: url.searchParams.get('unit'),
		editTeam: url.searchParams.get('team'),
		saved: url.searchParams.get('saved')
	};
};

function actor(locals: App.Locals, ip: string) {
	return { id: requireAdmin(locals).id, ip };
}

export const actions: Actions = {
	createUnit: async ({ locals, request, getClientAddress }) => {
		const by = actor(locals, getClientAddress());
		const parsed = parseForm(unitSchema, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'newUnit', values: parsed.values, errors: parsed.errors });
		const result = await createUnit(db(), by, parsed.data, new Date());
		if (!result.ok) return fail(400, { form: 'newUnit', values: parsed.values, errors: result.errors });
		redirect(303, '/admin/org?saved=unit');
	},
	updateUnit: async ({ locals, request, getClientAddress }) => {
		const by = actor(locals, getClientAddress());
		const form = await request.formData();
		const id = String(form.get('id') ?? '');
		if (!(await getUnit(db(), id))) error(404, 'We could not find that unit.');
		const parsed = parseForm(unitSchema, form);
		if (!parsed.ok) return fail(400, { form: `unit:${id}`, values: parsed.values, errors: parsed.errors });
		const result = await editUnit(db(), by, id, parsed.data, new Date());
		if (!result.ok) return fail(400, { form: `unit:${id}`, values: parsed.values, errors: result.errors });
		redirect(303, '/admin/org?saved=unit');
	},
	deleteUnit: async ({ locals, request, getClientAddress }) => {
		const by = actor(locals, getClientAddress());
		const id = String((await request.formData()).get('id') ?? '');
		if (!(await getUnit(db(), id))) error(404, 'We could not find that unit.');
		const result = await removeUnit(db(), by, id, new Date());
		if (!result.ok) return fail(400, { form: `unit:${id}`, values: {}, errors: result.errors });
		redirect(303, '/admin/org?saved=unitDeleted');
	},
	createTeam: async ({ locals, request, getClientAddress }) => {
		const by = actor(locals, getClientAddress());
		const parsed = parseForm(teamSchema, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'newTeam', values: parsed.values, errors: parsed.errors });
		const result = await createTeam(db(), by, parsed.data, new Date());
		if (!result.ok) return fail(400, { form: 'newTeam', values: parsed.values, errors: result.errors });
		redirect(303, '/admin/org?saved=team');
	},
	updateTeam: async ({ locals, request, getClientAddress }) => {
		const by = actor(locals, getClientAddress());
		const form = await request.formData();
		const id = String(form.get('id') ?? '');
		if (!(await getTeam(db(), id))) error(404, 'We could not find that team.');
		const parsed = parseForm(teamSchema, form);
		if (!parsed.ok) return fail(400, { form: `team:${id}`, values: parsed.values, errors: parsed.errors });
		const result = await editTeam(db(), by, id, parsed.data, new Date());
		if (!result.ok) return fail(400, { form: `team:${id}`, values: parsed.values, errors: result.errors });
		redirect(303, '/admin/org?saved=team');
	},
	deleteTeam: async ({ locals, request, getClientAddress }) => {
		const by = actor(locals, getClientAddress());
		const id = String((await request.formData()).get('id') ?? '');
		if (!(await getTeam(db(), id))) error(404, 'We could not find that team.');
		const result = await removeTeam(db(), by, id, new Date());
		if (!result.ok) return fail(400, { form: `team:${id}`, values: {}, errors: result.errors });
		redirect(303, '/admin/org?saved=teamDeleted');
	}
};
