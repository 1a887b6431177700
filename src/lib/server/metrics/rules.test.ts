import { describe, expect, it } from 'vitest';
import { ragStatus, rollUp } from './rules';

describe('ragStatus', () => {
	const higher = { direction: 'higher', target: 95, amberBand: 3 } as const;
	const lower = { direction: 'lower', target: 8, amberBand: 2 } as const;

	it('judges "higher is better" against the target and the band below it', () => {
		expect(ragStatus(97, higher)).toBe('green');
		expect(ragStatus(95, higher)).toBe('green');
		expect(ragStatus(93.5, higher)).toBe('amber');
		expect(ragStatus(92, higher)).toBe('amber');
		expect(ragStatus(91.9, higher)).toBe('red');
	});

	it('judges "lower is better" against the target and the band above it', () => {
		expect(ragStatus(6, lower)).toBe('green');
		expect(ragStatus(8, lower)).toBe('green');
		expect(ragStatus(10, lower)).toBe('amber');
		expect(ragStatus(10.1, lower)).toBe('red');
	});

	it('has no amber without a band', () => {
		expect(ragStatus(94.9, { ...higher, amberBand: 0 })).toBe('red');
	});

	it('says nothing without a value or a target', () => {
		expect(ragStatus(null, higher)).toBe('none');
		expect(ragStatus(50, { ...higher, target: null })).toBe('none');
	});
});

describe('rollUp', () => {
	const weeks = [120, 80, 100, 140];

	it('sums volumes, averages times and keeps extremes or the latest', () => {
		expect(rollUp(weeks, 'sum')).toBe(440);
		expect(rollUp(weeks, 'mean')).toBe(110);
		expect(rollUp(weeks, 'min')).toBe(80);
		expect(rollUp(weeks, 'max')).toBe(140);
		expect(rollUp(weeks, 'last')).toBe(140);
	});

	it('has nothing to roll up from no values', () => {
		expect(rollUp([], 'sum')).toBeNull();
	});
});
