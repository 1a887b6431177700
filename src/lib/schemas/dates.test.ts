import { describe, expect, it } from 'vitest';
import { calendarDay, isCalendarDate } from './dates';

describe('calendar days', () => {
	it('accepts real days and refuses impossible or malformed ones', () => {
		for (const day of ['2026-02-28', '2028-02-29', '2026-12-31']) expect(isCalendarDate(day), day).toBe(true);
		for (const day of [
			'2026-02-30',
			'2027-02-29',
			'2026-13-01',
			'0000-00-00',
			'2026-1-5',
			' 2026-01-05',
			'yesterday',
			''
		])
			expect(isCalendarDate(day), day).toBe(false);
	});

	it('gives the field’s own message for a non-day and a plain one for a day out of range', () => {
		const due = calendarDay(
			() => 'Choose a due date',
			() => 'Choose a date between 2000 and 2099'
		);
		expect(due.safeParse('2026-12-15')).toMatchObject({ success: true, data: '2026-12-15' });
		expect(due.safeParse('2026-02-30').error?.issues[0]?.message).toBe('Choose a due date');
		expect(due.safeParse('9999-12-31').error?.issues[0]?.message).toBe('Choose a date between 2000 and 2099');
		expect(due.safeParse('1999-12-31').success).toBe(false);
	});
});
