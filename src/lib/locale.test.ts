import { describe, expect, it } from 'vitest';
import { formatCalendarDate } from './locale';

describe('formatCalendarDate', () => {
	it('writes a calendar date as every other date in Ripple', () => {
		expect(formatCalendarDate('2026-12-07')).toBe('7 Dec 2026');
		expect(formatCalendarDate('2027-01-01')).toBe('1 Jan 2027');
	});
});
