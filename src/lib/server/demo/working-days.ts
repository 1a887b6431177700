import { zonedToInstant } from '../../time';
import { calendarDate } from '../learning/rules';

/**
 * The demo dates its events relative to the day it is loaded. Host slots and lunch-and-learn
 * sessions belong on working days, so an event whose day lands on a weekend moves: forward to the
 * Monday when it is still to come, back to the Friday when it is past, so that what the demo shows
 * as upcoming stays upcoming and what it shows as past stays past, whichever day it is loaded.
 */

const DAY = 86_400_000;

function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function isWeekend(date: string): boolean {
	const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
	return weekday === 0 || weekday === 6;
}

/** The working day (Monday to Friday) `days` after the calendar date `today` (YYYY-MM-DD). */
export function workingDayAfter(today: string, days: number): string {
	const step = days < 0 ? -1 : 1;
	let date = addDays(today, days);
	while (isWeekend(date)) date = addDays(date, step);
	return date;
}

/** The instant the clocks in `timeZone` show `time` (HH:MM) on the working day `days` after `now` there. */
export function workingDayAt(now: Date, days: number, time: string, timeZone: string): Date {
	return zonedToInstant(workingDayAfter(calendarDate(now, timeZone), days), time, timeZone);
}
