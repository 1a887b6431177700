import type { Db } from '../../src/lib/server/db';

/**
 * The demo's shadowing slots and lunch-and-learn sessions that do not start on a working day
 * (Monday to Friday) on their own clocks, as "<start> in <time zone> (<weekday>)"; with the count
 * of events looked at, so a test can tell "none off" from "none at all".
 */
export async function eventsOffWorkingDays(database: Db): Promise<{ checked: number; off: string[] }> {
	const events = [
		...(await database.selectFrom('shadow_slots').select(['starts_at', 'time_zone']).execute()),
		...(await database.selectFrom('lunch_sessions').select(['starts_at', 'time_zone']).execute())
	];
	const off = events.flatMap(({ starts_at, time_zone }) => {
		const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: time_zone }).format(
			new Date(starts_at)
		);
		return weekday === 'Sat' || weekday === 'Sun' ? [`${starts_at} in ${time_zone} (${weekday})`] : [];
	});
	return { checked: events.length, off };
}
