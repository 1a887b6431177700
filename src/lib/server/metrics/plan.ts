import { periodKind, periodOf } from '../../periods';
import { nameKey } from '../org/rules';
import type { MetricPeriod, MetricSource } from '../db/schema';
import type { Refusal } from '../service-result';

/**
 * Checking a batch of metric values, the pure half shared by the entry grid, the CSV import and
 * the ingest API: rows in, a plan out. The plan says, for each row, whether it adds a value,
 * changes one or repeats what is stored, and lists every problem by row and field. Callers apply
 * a plan only when it has no issues, so a batch is stored whole or not at all. Problems are
 * message keys with their inputs: the pages word them in the person's language, the API in English.
 */

export const valueFields = ['team', 'metric', 'period', 'value'] as const;
export type ValueField = (typeof valueFields)[number];

/** Largest magnitude accepted: well beyond any real measure, well inside a double's exact range. */
export const MAX_MAGNITUDE = 1e12;

export interface ValueRow {
	/** A team's name (any case) or id. */
	team: string;
	/** A metric key. */
	metric: string;
	/** `2026-11` for monthly metrics, `2026-W47` for weekly ones. */
	period: string;
	/** A number, or text as typed in a file or form. */
	value: number | string;
}

export interface ValueIssue {
	/** Position of the row in the batch (0-based). */
	index: number;
	field: ValueField;
	reason: Refusal;
}

export type ValueAction = 'create' | 'update' | 'unchanged';

export interface PlannedValue {
	index: number;
	metricId: string;
	teamId: string;
	period: string;
	value: number;
	action: ValueAction;
	/** The value stored now, when there is one. */
	previous: number | null;
}

export interface ValuePlan {
	values: PlannedValue[];
	issues: ValueIssue[];
	counts: Record<ValueAction, number>;
}

export interface WorldMetric {
	id: string;
	key: string;
	period: MetricPeriod;
	source: MetricSource;
	archived: boolean;
}

export interface WorldTeam {
	id: string;
	name: string;
}

/** What the plan needs to know about Ripple as it is. */
export interface ValueWorld {
	teams: readonly WorldTeam[];
	metrics: readonly WorldMetric[];
	/** Teams the sender may write for; `all` for admins and integrations. */
	allowedTeamIds: ReadonlySet<string> | 'all';
	/** Stored values keyed by `valueKey`. Only those the batch can touch need to be here. */
	stored: ReadonlyMap<string, number>;
	/** Today as `YYYY-MM-DD`: values may be given for the current period, not for later ones. */
	today: string;
}

export function valueKey(metricId: string, teamId: string, period: string): string {
	return `${metricId}|${teamId}|${period}`;
}

/**
 * The teams a reference names: the one with that id, or those with that name without regard to
 * case or surrounding spaces (nameKey). Names are unique that way, so a name names one team;
 * should two ever share it (SQLite's index folds only ASCII letters), both are returned and the
 * plan refuses the row rather than pick one.
 */
export function teamFinder(teams: readonly WorldTeam[]): (ref: string) => WorldTeam[] {
	const byId = new Map(teams.map((t) => [t.id, t]));
	const byName = new Map<string, WorldTeam[]>();
	for (const t of teams) byName.set(nameKey(t.name), [...(byName.get(nameKey(t.name)) ?? []), t]);
	return (ref) => {
		const found = byId.get(ref.trim());
		return found ? [found] : (byName.get(nameKey(ref)) ?? []);
	};
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A value as a finite number, or why it is not one. */
export function parseValue(raw: number | string): { ok: true; value: number } | { ok: false; reason: Refusal } {
	if (typeof raw === 'number') {
		if (!Number.isFinite(raw)) return { ok: false, reason: { code: 'measure_value_not_finite' } };
		if (Math.abs(raw) > MAX_MAGNITUDE) return { ok: false, reason: { code: 'measure_value_too_large' } };
		return { ok: true, value: raw };
	}
	const text = raw.trim();
	if (text === '') return { ok: false, reason: { code: 'measure_value_required' } };
	if (!NUMBER.test(text)) return { ok: false, reason: { code: 'measure_value_not_number', params: { text } } };
	return parseValue(Number(text));
}

export function planMetricValues(
	rows: readonly ValueRow[],
	world: ValueWorld,
	options: { duplicateOf?: (index: number) => Refusal } = {}
): ValuePlan {
	/** Names the earlier row a repeated one clashes with, as the caller numbers its rows. */
	const duplicateOf =
		options.duplicateOf ??
		((index: number): Refusal => ({ code: 'measure_value_duplicate_row', params: { row: index + 1 } }));
	const findTeams = teamFinder(world.teams);
	const metricsByKey = new Map(world.metrics.map((m) => [m.key, m]));
	const current: Record<MetricPeriod, string> = {
		month: periodOf('month', world.today),
		week: periodOf('week', world.today)
	};
	const firstIndexOf = new Map<string, number>();
	const issues: ValueIssue[] = [];
	const values: PlannedValue[] = [];

	rows.forEach((row, index) => {
		const problem = (field: ValueField, code: Refusal['code'], params?: Refusal['params']) =>
			issues.push({ index, field, reason: params ? { code, params } : { code } });
		const before = issues.length;

		const teamRef = row.team.trim();
		const teams = teamRef ? findTeams(teamRef) : [];
		const team = teams.length === 1 ? teams[0] : undefined;
		const allowed = team && (world.allowedTeamIds === 'all' || world.allowedTeamIds.has(team.id));
		if (!teamRef) problem('team', 'measure_value_team_required');
		else if (teams.length > 1)
			problem('team', 'measure_value_team_ambiguous', {
				team: teamRef,
				teams: teams.map((t) => t.name).join(', ')
			});
		else if (!allowed)
			problem('team', world.allowedTeamIds === 'all' ? 'measure_value_team_unknown' : 'measure_value_team_not_yours', {
				team: teamRef
			});

		const key = row.metric.trim();
		const metric = key ? metricsByKey.get(key) : undefined;
		if (!key) problem('metric', 'measure_value_metric_required');
		else if (!metric) problem('metric', 'measure_value_metric_unknown', { metric: key });
		else if (metric.source !== 'values') problem('metric', 'measure_value_metric_computed', { metric: key });
		else if (metric.archived) problem('metric', 'measure_value_metric_archived', { metric: key });

		const period = row.period.trim();
		const kind = periodKind(period);
		if (!period) problem('period', 'measure_value_period_required');
		else if (kind !== 'month' && kind !== 'week') problem('period', 'measure_value_period_invalid', { period });
		else if (metric && metric.period !== kind)
			problem('period', metric.period === 'month' ? 'measure_value_period_monthly' : 'measure_value_period_weekly', {
				metric: metric.key
			});
		else if (period > current[kind]) problem('period', 'measure_value_period_future', { period });

		const parsed = parseValue(row.value);
		if (!parsed.ok) issues.push({ index, field: 'value', reason: parsed.reason });

		if (issues.length > before || !team || !metric || !parsed.ok) return;
		const cell = valueKey(metric.id, team.id, period);
		const first = firstIndexOf.get(cell);
		if (first !== undefined) {
			issues.push({ index, field: 'period', reason: duplicateOf(first) });
			return;
		}
		firstIndexOf.set(cell, index);
		const previous = world.stored.get(cell) ?? null;
		const action: ValueAction = previous === null ? 'create' : previous === parsed.value ? 'unchanged' : 'update';
		values.push({ index, metricId: metric.id, teamId: team.id, period, value: parsed.value, action, previous });
	});

	const counts = { create: 0, update: 0, unchanged: 0 };
	for (const v of values) counts[v.action] += 1;
	return { values, issues, counts };
}

/** The teams and periods a batch can touch, so callers load only the stored values that matter. */
export function referencedCells(
	rows: readonly ValueRow[],
	teams: readonly WorldTeam[]
): { teamIds: string[]; periods: string[] } {
	const findTeams = teamFinder(teams);
	const teamIds = new Set<string>();
	const periods = new Set<string>();
	for (const row of rows) {
		const found = findTeams(row.team);
		if (found.length === 1) teamIds.add(found[0]!.id);
		const period = row.period.trim();
		if (periodKind(period)) periods.add(period);
	}
	return { teamIds: [...teamIds], periods: [...periods] };
}
