import { describe, expect, it } from 'vitest';
import {
	monthAxisLabel,
	monthOfWeek,
	periodKind,
	periodLabel,
	periodWording,
	periodOf,
	periodRange,
	periodsEndingWith,
	shiftPeriod,
	weeksOfMonth
} from './periods';

describe('periods', () => {
	it('recognises months, ISO weeks and quarters and rejects the rest', () => {
		expect(periodKind('2026-11')).toBe('month');
		expect(periodKind('2026-W47')).toBe('week');
		expect(periodKind('2026-Q4')).toBe('quarter');
		expect(periodKind('2026-13')).toBeNull();
		expect(periodKind('2026-W53')).toBe('week'); // 2026 starts on a Thursday, so it has 53 weeks
		expect(periodKind('2025-W53')).toBeNull();
		expect(periodKind('Nov 2026')).toBeNull();
	});

	it('places dates in ISO weeks across year ends', () => {
		expect(periodOf('week', '2026-11-22')).toBe('2026-W47');
		expect(periodOf('week', '2027-01-01')).toBe('2026-W53');
		expect(periodOf('week', '2024-12-30')).toBe('2025-W01');
		expect(periodOf('month', '2026-11-22')).toBe('2026-11');
		expect(periodOf('quarter', '2026-11-22')).toBe('2026-Q4');
	});

	it('gives ranges with an exclusive end', () => {
		expect(periodRange('2026-02')).toEqual({ start: '2026-02-01', end: '2026-03-01' });
		expect(periodRange('2026-W47')).toEqual({ start: '2026-11-16', end: '2026-11-23' });
		expect(periodRange('2026-Q4')).toEqual({ start: '2026-10-01', end: '2027-01-01' });
	});

	it('shifts and lists periods oldest first', () => {
		expect(shiftPeriod('2026-01', -1)).toBe('2025-12');
		expect(shiftPeriod('2026-W01', -1)).toBe('2025-W52');
		expect(shiftPeriod('2026-Q1', -1)).toBe('2025-Q4');
		expect(periodsEndingWith('2026-11', 12)).toHaveLength(12);
		expect(periodsEndingWith('2026-11', 3)).toEqual(['2026-09', '2026-10', '2026-11']);
	});

	it('assigns each ISO week to exactly one month, by its Thursday', () => {
		expect(monthOfWeek('2026-W53')).toBe('2026-12');
		const weeks = ['2026-10', '2026-11', '2026-12'].flatMap(weeksOfMonth);
		expect(new Set(weeks).size).toBe(weeks.length);
		expect(weeksOfMonth('2026-11')).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
	});

	it('labels periods for people', () => {
		expect(periodLabel('2026-11')).toBe('Nov 2026');
		expect(periodLabel('2026-W07')).toBe('Week 7, 2026');
		expect(periodLabel('2026-Q4')).toBe('Q4 2026');
	});

	it('labels periods in Dutch and Chinese as those languages write them', () => {
		expect(periodLabel('2026-09', { locale: 'nl' })).toBe('september 2026');
		expect(periodLabel('2026-W07', { locale: 'nl' })).toBe('week 7, 2026');
		expect(periodLabel('2026-11', { locale: 'zh-CN' })).toBe('2026年11月');
		expect(periodLabel('2026-W47', { locale: 'zh-CN' })).toBe('2026年第47周');
		expect(periodLabel('2026-Q4', { locale: 'zh-CN' })).toBe('2026年第4季度');
	});

	it('keeps a period’s label as a message and its inputs, for text worded later', () => {
		expect(periodWording('2026-11')).toEqual({ code: 'measure_period_month', params: { month: 11, year: '2026' } });
		expect(periodWording('2026-W07')).toEqual({ code: 'measure_period_week', params: { week: 7, year: '2026' } });
		expect(periodWording('2026-Q4')).toEqual({ code: 'measure_period_quarter', params: { quarter: 4, year: '2026' } });
		expect(periodWording('2026-13')).toBeNull();
		expect(periodLabel('2026-13')).toBe('2026-13');
	});

	it('shortens months on a chart axis, with the year where it changes', () => {
		expect(monthAxisLabel('2025-12', 0)).toBe('Dec 25');
		expect(monthAxisLabel('2026-01', 1)).toBe('Jan 26');
		expect(monthAxisLabel('2026-02', 2)).toBe('Feb');
	});
});
