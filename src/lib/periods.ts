/**
 * Reporting periods as sortable text keys: months (`2026-11`), ISO weeks (`2026-W47`) and
 * quarters (`2026-Q4`). Pure and clock-free: callers pass dates as `YYYY-MM-DD`.
 */
import { m } from './paraglide/messages.js';
import type { Locale } from './i18n/locales';

export type PeriodKind = 'month' | 'week' | 'quarter';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const WEEK = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const DAY_MS = 86_400_000;

function utcDate(date: string): Date {
	return new Date(`${date}T00:00:00Z`);
}

function isoDay(d: Date): string {
	return d.toISOString().slice(0, 10);
}

/** The numeric capture groups of a period key that is already known to match. */
function parts(pattern: RegExp, key: string): [number, number] {
	const match = pattern.exec(key);
	return [Number(match?.[1]), Number(match?.[2])];
}

function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

/** Number of ISO weeks in a year: 53 when 1 January or 31 December is a Thursday. */
function isoWeeksIn(year: number): number {
	const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
	const dec31 = new Date(Date.UTC(year, 11, 31)).getUTCDay();
	return jan1 === 4 || dec31 === 4 ? 53 : 52;
}

/** Monday of ISO week 1: the week holding the year's first Thursday. */
function isoYearStart(year: number): Date {
	const jan4 = new Date(Date.UTC(year, 0, 4));
	const weekday = (jan4.getUTCDay() + 6) % 7; // Monday = 0
	return new Date(jan4.getTime() - weekday * DAY_MS);
}

export function periodKind(key: string): PeriodKind | null {
	if (MONTH.test(key)) return 'month';
	const week = WEEK.exec(key);
	if (week) return Number(week[2]) <= isoWeeksIn(Number(week[1])) ? 'week' : null;
	if (QUARTER.test(key)) return 'quarter';
	return null;
}

export function isPeriod(kind: PeriodKind, key: string): boolean {
	return periodKind(key) === kind;
}

/** The period of a kind that contains a date. */
export function periodOf(kind: PeriodKind, date: string): string {
	const d = utcDate(date);
	const year = d.getUTCFullYear();
	if (kind === 'month') return `${year}-${pad(d.getUTCMonth() + 1)}`;
	if (kind === 'quarter') return `${year}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
	// The ISO week belongs to the year of its Thursday.
	const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * DAY_MS);
	const isoYear = thursday.getUTCFullYear();
	const week = Math.floor((thursday.getTime() - isoYearStart(isoYear).getTime()) / (7 * DAY_MS)) + 1;
	return `${isoYear}-W${pad(week)}`;
}

/** First day and the day after the last, as `YYYY-MM-DD`. */
export function periodRange(key: string): { start: string; end: string } {
	const kind = periodKind(key);
	if (kind === 'month') {
		const [y, m] = parts(MONTH, key);
		return { start: isoDay(new Date(Date.UTC(y, m - 1, 1))), end: isoDay(new Date(Date.UTC(y, m, 1))) };
	}
	if (kind === 'quarter') {
		const [y, q] = parts(QUARTER, key);
		return { start: isoDay(new Date(Date.UTC(y, (q - 1) * 3, 1))), end: isoDay(new Date(Date.UTC(y, q * 3, 1))) };
	}
	if (kind === 'week') {
		const [y, w] = parts(WEEK, key);
		const start = new Date(isoYearStart(y).getTime() + (w - 1) * 7 * DAY_MS);
		return { start: isoDay(start), end: isoDay(new Date(start.getTime() + 7 * DAY_MS)) };
	}
	throw new RangeError(`Not a period: ${key}`);
}

/**
 * Answers of the pure functions below that pages ask for again and again (every scorecard walks the
 * same twelve months and their weeks), kept by argument. Periods are few, but the maps are emptied
 * if they ever grow large.
 */
function remembered<T>(cache: Map<string, T>, key: string, work: () => T): T {
	let answer = cache.get(key);
	if (answer === undefined) {
		if (cache.size >= 5_000) cache.clear();
		answer = work();
		cache.set(key, answer);
	}
	return answer;
}
const shifted = new Map<string, string>();
const weeksByMonth = new Map<string, readonly string[]>();

/** The period `steps` after (or before, when negative) the given one. */
export function shiftPeriod(key: string, steps: number): string {
	return remembered(shifted, `${key}|${steps}`, () => shiftPeriodNow(key, steps));
}

function shiftPeriodNow(key: string, steps: number): string {
	const kind = periodKind(key);
	if (!kind) throw new RangeError(`Not a period: ${key}`);
	const { start } = periodRange(key);
	const d = utcDate(start);
	if (kind === 'week') return periodOf('week', isoDay(new Date(d.getTime() + steps * 7 * DAY_MS)));
	const months = kind === 'month' ? steps : steps * 3;
	return periodOf(kind, isoDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1))));
}

/** `count` periods ending with (and including) `last`, oldest first. */
export function periodsEndingWith(last: string, count: number): string[] {
	return Array.from({ length: count }, (_, i) => shiftPeriod(last, i - count + 1));
}

/** The month an ISO week reports into: the month of its Thursday, so no week is counted twice. */
export function monthOfWeek(week: string): string {
	const { start } = periodRange(week);
	return periodOf('month', isoDay(new Date(utcDate(start).getTime() + 3 * DAY_MS)));
}

/** The ISO weeks that report into a month. */
export function weeksOfMonth(month: string): string[] {
	return [...remembered(weeksByMonth, month, () => weeksOfMonthNow(month))];
}

function weeksOfMonthNow(month: string): string[] {
	const { start, end } = periodRange(month);
	const weeks: string[] = [];
	for (let week = periodOf('week', start); periodRange(week).start < end; week = shiftPeriod(week, 1)) {
		if (monthOfWeek(week) === month) weeks.push(week);
	}
	return weeks;
}

/** A period's label as its message and inputs, for text that is worded later, for each reader. */
export type PeriodWording =
	| { code: 'measure_period_month'; params: { month: number; year: string } }
	| { code: 'measure_period_week'; params: { week: number; year: string } }
	| { code: 'measure_period_quarter'; params: { quarter: number; year: string } };

/**
 * The message that labels a period and its inputs (the audit log keeps them, so that each reader
 * sees "Q4 2026" in their own language), or null when the key is not a period.
 */
export function periodWording(key: string): PeriodWording | null {
	const kind = periodKind(key);
	if (kind === 'month') {
		const [year, month] = parts(MONTH, key);
		return { code: 'measure_period_month', params: { month, year: String(year) } };
	}
	if (kind === 'week') {
		const [year, week] = parts(WEEK, key);
		return { code: 'measure_period_week', params: { week, year: String(year) } };
	}
	if (kind === 'quarter') {
		const [year, quarter] = parts(QUARTER, key);
		return { code: 'measure_period_quarter', params: { quarter, year: String(year) } };
	}
	return null;
}

/**
 * A period as people read it, in the current language ("Nov 2026", "Week 47, 2026", "Q4 2026"),
 * or in the one given.
 */
export function periodLabel(key: string, options: { locale?: Locale } = {}): string {
	const wording = periodWording(key);
	switch (wording?.code) {
		case 'measure_period_month':
			return m.measure_period_month(wording.params, options);
		case 'measure_period_week':
			return m.measure_period_week(wording.params, options);
		case 'measure_period_quarter':
			return m.measure_period_quarter(wording.params, options);
		default:
			return key;
	}
}

/**
 * A month on a chart's axis, as short as it can be: "Nov", or with the year ("Jan 26") on
 * January and on the first month shown, so the axis says where each year starts.
 */
export function monthAxisLabel(key: string, index: number): string {
	if (periodKind(key) !== 'month') return periodLabel(key);
	const [year, month] = parts(MONTH, key);
	return index === 0 || month === 1
		? m.measure_period_month_axis_year({ month, shortYear: String(year).slice(2) })
		: m.measure_period_month_axis({ month });
}
