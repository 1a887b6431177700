import { fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { calendarDate } from '$lib/server/learning/rules';
import { valueKey } from '$lib/server/metrics/plan';
import { ragStatus } from '$lib/server/metrics/rules';
import { readForm } from '$lib/server/forms';
import { gridCellName, gridFormSchema, saveTeamGrid, teamGrid } from '$lib/server/metrics/values';
import { requireActor, requireAllowed, requireFound } from '$lib/server/policy';
import { measuredTeam } from '$lib/server/scorecards/teams';
import { periodLabel } from '$lib/periods';
import { m } from '$lib/paraglide/messages';
import { word } from '$lib/server/service-result';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const actor = requireActor(locals);
	const { team, access } = await parent();
	requireAllowed(access.manage, m.measure_grid_managers_only());
	const grid = await teamGrid(db(), team.id, calendarDate(new Date(), actor.timeZone));
	const sections = (['month', 'week'] as const)
		.map((kind) => ({
			kind,
			periods: grid.periods[kind].map((key) => ({ key, label: periodLabel(key) })),
			rows: grid.metrics
				.filter((m) => m.period === kind)
				.map((m) => ({
					id: m.id,
					name: m.name,
					key: m.key,
					unit: m.unit,
					direction: m.direction,
					target: m.target,
					cells: grid.periods[kind].map((period) => {
						const stored = grid.values.get(valueKey(m.id, team.id, period)) ?? null;
						return {
							name: gridCellName(m.id, period),
							period,
							stored,
							rag: ragStatus(stored, { direction: m.direction, target: m.target, amberBand: m.amber_band })
						};
					})
				}))
		}))
		.filter((s) => s.rows.length > 0);
	const [created, updated, cleared] = (url.searchParams.get('saved') ?? '').split('-').map(Number);
	return {
		sections,
		saved: url.searchParams.has('saved')
			? { created: created ?? 0, updated: updated ?? 0, cleared: cleared ?? 0 }
			: null
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const actor = requireActor(locals);
		const { access } = requireFound(await measuredTeam(db(), actor, params.id), m.measure_team_not_found());
		requireAllowed(access.manage, m.measure_grid_managers_only());
		const parsed = await readForm(request, gridFormSchema);
		const { names, cells } = parsed.ok ? parsed.data : { names: [], cells: [] };
		const now = new Date();
		const outcome = await saveTeamGrid(db(), actor, params.id, cells, now, calendarDate(now, actor.timeZone));
		if (!outcome.ok) {
			const errors: Record<string, string> = {};
			for (const cell of outcome.cells) {
				const name = names[cell.index];
				if (name) errors[name] ??= word(cell.reason);
			}
			const count = Object.keys(errors).length;
			return fail(400, {
				values: Object.fromEntries(names.map((name, i) => [name, cells[i]?.raw ?? ''])),
				errors,
				message: outcome.form ? word(outcome.form) : m.measure_grid_values_need_attention({ count })
			});
		}
		const { create, update, cleared } = outcome.counts;
		redirect(303, `/measure/teams/${params.id}/metrics?saved=${create}-${update}-${cleared}`);
	}
};
