import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { firstErrors } from '$lib/server/forms';
import { courseContent } from '$lib/server/learning/content';
import {
	assignLearning,
	assignmentSchema,
	cancelAssignment,
	manageableTeams,
	teamMatrix,
	unitRollup
} from '$lib/server/learning/team';
import { calendarDate } from '$lib/server/learning/rules';
import type { Actions, PageServerLoad } from './$types';

/** Assigning and withdrawing are for people who manage a team (or admins). */
function requireTeamManager(locals: App.Locals) {
	const user = requireUser(locals);
	if (user.scope.managedTeamIds.length === 0 && !user.scope.isAdmin) error(403, 'Only managers can assign learning.');
	return user;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals);
	const isManager = user.scope.managedTeamIds.length > 0 || user.scope.isAdmin;
	const isLeader = user.scope.ledUnitPaths.length > 0;
	if (!isManager && !isLeader) error(403, 'Team learning is for managers and leaders.');
	const now = new Date();

	const teams = isManager ? await manageableTeams(db(), user.scope) : [];
	const teamId = teams.find((t) => t.id === url.searchParams.get('team'))?.id ?? teams[0]?.id ?? null;
	const moduleFilter = url.searchParams.get('module') ?? '';
	const overdueOnly = url.searchParams.get('show') === 'overdue';

	const [matrix, rollup] = await Promise.all([
		teamId ? teamMatrix(db(), [teamId], now) : null,
		isLeader ? unitRollup(db(), user.scope, now) : null
	]);
	const { modules, paths } = courseContent();
	const members = matrix?.rows.map((r) => ({ id: r.id, name: r.name })) ?? [];
	return {
		teams: teams.map((t) => ({ id: t.id, name: t.name })),
		teamId,
		filters: { module: modules.some((m) => m.slug === moduleFilter) ? moduleFilter : '', overdueOnly },
		matrix: matrix && {
			modules: matrix.modules,
			rows: overdueOnly ? matrix.rows.filter((r) => r.overdue > 0) : matrix.rows,
			total: matrix.rows.length,
			assignments: matrix.assignments.map((a) => ({
				id: a.id,
				title:
					a.item_kind === 'module'
						? (modules.find((m) => m.slug === a.item_slug)?.title ?? a.item_slug)
						: `Path: ${paths.find((p) => p.slug === a.item_slug)?.title ?? a.item_slug}`,
				who: a.team_id
					? 'Whole team'
					: (members.find((m) => m.id === a.person_id)?.name ?? 'Someone who left the team'),
				dueOn: a.due_on,
				message: a.message
			}))
		},
		members,
		items: [
			...paths.map((p) => ({ value: `path:${p.slug}`, label: `Path: ${p.title}` })),
			...modules.map((m) => ({ value: `module:${m.slug}`, label: m.title }))
		],
		rollup,
		today: calendarDate(now, user.timeZone),
		saved: url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	assign: async ({ locals, request, getClientAddress, url }) => {
		const user = requireTeamManager(locals);
		const form = await request.formData();
		const raw = Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
		const person_ids = form.getAll('person_ids').map(String);
		const values = { ...raw, person_ids };
		const parsed = assignmentSchema.safeParse({ team_id: '', message: '', target: '', item: '', due_on: '', ...raw });
		if (!parsed.success) return fail(400, { values, errors: firstErrors(parsed.error) });
		const result = await assignLearning(
			db(),
			{ id: user.id, ip: getClientAddress(), scope: user.scope, timeZone: user.timeZone },
			{ ...parsed.data, person_ids },
			new Date()
		);
		if (!result.ok) return fail(400, { values, errors: result.errors });
		redirect(
			303,
			`/learn/team?team=${encodeURIComponent(parsed.data.team_id)}&saved=assigned${url.searchParams.has('show') ? '&show=overdue' : ''}`
		);
	},
	withdraw: async ({ locals, request, getClientAddress }) => {
		const user = requireTeamManager(locals);
		const form = await request.formData();
		const result = await cancelAssignment(
			db(),
			{ id: user.id, ip: getClientAddress(), scope: user.scope },
			String(form.get('id') ?? ''),
			new Date()
		);
		if (!result.ok) return fail(400, { values: {}, errors: result.errors });
		redirect(303, `/learn/team?team=${encodeURIComponent(String(form.get('team') ?? ''))}&saved=withdrawn`);
	}
};
