import { describe, expect, it } from 'vitest';
import { formatSpan, instantToZoned, zonedToInstant, zoneOffsetMinutes } from './time';

describe('time zones', () => {
	it('knows the offset in and out of daylight saving', () => {
		expect(zoneOffsetMinutes(new Date('2026-01-15T12:00:00Z'), 'Europe/London')).toBe(0);
		expect(zoneOffsetMinutes(new Date('2026-07-15T12:00:00Z'), 'Europe/London')).toBe(60);
		expect(zoneOffsetMinutes(new Date('2026-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
		expect(zoneOffsetMinutes(new Date('2026-01-15T12:00:00Z'), 'America/New_York')).toBe(-300);
	});

	it('turns a local date and time into the right instant', () => {
		expect(zonedToInstant('2026-12-01', '12:30', 'Europe/Amsterdam').toISOString()).toBe('2026-12-01T11:30:00.000Z');
		expect(zonedToInstant('2026-07-01', '09:00', 'Europe/London').toISOString()).toBe('2026-07-01T08:00:00.000Z');
		expect(zonedToInstant('2026-03-29', '12:00', 'Europe/London').toISOString()).toBe('2026-03-29T11:00:00.000Z');
	});

	it('round-trips an instant to local wall time', () => {
		expect(instantToZoned(new Date('2026-12-01T11:30:00Z'), 'Europe/Amsterdam')).toEqual({
			date: '2026-12-01',
			time: '12:30'
		});
		expect(instantToZoned(new Date('2026-12-01T23:30:00Z'), 'Asia/Kolkata')).toEqual({
			date: '2026-12-02',
			time: '05:00'
		});
	});

	it('formats a span in the reader’s zone', () => {
		expect(formatSpan('2026-12-01T11:30:00Z', '2026-12-01T12:15:00Z', 'Europe/London')).toBe(
			'Tue, 1 Dec 2026, 11:30–12:15'
		);
	});
});
