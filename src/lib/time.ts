/**
 * Wall-clock times in a time zone, converted to and from instants with Intl alone (no date
 * library): forms ask for a local date and time, the database stores UTC instants.
 */
import { currentIntlLocale, dateTimeFormat } from './intl';

/** The zone's offset from UTC, in minutes, at a given instant (positive east of Greenwich). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
	const parts = dateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(instant);
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant at which the clocks in `timeZone` show `date` (YYYY-MM-DD) and `time` (HH:MM). */
export function zonedToInstant(date: string, time: string, timeZone: string): Date {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const [hh, mm] = time.split(':').map(Number) as [number, number];
	const wall = Date.UTC(y, m - 1, d, hh, mm);
	// Two passes settle the offset around daylight-saving changes.
	let instant = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60_000;
	instant = wall - zoneOffsetMinutes(new Date(instant), timeZone) * 60_000;
	return new Date(instant);
}

/** The wall-clock date and time an instant shows in a time zone. */
export function instantToZoned(instant: Date, timeZone: string): { date: string; time: string } {
	const local = new Date(instant.getTime() + zoneOffsetMinutes(instant, timeZone) * 60_000).toISOString();
	return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/**
 * A span of time as the current locale writes one, in the given zone: "Tue, 1 Dec 2026, 12:30–13:15",
 * "di 1 dec 2026, 12:30–13:15", "2026/12/1周二 12:30–13:15"; both days when it runs past midnight.
 */
export function formatSpan(startIso: string, endIso: string, timeZone: string): string {
	return dateTimeFormat(currentIntlLocale(), {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone
	}).formatRange(new Date(startIso), new Date(endIso));
}
