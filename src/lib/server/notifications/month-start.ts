import { groupBy } from '../../group';
import type { Db } from '../db';
import { listMetrics, takesValues } from '../metrics/definitions';
import { monthlyMetricValues } from '../metrics/values';
import { teamsInGrants } from '../org/directory';
import { activeLeaderGrants, activeManagerGrants } from '../people/directory';
import { monthStatusOf } from '../scorecards/month-status';
import { takenLedgerKeys } from './queries';
import { readersOf, type DueReminder } from './reminder-ledger';
import { monthStartFor, remindersDueOn } from './rules';

/**
 * The month-start messages: managers hear which of last month's metrics are missing, leaders get
 * each led unit's scorecard summary. Kept apart from ./reminders.ts so that the demo's seed, which
 * runs outside the built server, can make them with the scheduler's own rules.
 */

/**
 * Grants whose month-start message falls due now and is not made yet: the month just ended on
 * the holder's calendar, once their digest time has passed on a working day of the month's first
 * week, and its ledger key. Keys already taken are dropped before any scorecard is worked out.
 */
async function monthStartGrants<G extends { personId: string }>(
	database: Db,
	grants: readonly G[],
	kind: string,
	objectOf: (grant: G) => string,
	now: Date
): Promise<(G & { month: string; key: string })[]> {
	if (grants.length === 0) return [];
	const readers = await readersOf(database, [...new Set(grants.map((g) => g.personId))]);
	const due = grants.flatMap((grant) => {
		const reader = readers.get(grant.personId);
		const today = reader?.active ? remindersDueOn(now, reader.timeZone, reader.digestTime) : null;
		const month = today ? monthStartFor(today) : null;
		return month ? [{ ...grant, month, key: `${grant.personId}|${objectOf(grant)}|${kind}|${month}` }] : [];
	});
	if (due.length === 0) return [];
	const taken = await takenLedgerKeys(
		database,
		due.map((d) => d.key)
	);
	return due.filter((d) => !taken.has(d.key));
}

/**
 * At the start of a month, each manager hears which of their team's metrics for the month just
 * ended have no value yet (only metrics that take values; case-feedback ones fill themselves).
 * A team with everything entered gets nothing.
 */
export async function metricsMissingDue(database: Db, now: Date): Promise<DueReminder[]> {
	const due = await monthStartGrants(
		database,
		await activeManagerGrants(database),
		'measure.metrics_missing',
		(g) => g.teamId,
		now
	);
	if (due.length === 0) return [];
	const metrics = (await listMetrics(database)).filter(takesValues);
	if (metrics.length === 0) return [];
	const reminders: DueReminder[] = [];
	for (const [month, grants] of groupBy(due, (d) => d.month)) {
		const values = await monthlyMetricValues(database, [...new Set(grants.map((g) => g.teamId))], [month]);
		const entered = new Set(values.map((v) => `${v.teamId}|${v.metricId}`));
		for (const grant of grants) {
			const missing = metrics.filter((m) => !entered.has(`${grant.teamId}|${m.id}`)).length;
			if (missing === 0) continue;
			reminders.push({
				key: grant.key,
				notice: {
					to: grant.personId,
					kind: 'measure.metrics_missing',
					subject: { type: 'team', id: grant.teamId },
					href: `/measure/teams/${grant.teamId}/metrics`,
					params: { team: grant.team, month, missing, total: metrics.length }
				}
			});
		}
	}
	return reminders;
}

/**
 * At the start of a month, each leader gets the scorecard summary of every unit they lead for the
 * month just ended: how many teams, how many with a measure off target, and the watermelons by
 * name (SLAs on target while the internal customer's experience is off it).
 */
export async function scorecardSummariesDue(database: Db, now: Date): Promise<DueReminder[]> {
	const due = await monthStartGrants(
		database,
		await activeLeaderGrants(database),
		'measure.scorecard_summary',
		(g) => g.unitId,
		now
	);
	const reminders: DueReminder[] = [];
	for (const grant of due) {
		const teams = await teamsInGrants(database, { teamIds: [], unitPaths: [grant.unitPath] });
		if (teams.length === 0) continue;
		const status = await monthStatusOf(
			database,
			teams.map((t) => t.id),
			grant.month
		);
		const offTarget = teams.filter((t) => status.get(t.id)?.offTarget).length;
		const watermelons = teams.filter((t) => status.get(t.id)?.watermelon).map((t) => t.name);
		reminders.push({
			key: grant.key,
			notice: {
				to: grant.personId,
				kind: 'measure.scorecard_summary',
				subject: { type: 'unit', id: grant.unitId },
				href: `/measure?month=${grant.month}&unit=${grant.unitId}`,
				params: { unit: grant.unit, month: grant.month, teams: teams.length, offTarget, watermelons }
			}
		});
	}
	return reminders;
}
