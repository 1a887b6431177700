import { z } from 'zod';
import { periodOf, periodsEndingWith } from '../../periods';
import { recordAudit } from '../audit/log';
import type { Db } from '../db';
import type { Metric } from '../db/schema';
import { getTeam, listTeams } from '../org/directory';
import type { Scope } from '../people/rules';
import { teamAccess, writableTeams } from './policy';
import type { Actor } from '../auth/actor';
import { metricsTemplate, planMetricsCsv, csvValueRows, type CsvPlan } from './csv';
import { planMetricValues, referencedCells, valueKey, type ValueIssue, type ValueRow, type ValueWorld } from './plan';
import { deleteValues, listMetrics, storedValues, upsertValues } from './queries';
import type { Refusal } from '../service-result';

/** Stored values by team and month, for scorecards. */
export { monthlyMetricValues } from './queries';
import { takesValues } from './definitions';

/** The import template for this person: each team they may write values for, with every active metric taking values. */
export async function metricsTemplateFor(database: Db, scope: Scope, today: string): Promise<string> {
	const allowed = writableTeams(scope);
	const [teams, metrics] = await Promise.all([listTeams(database), listMetrics(database)]);
	return metricsTemplate(
		teams.filter((t) => allowed === 'all' || allowed.has(t.id)).map((t) => t.name),
		metrics.filter(takesValues),
		today
	);
}

/** Loads what `planMetricValues` needs to judge these rows, reading only the stored values they can touch. */
export async function loadValueWorld(
	database: Db,
	rows: readonly ValueRow[],
	allowedTeamIds: ValueWorld['allowedTeamIds'],
	today: string
): Promise<ValueWorld> {
	const [teams, metrics] = await Promise.all([listTeams(database), listMetrics(database, { includeArchived: true })]);
	const worldTeams = teams.map((t) => ({ id: t.id, name: t.name }));
	const { teamIds, periods } = referencedCells(rows, worldTeams);
	const stored = await storedValues(database, teamIds, periods);
	return {
		teams: worldTeams,
		metrics: metrics.map((m) => ({
			id: m.id,
			key: m.key,
			period: m.period,
			source: m.source,
			archived: m.archived_at !== null
		})),
		allowedTeamIds,
		stored: new Map(stored.map((s) => [valueKey(s.metricId, s.teamId, s.period), s.value])),
		today
	};
}

async function planCsv(database: Db, scope: Scope, csvText: string, today: string): Promise<CsvPlan> {
	return planMetricsCsv(csvText, await loadValueWorld(database, csvValueRows(csvText), writableTeams(scope), today));
}

export async function previewMetricsImport(
	database: Db,
	actor: Actor,
	csvText: string,
	today: string
): Promise<CsvPlan> {
	return planCsv(database, actor.scope, csvText, today);
}

/**
 * Applies a CSV import in one transaction, all rows or none. The file is planned again inside the
 * transaction, so it is checked against the data as it is now rather than at preview time.
 */
export async function applyMetricsImport(
	database: Db,
	actor: Actor,
	csvText: string,
	now: Date,
	today: string
): Promise<{ ok: boolean; plan: CsvPlan }> {
	return database.transaction().execute(async (trx) => {
		const plan = await planCsv(trx, actor.scope, csvText, today);
		if (plan.issues.length > 0) return { ok: false, plan };
		const at = now.toISOString();
		await upsertValues(
			trx,
			plan.values.filter((v) => v.action !== 'unchanged'),
			{ source: 'import', updatedBy: actor.id, integrationId: null, at }
		);
		const { create, update, unchanged, skipped } = plan.counts;
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'metric_values.imported',
			objectType: 'import',
			objectId: null,
			summary: { code: 'measure_audit_values_imported', params: { create, update, unchanged, skipped } },
			details: {
				created: create,
				updated: update,
				unchanged,
				skipped,
				teams: [...new Set(plan.values.map((v) => v.teamId))]
			},
			ip: actor.ip,
			at: now
		});
		return { ok: true, plan };
	});
}

export const GRID_MONTHS = 6;
export const GRID_WEEKS = 8;

/** The periods the entry grid shows, oldest first: the last 6 months and the last 8 ISO weeks. */
export function gridPeriods(today: string): { month: string[]; week: string[] } {
	return {
		month: periodsEndingWith(periodOf('month', today), GRID_MONTHS),
		week: periodsEndingWith(periodOf('week', today), GRID_WEEKS)
	};
}

export interface TeamGrid {
	metrics: Metric[];
	periods: { month: string[]; week: string[] };
	/** Stored values by `valueKey(metric, team, period)`. */
	values: Map<string, number>;
}

/** Everything the entry grid shows for a team: active metrics that take values, and their stored values. */
export async function teamGrid(database: Db, teamId: string, today: string): Promise<TeamGrid> {
	const periods = gridPeriods(today);
	const [metrics, stored] = await Promise.all([
		listMetrics(database),
		storedValues(database, [teamId], [...periods.month, ...periods.week])
	]);
	return {
		metrics: metrics.filter(takesValues),
		periods,
		values: new Map(stored.map((s) => [valueKey(s.metricId, s.teamId, s.period), s.value]))
	};
}

export interface GridCell {
	metricId: string;
	period: string;
	/** As typed; blank means "no value". */
	raw: string;
}

/** A grid cell's form field: `cell:<metric id>:<period>`; periods never hold a colon. */
export const gridCellName = (metricId: string, period: string) => `cell:${metricId}:${period}`;

/** The entry grid as submitted: every `cell:` field, in order, with the field names to report errors against. */
export const gridFormSchema = z.record(z.string(), z.string()).transform((form) => {
	const names: string[] = [];
	const cells: GridCell[] = [];
	for (const [name, raw] of Object.entries(form)) {
		if (!name.startsWith('cell:')) continue;
		const rest = name.slice('cell:'.length);
		const split = rest.lastIndexOf(':');
		if (split <= 0) continue;
		names.push(name);
		cells.push({ metricId: rest.slice(0, split), period: rest.slice(split + 1), raw });
	}
	return { names, cells };
});

export type GridOutcome =
	| { ok: true; counts: { create: number; update: number; cleared: number } }
	| { ok: false; form?: Refusal; cells: { index: number; reason: Refusal }[] };

/**
 * Saves the entry grid in one transaction. Filled cells are checked like any other batch of
 * values; a cleared cell removes the stored value; if any cell is wrong, nothing is saved.
 */
export async function saveTeamGrid(
	database: Db,
	actor: Actor,
	teamId: string,
	cells: readonly GridCell[],
	now: Date,
	today: string
): Promise<GridOutcome> {
	return database.transaction().execute(async (trx): Promise<GridOutcome> => {
		const team = await getTeam(trx, teamId);
		if (!team || !teamAccess(actor.scope, team).manage)
			return { ok: false, form: { code: 'measure_grid_not_allowed' }, cells: [] };
		const grid = await teamGrid(trx, teamId, today);
		const metrics = new Map(grid.metrics.map((m) => [m.id, m]));

		const outside: { index: number; reason: Refusal }[] = [];
		const filled: { index: number; row: ValueRow }[] = [];
		const cleared: { metricId: string; period: string }[] = [];
		cells.forEach((cell, index) => {
			const metric = metrics.get(cell.metricId);
			if (!metric || !grid.periods[metric.period].includes(cell.period)) {
				outside.push({ index, reason: { code: 'measure_grid_cell_gone' } });
			} else if (cell.raw.trim() !== '') {
				filled.push({ index, row: { team: teamId, metric: metric.key, period: cell.period, value: cell.raw } });
			} else if (grid.values.has(valueKey(metric.id, teamId, cell.period))) {
				cleared.push({ metricId: metric.id, period: cell.period });
			}
		});

		const plan = planMetricValues(
			filled.map((f) => f.row),
			{
				teams: [{ id: team.id, name: team.name }],
				metrics: grid.metrics.map((m) => ({
					id: m.id,
					key: m.key,
					period: m.period,
					source: m.source,
					archived: false
				})),
				allowedTeamIds: new Set([team.id]),
				stored: grid.values,
				today
			}
		);
		const problems = [
			...outside,
			...plan.issues.map((i: ValueIssue) => ({ index: filled[i.index]?.index ?? -1, reason: i.reason }))
		];
		if (problems.length > 0) return { ok: false, cells: problems };

		const changed = plan.values.filter((v) => v.action !== 'unchanged');
		const counts = { create: plan.counts.create, update: plan.counts.update, cleared: cleared.length };
		if (changed.length === 0 && cleared.length === 0) return { ok: true, counts };
		await upsertValues(trx, changed, {
			source: 'entry',
			updatedBy: actor.id,
			integrationId: null,
			at: now.toISOString()
		});
		await deleteValues(trx, teamId, cleared);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'metric_values.entered',
			objectType: 'team',
			objectId: teamId,
			summary: { code: 'measure_audit_values_entered', params: { team: team.name, ...counts } },
			details: counts,
			ip: actor.ip,
			at: now
		});
		return { ok: true, counts };
	});
}
