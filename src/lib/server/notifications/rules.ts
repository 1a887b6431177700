/**
 * The rules of reaching out, as plain functions of their inputs and `now`: how a category is
 * emailed, quiet hours, when digests and reminders fall due in a person's time zone, and how
 * delivery retries. No database, no clock of their own.
 */
import { periodOf, shiftPeriod } from '../../periods';
import { instantToZoned, zonedToInstant } from '../../time';
import type { EmailMode, NotificationCategory } from '../db/schema';

export const categories: readonly NotificationCategory[] = [
	'learning',
	'buddies',
	'shadowing',
	'sessions',
	'measure',
	'account'
];

export const emailModes: readonly EmailMode[] = ['immediate', 'daily', 'weekly', 'off'];

export function isCategory(value: unknown): value is NotificationCategory {
	return typeof value === 'string' && (categories as readonly string[]).includes(value);
}

/**
 * Email modes before an admin sets the organisation's own: a digest for most, so Ripple does not
 * become noise; requests that wait on someone go at once anyway (`emailRoute`).
 */
export const DEFAULT_MODES: Record<NotificationCategory, EmailMode> = {
	learning: 'daily',
	buddies: 'daily',
	shadowing: 'daily',
	sessions: 'daily',
	measure: 'daily',
	account: 'immediate'
};

/** Account messages (invitation, password, sessions) always go at once and cannot be turned off. */
export const ALWAYS_IMMEDIATE: NotificationCategory = 'account';

/** What a person gets before choosing anything, and before an admin changes the defaults. */
export const DEFAULT_SETTINGS = {
	digest_time: '08:00',
	digest_weekday: 1,
	quiet_from: null as string | null,
	quiet_until: null as string | null,
	sign_in_emails: 0
};
export type PersonSettings = typeof DEFAULT_SETTINGS;

/** A category's email mode for one person: their choice, else the organisation's default. */
export function emailModeFor(
	category: NotificationCategory,
	personChoice: EmailMode | undefined,
	organisationDefault: EmailMode
): EmailMode {
	if (category === ALWAYS_IMMEDIATE) return 'immediate';
	return personChoice ?? organisationDefault;
}

/**
 * How one notification is emailed under a mode: at once, in the next digest, or not at all.
 * A request waiting on the reader's decision (`urgent`: a visit to approve or confirm) goes at
 * once even when its category is digested, or someone else waits a day; turning the category off
 * still stops it. What is `digestOnly` (a member overdue, for a manager) never goes on its own.
 */
export function emailRoute(
	mode: EmailMode,
	timing: 'urgent' | 'digest-only' | 'normal' = 'normal'
): 'immediate' | 'digest' | 'none' {
	if (mode === 'off') return 'none';
	if (timing === 'urgent') return 'immediate';
	if (timing === 'digest-only') return 'digest';
	return mode === 'immediate' ? 'immediate' : 'digest';
}

const minutesOf = (time: string) => {
	const [h, m] = time.split(':').map(Number) as [number, number];
	return h * 60 + m;
};

function addDays(date: string, days: number): string {
	const d = new Date(`${date}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (calendar dates). */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/** ISO weekday of a calendar date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
	const day = new Date(`${date}T12:00:00Z`).getUTCDay();
	return day === 0 ? 7 : day;
}

export const isWorkingDay = (date: string) => isoWeekday(date) <= 5;

/**
 * When the person's quiet hours end, if `now` falls inside them; null otherwise. Quiet hours may
 * run past midnight (21:00–07:00). Equal ends mean none. The end is a wall-clock time in the
 * person's zone, so it stays 07:00 across a daylight-saving change.
 */
export function quietHoursEnd(
	now: Date,
	timeZone: string,
	quietFrom: string | null,
	quietUntil: string | null
): Date | null {
	if (!quietFrom || !quietUntil || quietFrom === quietUntil) return null;
	const local = instantToZoned(now, timeZone);
	const t = minutesOf(local.time);
	const from = minutesOf(quietFrom);
	const until = minutesOf(quietUntil);
	if (from < until) {
		return t >= from && t < until ? zonedToInstant(local.date, quietUntil, timeZone) : null;
	}
	if (t >= from) return zonedToInstant(addDays(local.date, 1), quietUntil, timeZone);
	if (t < until) return zonedToInstant(local.date, quietUntil, timeZone);
	return null;
}

export type DigestKind = 'daily' | 'weekly';

/**
 * The digests a person is due at `now`: the daily one on working days once their digest time has
 * passed, the weekly one on their chosen weekday. Each names the local day it is for; the ledger
 * keeps it to one per day, so a scheduler that comes back at 10:00 still sends the 08:00 digest.
 */
export function digestsDue(
	now: Date,
	timeZone: string,
	settings: Pick<PersonSettings, 'digest_time' | 'digest_weekday'>
): { kind: DigestKind; date: string }[] {
	const local = instantToZoned(now, timeZone);
	if (minutesOf(local.time) < minutesOf(settings.digest_time)) return [];
	const due: { kind: DigestKind; date: string }[] = [];
	if (isWorkingDay(local.date)) due.push({ kind: 'daily', date: local.date });
	if (isoWeekday(local.date) === settings.digest_weekday) due.push({ kind: 'weekly', date: local.date });
	return due;
}

/**
 * Whether a day's reminders are due for a person: on that local day, once their digest time has
 * passed (a reminder at midnight would wake nobody up to act on it).
 */
export function remindersDueOn(now: Date, timeZone: string, digestTime: string): string | null {
	const local = instantToZoned(now, timeZone);
	return minutesOf(local.time) >= minutesOf(digestTime) ? local.date : null;
}

export const DUE_SOON_DAYS: readonly number[] = [7, 1];
/** Overdue reminders: the day after the due date, then weekly, for this many weeks. */
export const OVERDUE_WEEKS = 8;
/** A manager hears about a member this many days overdue (in their digest). */
export const MANAGER_OVERDUE_DAYS = 7;

export type LearningReminder =
	{ kind: 'learning.due_soon'; days: number } | { kind: 'learning.overdue'; days: number } | null;

/** The learner's reminder for an open assignment on `today`, if one falls on it. */
export function learningReminder(
	today: string,
	dueOn: string,
	dueSoonDays: readonly number[] = DUE_SOON_DAYS
): LearningReminder {
	const left = daysBetween(today, dueOn);
	if (left > 0) return dueSoonDays.includes(left) ? { kind: 'learning.due_soon', days: left } : null;
	const late = -left;
	if (late >= 1 && (late - 1) % 7 === 0 && late <= 1 + 7 * OVERDUE_WEEKS)
		return { kind: 'learning.overdue', days: late };
	return null;
}

/** Tries before a delivery is given up as dead. */
export const MAX_ATTEMPTS = 8;

/** Wait before try `attempt + 1` after `attempt` temporary failures: 1 min, doubling, at most 6 h. */
export function retryDelayMs(attempt: number): number {
	return Math.min(60_000 * 2 ** Math.max(0, attempt - 1), 6 * 3_600_000);
}

export type FailureKind = 'temporary' | 'permanent';

/**
 * What a failed send means. SMTP 5xx replies are permanent (the address does not exist, the message
 * is refused); 4xx replies, refused or dropped connections and timeouts are temporary.
 */
export function classifyFailure(error: { responseCode?: number; code?: string }): FailureKind {
	const status = error.responseCode;
	if (typeof status === 'number' && status >= 500 && status < 600) return 'permanent';
	return 'temporary';
}

/** Month-start messages may catch up this many days into the month, if the scheduler missed the first working day. */
export const MONTH_START_CATCH_UP_DAYS = 7;

/**
 * The month just ended, when `today` is a working day in the first week of a month: managers hear
 * which of its metrics are still missing and leaders get its scorecard summary. The ledger keys
 * them by that month, so they come on the first working day the scheduler runs and not again.
 */
export function monthStartFor(today: string): string | null {
	if (Number(today.slice(8, 10)) > MONTH_START_CATCH_UP_DAYS || !isWorkingDay(today)) return null;
	return shiftPeriod(periodOf('month', today), -1);
}
