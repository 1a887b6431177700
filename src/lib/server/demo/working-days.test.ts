import { describe, expect, it } from 'vitest';
import { workingDayAfter, workingDayAt } from './working-days';

const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const localWeekday = (instant: Date, timeZone: string) =>
	new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone }).format(instant);

// Monday 7 December 2026 to Sunday 13 December 2026: every weekday as the day the demo is loaded.
const loadDays = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13'];
// The offsets the demo uses for slots and sessions, before and after the load day.
const offsets = [-30, -24, -14, -10, -2, -1, 1, 3, 4, 6, 7, 9, 10, 11, 16];

describe('workingDayAfter', () => {
	for (const today of loadDays) {
		it(`keeps every event on a working day when the demo is loaded on ${today} (day ${weekday(today)})`, () => {
			for (const days of offsets) {
				const date = workingDayAfter(today, days);
				expect([1, 2, 3, 4, 5], `${days} days after ${today}: ${date}`).toContain(weekday(date));
				// Upcoming stays upcoming and past stays past, moved by at most the two weekend days.
				const moved = daysBetween(today, date) - days;
				if (days > 0) expect(moved).toBeGreaterThanOrEqual(0);
				else expect(moved).toBeLessThanOrEqual(0);
				expect(Math.abs(moved)).toBeLessThanOrEqual(2);
				expect(Math.sign(daysBetween(today, date))).toBe(Math.sign(days));
			}
		});
	}

	it('leaves a working day where it is', () => {
		expect(workingDayAfter('2026-12-07', 3)).toBe('2026-12-10');
		expect(workingDayAfter('2026-12-10', -3)).toBe('2026-12-07');
	});

	it('moves an upcoming weekend day to the Monday and a past one to the Friday', () => {
		// Sunday 6 December 2026, loaded on Wednesday 2 December: the Monday after.
		expect(workingDayAfter('2026-12-02', 4)).toBe('2026-12-07');
		expect(workingDayAfter('2026-12-02', 3)).toBe('2026-12-07');
		// Saturday 28 November, ten days before Tuesday 8 December: the Friday before.
		expect(workingDayAfter('2026-12-08', -10)).toBe('2026-11-27');
	});

	it('crosses months and years', () => {
		expect(workingDayAfter('2026-12-30', 3)).toBe('2027-01-04');
		expect(workingDayAfter('2027-01-04', -2)).toBe('2027-01-01');
	});
});

describe('workingDayAt', () => {
	it('places the event at the wall-clock time on a working day in the host’s time zone', () => {
		// Friday 11 December 2026, 23:30 in London is already Saturday in Tokyo.
		const now = new Date('2026-12-11T23:30:00Z');
		const london = workingDayAt(now, 1, '09:00', 'Europe/London');
		expect(london.toISOString()).toBe('2026-12-14T09:00:00.000Z');
		const tokyo = workingDayAt(now, 1, '09:00', 'Asia/Tokyo');
		expect(localWeekday(tokyo, 'Asia/Tokyo')).toBe('Mon');
		expect(tokyo.toISOString()).toBe('2026-12-14T00:00:00.000Z');
		const newYork = workingDayAt(now, -1, '13:00', 'America/New_York');
		expect(localWeekday(newYork, 'America/New_York')).toBe('Thu');
		expect(newYork.toISOString()).toBe('2026-12-10T18:00:00.000Z');
	});

	it('follows summer time', () => {
		const instant = workingDayAt(new Date('2026-07-01T08:00:00Z'), 1, '09:00', 'Europe/London');
		expect(instant.toISOString()).toBe('2026-07-02T08:00:00.000Z');
	});
});
