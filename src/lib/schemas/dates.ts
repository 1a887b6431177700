import { z } from 'zod';

/**
 * Calendar days as forms send them (YYYY-MM-DD). A pattern alone lets 2026-02-30 through, which
 * JavaScript's Date quietly turns into 2 March; these check that the day exists.
 */

/** A real YYYY-MM-DD day (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Days a Ripple form can mean: anything earlier or later is a typing slip (year 0000 or 9999). */
export const EARLIEST_DAY = '2000-01-01';
export const LATEST_DAY = '2099-12-31';

/**
 * A form field holding a real day between EARLIEST_DAY and LATEST_DAY. Its messages are functions,
 * worded when a form is checked, in that request's language: `required` says what to choose,
 * `outOfRange` that the day is too early or too late.
 */
export function calendarDay(required: () => string, outOfRange: () => string) {
	return z
		.string()
		.trim()
		.refine(isCalendarDate, { error: required })
		.refine((v) => !isCalendarDate(v) || (v >= EARLIEST_DAY && v <= LATEST_DAY), { error: outOfRange });
}
