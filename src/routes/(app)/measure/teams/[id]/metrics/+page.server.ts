import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { calendarDate } from '$lib/server/learning/rules';
import { valueKey } from '$lib/server/metrics/plan';
import { ragStatus } from '$lib/server/metrics/rules';
import { saveTeamGrid, teamGrid, type GridCell } from '$lib/server/metrics/values';
import { getTeam } from '$lib/server/org/queries';
import { teamAccess } from '$lib/server/scorecards/access';
import { periodLabel } from '$lib/periods';
import type { Actions, PageServerLoad } from './$types';

const notFound = () => error(404, 'We could not find that page.');

/** Form fields are named `cell:<metric id>:<period>`; periods never hold a colon. */
const cellName = (metricId: string, period: string) => `cell:${metricId}:${period}`;

function cellsOf(form: FormData): { names: string[]; cells: GridCell[] } {
	const names: string[] = [];
	const cells: GridCell[] = [];
	for (const [name, raw] of form) {
		if (!name.startsWith('cell:') || typeof raw !== 'string') continue;
		const rest = name.slice('cell:'.length);
		const split = rest.lastIndexOf(':');
		if (split <= 0) continue;
		names.push(name);
		cells.push({ metricId: rest.slice(0, split), period: rest.slice(split + 1), raw });
	}
	return { names, cells };
}

export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const user = requireUser(locals);
	const { team, access } = await parent();
	if (!access.manage) notFound();
	const grid = await teamGrid(db(), team.id, calendarDate(new Date(), user.timeZone));
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
							name: cellName(m.id, period),
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
	default: async ({ locals, params, request, getClientAddress }) => {
		const user = requireUser(locals);
		const team = await getTeam(db(), params.id);
		if (!team || !teamAccess(user.scope, team).manage) notFound();
		const { names, cells } = cellsOf(await request.formData());
		const now = new Date();
		const outcome = await saveTeamGrid(
			db(),
			{ id: user.id, ip: getClientAddress(), scope: user.scope },
			params.id,
			cells,
			now,
			calendarDate(now, user.timeZone)
		);
		if (!outcome.ok) {
			const errors: Record<string, string> = {};
			for (const cell of outcome.cells) {
				const name = names[cell.index];
				if (name) errors[name] ??= cell.reason;
			}
			const count = Object.keys(errors).length;
			return fail(400, {
				values: Object.fromEntries(names.map((name, i) => [name, cells[i]?.raw ?? ''])),
				errors,
				message: outcome.form ?? `${count} ${count === 1 ? 'value needs' : 'values need'} attention. Nothing was saved.`
			});
		}
		const { create, update, cleared } = outcome.counts;
		redirect(303, `/measure/teams/${params.id}/metrics?saved=${create}-${update}-${cleared}`);
	}
};
