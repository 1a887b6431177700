import { fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { objectIdOf, readForm } from '$lib/server/forms';
import { modulesIn, pathsIn } from '$lib/server/learning/content';
import { dueStateLabel, learningStatusLabel } from '$lib/learning/labels';
import { formatCalendarDate } from '$lib/locale';
import type { DueStatus } from '$lib/server/learning/rules';
import {
	assignLearning,
	assignmentSchema,
	cancelAssignment,
	manageableTeams,
	teamMatrix,
	unitRollup,
	type MatrixCell
} from '$lib/server/learning/team';
import { canAssignLearning, canFollowTeamLearning, seesUnitRollup } from '$lib/server/learning/policy';
import { calendarDate } from '$lib/server/learning/rules';
import { requireCapability } from '$lib/server/policy';
import type { Actions, PageServerLoad } from './$types';
import { worded } from '$lib/server/service-result';
import { m } from '$lib/paraglide/messages';

/**
 * A matrix cell as the page shows it: its words, one line each for the state, the lessons done of a
 * module in progress and the due date of an assigned one; the state; and the due date's state. The
 * words are put together here so that 200 cells travel as short arrays, not objects.
 */
export type MatrixCellView = readonly [words: string, status: MatrixCell['status'], due: DueStatus | null];

function cellView(cell: MatrixCell): MatrixCellView {
	const lines = [learningStatusLabel(cell.status)];
	if (cell.status === 'in_progress') lines.push(m.learn_team_cell_lessons({ lessons: cell.lessons }));
	const due = cell.due;
	if (due)
		lines.push(
			due.status === 'completed'
				? m.learn_team_cell_assigned()
				: due.status === 'overdue' || due.status === 'due_soon'
					? m.learn_team_cell_due_flagged({ date: formatCalendarDate(due.on), status: dueStateLabel(due.status) })
					: m.learn_team_cell_due({ date: formatCalendarDate(due.on) })
		);
	return [lines.join('\n'), cell.status, due?.status ?? null];
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireCapability(locals, canFollowTeamLearning, m.learn_team_only_managers_and_leaders());
	const isManager = canAssignLearning(actor.scope);
	const isLeader = seesUnitRollup(actor.scope);
	const now = new Date();

	const teams = isManager ? await manageableTeams(db(), actor.scope) : [];
	const teamId = teams.find((t) => t.id === url.searchParams.get('team'))?.id ?? teams[0]?.id ?? null;
	const moduleFilter = url.searchParams.get('module') ?? '';
	const overdueOnly = url.searchParams.get('show') === 'overdue';

	const [matrix, rollup] = await Promise.all([
		teamId ? teamMatrix(db(), [teamId], now) : null,
		isLeader ? unitRollup(db(), actor.scope, now) : null
	]);
	const [modules, paths] = [modulesIn(), pathsIn()];
	const shownModules = (matrix?.modules ?? []).filter((mod) => mod.slug === moduleFilter);
	if (shownModules.length === 0) shownModules.push(...(matrix?.modules ?? []));
	const members = matrix?.rows.map((r) => ({ id: r.id, name: r.name })) ?? [];
	return {
		teams: teams.map((t) => ({ id: t.id, name: t.name })),
		teamId,
		filters: { module: shownModules.length === 1 ? moduleFilter : '', overdueOnly },
		matrix: matrix && {
			/** Every module, for the filter; the columns are the chosen one, or all. */
			modules: matrix.modules,
			columns: shownModules,
			rows: (overdueOnly ? matrix.rows.filter((r) => r.overdue > 0) : matrix.rows).map((r) => ({
				id: r.id,
				name: r.name,
				cells: shownModules.map((mod) => cellView(r.cells[mod.slug]!))
			})),
			total: matrix.rows.length,
			assignments: matrix.assignments.map((a) => ({
				id: a.id,
				title:
					a.item_kind === 'module'
						? (modules.find((mod) => mod.slug === a.item_slug)?.title ?? a.item_slug)
						: m.learn_path_item({ title: paths.find((p) => p.slug === a.item_slug)?.title ?? a.item_slug }),
				who: a.team_id
					? m.learn_team_whole_team()
					: (members.find((member) => member.id === a.person_id)?.name ?? m.learn_team_former_member()),
				dueOn: a.due_on,
				message: a.message
			}))
		},
		members,
		items: [
			...paths.map((p) => ({ value: `path:${p.slug}`, label: m.learn_path_item({ title: p.title }) })),
			...modules.map((mod) => ({ value: `module:${mod.slug}`, label: mod.title }))
		],
		rollup,
		today: calendarDate(now, actor.timeZone),
		saved: url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	assign: async ({ locals, request }) => {
		const actor = requireCapability(locals, canAssignLearning, m.learn_team_only_managers_assign());
		const parsed = await readForm(request, assignmentSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = await assignLearning(db(), actor, parsed.data, new Date());
		if (!result.ok) return fail(400, { values: parsed.values, errors: worded(result.errors) });
		// Answered in place rather than redirected: the page says, by name, who got it, who already
		// had it and whose due date moved; the form then starts fresh.
		return { assigned: result.outcome };
	},
	withdraw: async ({ locals, request }) => {
		const actor = requireCapability(locals, canAssignLearning, m.learn_team_only_managers_assign());
		const form = await request.formData();
		const result = await cancelAssignment(db(), actor, objectIdOf(form), new Date());
		if (!result.ok) return fail(400, { values: {}, errors: worded(result.errors) });
		redirect(303, `/learn/team?team=${encodeURIComponent(objectIdOf(form, 'team'))}&saved=withdrawn`);
	}
};
