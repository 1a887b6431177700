import { groupBy } from '../../group';
import { isPeriod, periodOf, periodsEndingWith, shiftPeriod } from '../../periods';
import { listBehaviours } from '../behaviours/queries';
import { summariseBehaviours } from '../behaviours/summary';
import type { Db } from '../db';
import type { Metric } from '../db/schema';
import { monthlyCaseScores } from '../feedback/service';
import { calendarDate } from '../learning/rules';
import { teamLearningCompletion } from '../learning/rollup';
import { listMetrics } from '../metrics/definitions';
import { monthlyMetricValues } from '../metrics/values';
import { listTeams, listUnits, teamsInGrants, type TeamRow } from '../org/directory';
import { isUnitWithin, type Scope } from '../people/rules';
import { buildScorecard, indexValues, measureSeries, type MeasurePoint, type TeamScorecard } from './scorecard';
import { howWindow, teamWindowFigures } from './window-rollup';

export { HOW_WINDOW_MONTHS, howWindow } from './window-rollup';

/** Months shown in trends and sparklines. */
export const TREND_MONTHS = 12;

/** The month a scorecard opens on: the last complete one where the viewer is. */
export function defaultMonth(now: Date, timeZone: string): string {
	return shiftPeriod(periodOf('month', calendarDate(now, timeZone)), -1);
}

export function currentMonth(now: Date, timeZone: string): string {
	return periodOf('month', calendarDate(now, timeZone));
}

/** The month a query string asks for, when it is a month up to the current one; else the default. */
export function monthFromQuery(asked: string | null, now: Date, timeZone: string): string {
	return asked && isPeriod('month', asked) && asked <= currentMonth(now, timeZone)
		? asked
		: defaultMonth(now, timeZone);
}

/** Months a viewer may pick, newest first: two years up to and including the current one. */
export function pickableMonths(now: Date, timeZone: string): string[] {
	return periodsEndingWith(currentMonth(now, timeZone), 24).reverse();
}

/**
 * The teams whose scorecards a person sees on /measure: admins every team, leaders the teams in
 * the units they lead (and below), managers the teams they manage.
 */
export async function visibleTeams(database: Db, scope: Scope): Promise<TeamRow[]> {
	if (scope.isAdmin) return listTeams(database);
	return teamsInGrants(database, { teamIds: scope.managedTeamIds, unitPaths: scope.ledUnitPaths });
}

/** Units that hold visible teams, for the unit filter, in tree order with their depth. */
export async function unitsForFilter(database: Db, teams: readonly TeamRow[], scope: Scope) {
	const units = await listUnits(database);
	return units
		.filter((u) => teams.some((t) => isUnitWithin(t.unit_path, u.path)))
		.filter(
			(u) =>
				scope.isAdmin ||
				scope.ledUnitPaths.some((p) => isUnitWithin(u.path, p)) ||
				teams.some((t) => t.unit_path === u.path)
		)
		.map((u) => ({ id: u.id, name: u.name, path: u.path, depth: u.path.split('/').filter(Boolean).length - 1 }));
}

export interface Scorecards {
	month: string;
	months: string[];
	window: ReturnType<typeof howWindow>;
	metrics: Metric[];
	cards: Map<string, TeamScorecard>;
}

/**
 * Every team's scorecard for a month, from a fixed number of grouped queries however many teams:
 * metric values and case-feedback scores over the trend months, and behaviour observations,
 * recognition, learning, shadowing and buddy participation over the How window. An overview that
 * shows no trends asks for one month of series (`trendMonths: 1`) and reads a twelfth of the values.
 */
export async function scorecardsFor(
	database: Db,
	teams: readonly Pick<TeamRow, 'id' | 'member_count'>[],
	month: string,
	now: Date,
	trendMonths = TREND_MONTHS
): Promise<Scorecards> {
	const months = periodsEndingWith(month, trendMonths);
	const window = howWindow(month);
	const teamIds = teams.map((t) => t.id);
	const [metrics, values, caseScores, behaviours, howFigures, learning] = await Promise.all([
		listMetrics(database),
		monthlyMetricValues(database, teamIds, months),
		monthlyCaseScores(database, teamIds, months),
		listBehaviours(database),
		teamWindowFigures(database, teamIds, window, now),
		// Assignments reach whoever is in the team now, so learning is read as it stands today.
		teamLearningCompletion(database, teamIds)
	]);
	const valuesByTeam = groupBy(values, (v) => v.teamId);

	const cards = new Map<string, TeamScorecard>();
	for (const team of teams) {
		const how = howFigures.get(team.id)!;
		cards.set(
			team.id,
			buildScorecard({
				months,
				metrics,
				values: valuesByTeam.get(team.id) ?? [],
				caseScores: caseScores.get(team.id) ?? new Map(),
				behaviours: summariseBehaviours(behaviours, how.behaviours),
				participation: {
					members: team.member_count,
					recognition: how.recognition,
					learning: learning.get(team.id) ?? { assigned: 0, completed: 0 },
					shadowing: how.shadowing,
					buddies: how.buddies
				}
			})
		);
	}
	return { month, months, window, metrics, cards };
}

/** One measure's monthly series for some teams, as a trend chart across teams draws it. */
export async function measureTrends(
	database: Db,
	teamIds: readonly string[],
	metric: Metric,
	month: string
): Promise<{ months: string[]; series: Map<string, MeasurePoint[]> }> {
	const months = periodsEndingWith(month, TREND_MONTHS);
	const fromValues = metric.source === 'values';
	const [values, caseScores] = await Promise.all([
		fromValues ? monthlyMetricValues(database, teamIds, months, [metric.id]) : [],
		fromValues ? new Map<string, Map<string, number[]>>() : monthlyCaseScores(database, teamIds, months)
	]);
	const valuesByTeam = groupBy(values, (v) => v.teamId);
	const series = new Map(
		teamIds.map((id) => [
			id,
			measureSeries(metric, months, indexValues(valuesByTeam.get(id) ?? []), caseScores.get(id) ?? new Map())
		])
	);
	return { months, series };
}
