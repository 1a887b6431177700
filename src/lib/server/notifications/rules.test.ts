import { describe, expect, it } from 'vitest';
import {
	classifyFailure,
	digestsDue,
	emailModeFor,
	emailRoute,
	learningReminder,
	monthStartFor,
	quietHoursEnd,
	remindersDueOn,
	retryDelayMs,
	MAX_ATTEMPTS
} from './rules';

const at = (iso: string) => new Date(iso);
const settings = { digest_time: '08:00', digest_weekday: 1 };

describe('email modes', () => {
	it('follow the person’s choice, else the organisation’s, and never let account messages wait', () => {
		expect(emailModeFor('learning', 'weekly', 'daily')).toBe('weekly');
		expect(emailModeFor('learning', undefined, 'daily')).toBe('daily');
		expect(emailModeFor('account', 'off', 'daily')).toBe('immediate');
	});

	it('send requests that wait on the reader at once unless turned off, and keep digest-only news for the digest', () => {
		expect(emailRoute('daily', 'urgent')).toBe('immediate');
		expect(emailRoute('weekly', 'urgent')).toBe('immediate');
		expect(emailRoute('off', 'urgent')).toBe('none');
		expect(emailRoute('immediate', 'digest-only')).toBe('digest');
		expect(emailRoute('immediate')).toBe('immediate');
		expect(emailRoute('daily')).toBe('digest');
		expect(emailRoute('off')).toBe('none');
	});
});

describe('quiet hours', () => {
	it('hold an email until they end, in the person’s zone, also across midnight', () => {
		// 22:30 in Amsterdam (CET, UTC+1) with quiet hours 21:00–07:00: held until 07:00 next morning.
		expect(quietHoursEnd(at('2026-11-23T21:30:00Z'), 'Europe/Amsterdam', '21:00', '07:00')).toEqual(
			at('2026-11-24T06:00:00Z')
		);
		// 05:00 the same night: until 07:00 that morning.
		expect(quietHoursEnd(at('2026-11-24T04:00:00Z'), 'Europe/Amsterdam', '21:00', '07:00')).toEqual(
			at('2026-11-24T06:00:00Z')
		);
		// 12:00 is not quiet.
		expect(quietHoursEnd(at('2026-11-24T11:00:00Z'), 'Europe/Amsterdam', '21:00', '07:00')).toBeNull();
		// A daytime block (12:00–13:00 in Shanghai, UTC+8).
		expect(quietHoursEnd(at('2026-11-24T04:30:00Z'), 'Asia/Shanghai', '12:00', '13:00')).toEqual(
			at('2026-11-24T05:00:00Z')
		);
	});

	it('end at 07:00 local on the morning the clocks change', () => {
		// Night of 28–29 March 2026: Amsterdam moves from UTC+1 to UTC+2 at 02:00.
		expect(quietHoursEnd(at('2026-03-28T22:00:00Z'), 'Europe/Amsterdam', '22:00', '07:00')).toEqual(
			at('2026-03-29T05:00:00Z')
		);
		// Night of 24–25 October 2026: back from UTC+2 to UTC+1.
		expect(quietHoursEnd(at('2026-10-24T21:00:00Z'), 'Europe/Amsterdam', '22:00', '07:00')).toEqual(
			at('2026-10-25T06:00:00Z')
		);
	});

	it('do nothing when unset or when both ends are the same', () => {
		expect(quietHoursEnd(at('2026-11-23T21:30:00Z'), 'UTC', null, null)).toBeNull();
		expect(quietHoursEnd(at('2026-11-23T21:30:00Z'), 'UTC', '21:00', '21:00')).toBeNull();
	});
});

describe('digests', () => {
	it('are due on working days once the local digest time has passed', () => {
		// Monday 23 November 2026, 08:05 in Amsterdam: the daily and (Monday) the weekly.
		expect(digestsDue(at('2026-11-23T07:05:00Z'), 'Europe/Amsterdam', settings)).toEqual([
			{ kind: 'daily', date: '2026-11-23' },
			{ kind: 'weekly', date: '2026-11-23' }
		]);
		// 07:55 there: not yet.
		expect(digestsDue(at('2026-11-23T06:55:00Z'), 'Europe/Amsterdam', settings)).toEqual([]);
		// Tuesday: only the daily.
		expect(digestsDue(at('2026-11-24T07:05:00Z'), 'Europe/Amsterdam', settings)).toEqual([
			{ kind: 'daily', date: '2026-11-24' }
		]);
		// Saturday: none, unless the weekly is set for Saturday.
		expect(digestsDue(at('2026-11-28T09:00:00Z'), 'Europe/Amsterdam', settings)).toEqual([]);
		expect(digestsDue(at('2026-11-28T09:00:00Z'), 'Europe/Amsterdam', { ...settings, digest_weekday: 6 })).toEqual([
			{ kind: 'weekly', date: '2026-11-28' }
		]);
	});

	it('follow the person’s day, not UTC’s: Shanghai’s Monday morning is Sunday night in London', () => {
		// 00:30 UTC on Monday 23 November is 08:30 in Shanghai.
		expect(digestsDue(at('2026-11-23T00:30:00Z'), 'Asia/Shanghai', settings).map((d) => d.date)).toEqual([
			'2026-11-23',
			'2026-11-23'
		]);
		// The same instant in New York is Sunday evening: nothing.
		expect(digestsDue(at('2026-11-23T00:30:00Z'), 'America/New_York', settings)).toEqual([]);
	});

	it('stay at 08:00 local across a daylight-saving change', () => {
		// Monday 30 March 2026 (after the spring change, UTC+2): 08:00 local is 06:00 UTC.
		expect(digestsDue(at('2026-03-30T05:59:00Z'), 'Europe/Amsterdam', settings)).toEqual([]);
		expect(digestsDue(at('2026-03-30T06:00:00Z'), 'Europe/Amsterdam', settings)).toHaveLength(2);
		// Monday 26 October 2026 (after the autumn change, UTC+1): 08:00 local is 07:00 UTC.
		expect(digestsDue(at('2026-10-26T06:30:00Z'), 'Europe/Amsterdam', settings)).toEqual([]);
		expect(digestsDue(at('2026-10-26T07:00:00Z'), 'Europe/Amsterdam', settings)).toHaveLength(2);
	});
});

describe('learning reminders', () => {
	it('fall 7 and 1 days before the due date, the day after it, then weekly', () => {
		expect(learningReminder('2026-12-08', '2026-12-15')).toEqual({ kind: 'learning.due_soon', days: 7 });
		expect(learningReminder('2026-12-14', '2026-12-15')).toEqual({ kind: 'learning.due_soon', days: 1 });
		expect(learningReminder('2026-12-10', '2026-12-15')).toBeNull();
		expect(learningReminder('2026-12-15', '2026-12-15')).toBeNull();
		expect(learningReminder('2026-12-16', '2026-12-15')).toEqual({ kind: 'learning.overdue', days: 1 });
		expect(learningReminder('2026-12-17', '2026-12-15')).toBeNull();
		expect(learningReminder('2026-12-23', '2026-12-15')).toEqual({ kind: 'learning.overdue', days: 8 });
		// Weekly, for eight weeks after the first overdue day, then no more.
		expect(learningReminder('2027-02-10', '2026-12-15')).toEqual({ kind: 'learning.overdue', days: 57 });
		expect(learningReminder('2027-02-17', '2026-12-15')).toBeNull();
	});

	it('are due on the person’s own day, once their digest time has passed', () => {
		// 07:30 UTC on 8 December: 15:30 in Shanghai (due), 08:30 in Amsterdam (due), 02:30 in New York (not yet).
		const now = at('2026-12-08T07:30:00Z');
		expect(remindersDueOn(now, 'Asia/Shanghai', '08:00')).toBe('2026-12-08');
		expect(remindersDueOn(now, 'Europe/Amsterdam', '08:00')).toBe('2026-12-08');
		expect(remindersDueOn(now, 'America/New_York', '08:00')).toBeNull();
		// Late on 8 December UTC it is already the 9th in Shanghai.
		expect(remindersDueOn(at('2026-12-08T20:00:00Z'), 'Asia/Shanghai', '08:00')).toBeNull();
		expect(remindersDueOn(at('2026-12-09T01:00:00Z'), 'Asia/Shanghai', '08:00')).toBe('2026-12-09');
	});
});

describe('month-start messages', () => {
	it('fall on the working days of a month’s first week and name the month just ended', () => {
		// 1 January 2027 is a Friday; 2 and 3 January a weekend.
		expect(monthStartFor('2027-01-01')).toBe('2026-12');
		expect(monthStartFor('2027-01-02')).toBeNull();
		expect(monthStartFor('2027-01-03')).toBeNull();
		expect(monthStartFor('2027-01-04')).toBe('2026-12');
		expect(monthStartFor('2027-01-07')).toBe('2026-12');
		expect(monthStartFor('2027-01-08')).toBeNull();
		expect(monthStartFor('2026-03-02')).toBe('2026-02');
	});
});

describe('delivery failures', () => {
	it('retry temporary failures with a doubling wait, capped, and give up on permanent ones', () => {
		expect(retryDelayMs(1)).toBe(60_000);
		expect(retryDelayMs(2)).toBe(120_000);
		expect(retryDelayMs(5)).toBe(960_000);
		expect(retryDelayMs(20)).toBe(6 * 3_600_000);
		expect(MAX_ATTEMPTS).toBeGreaterThan(3);
		expect(classifyFailure({ responseCode: 550 })).toBe('permanent');
		expect(classifyFailure({ responseCode: 451 })).toBe('temporary');
		expect(classifyFailure({ code: 'ECONNECTION' })).toBe('temporary');
		expect(classifyFailure({ code: 'ETIMEDOUT' })).toBe('temporary');
	});
});
