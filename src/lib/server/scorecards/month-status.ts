import { groupBy } from '../../group';
import type { Db } from '../db';
import { monthlyCaseScores } from '../feedback/service';
import { listMetrics } from '../metrics/definitions';
import { monthlyMetricValues } from '../metrics/values';
import { monthStatus } from './scorecard';

/**
 * Each team's month on its What and Experience sides (any measure off target; a watermelon), from
 * three grouped queries however many teams. Unlike `scorecardsFor` it reads no participation or
 * learning, so the scheduler (and the demo's seed, outside the built server) can summarise a whole
 * unit cheaply.
 */
export async function monthStatusOf(database: Db, teamIds: readonly string[], month: string) {
	const [metrics, values, caseScores] = await Promise.all([
		listMetrics(database),
		monthlyMetricValues(database, teamIds, [month]),
		monthlyCaseScores(database, teamIds, [month])
	]);
	const valuesByTeam = groupBy(values, (v) => v.teamId);
	return new Map(
		teamIds.map((id) => [
			id,
			monthStatus({
				months: [month],
				metrics,
				values: valuesByTeam.get(id) ?? [],
				caseScores: caseScores.get(id) ?? new Map()
			})
		])
	);
}
