import { periodKind, periodOf } from '../../periods';
import { nameKey } from '../org/rules';
import type { MetricPeriod, MetricSource } from '../db/schema';

/**
 * Checking a batch of metric values, the pure half shared by the entry grid, the CSV import and
 * the ingest API: rows in, a plan out. The plan says, for each row, whether it adds a value,
 * changes one or repeats what is stored, and lists every problem by row and field. Callers apply
 * a plan only when it has no issues, so a batch is stored whole or not at all.
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
	reason: string;
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
export function parseValue(raw: number | string): { ok: true; value: number } | { ok: false; reason: string } {
	if (typeof raw === 'number') {
		if (!Number.isFinite(raw)) return { ok: false, reason: 'Give a finite number' };
		if (Math.abs(raw) > MAX_MAGNITUDE) return { ok: false, reason: 'This number is too large to be a measure' };
		return { ok: true, value: raw };
	}
	const text = raw.trim();
	if (text === '') return { ok: false, reason: 'Enter a value' };
	if (!NUMBER.test(text))
		return { ok: false, reason: `"${text}" is not a number; write digits with a decimal point, such as 97.5` };
	return parseValue(Number(text));
}

const periodExamples: Record<MetricPeriod, string> = {
	month: 'a month such as 2026-11',
	week: 'an ISO week such as 2026-W47'
};

export function planMetricValues(
	rows: readonly ValueRow[],
	world: ValueWorld,
	options: { rowName?: (index: number) => string } = {}
): ValuePlan {
	const rowName = options.rowName ?? ((index: number) => `row ${index + 1}`);
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
		const problem = (field: ValueField, reason: string) => issues.push({ index, field, reason });
		const before = issues.length;

		const teamRef = row.team.trim();
		const teams = teamRef ? findTeams(teamRef) : [];
		const team = teams.length === 1 ? teams[0] : undefined;
		const allowed = team && (world.allowedTeamIds === 'all' || world.allowedTeamIds.has(team.id));
		if (!teamRef) problem('team', 'Enter a team name or id');
		else if (teams.length > 1)
			problem(
				'team',
				`"${teamRef}" matches more than one team (${teams.map((t) => t.name).join(', ')}); give the team’s id`
			);
		else if (!allowed)
			problem(
				'team',
				world.allowedTeamIds === 'all' ? `"${teamRef}" is not a team` : `"${teamRef}" is not one of your teams`
			);

		const key = row.metric.trim();
		const metric = key ? metricsByKey.get(key) : undefined;
		if (!key) problem('metric', 'Enter a metric key');
		else if (!metric) problem('metric', `"${key}" is not a metric key`);
		else if (metric.source !== 'values')
			problem('metric', `${key} is worked out from case feedback and takes no values`);
		else if (metric.archived) problem('metric', `${key} is archived; restore it before adding values`);

		const period = row.period.trim();
		const kind = periodKind(period);
		if (!period) problem('period', 'Enter a period');
		else if (kind !== 'month' && kind !== 'week')
			problem('period', `"${period}" is neither a month such as 2026-11 nor an ISO week such as 2026-W47`);
		else if (metric && metric.period !== kind)
			problem(
				'period',
				`${metric.key} is ${metric.period === 'month' ? 'monthly' : 'weekly'}: use ${periodExamples[metric.period]}`
			);
		else if (period > current[kind]) problem('period', `${period} has not started yet`);

		const parsed = parseValue(row.value);
		if (!parsed.ok) problem('value', parsed.reason);

		if (issues.length > before || !team || !metric || !parsed.ok) return;
		const cell = valueKey(metric.id, team.id, period);
		const first = firstIndexOf.get(cell);
		if (first !== undefined) {
			problem('period', `The same team, metric and period as ${rowName(first)}`);
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
