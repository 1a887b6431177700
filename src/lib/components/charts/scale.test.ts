import { describe, expect, it } from 'vitest';
import { shortMonth, valueDomain } from './scale';

describe('valueDomain', () => {
	it('spans the values and the target with a margin', () => {
		expect(valueDomain([80, 96, null], [90])).toEqual([78.4, 97.6]);
		expect(valueDomain([null, null])).toEqual([0, 1]);
		expect(valueDomain([5, 5])).toEqual([4, 6]);
	});
});

describe('shortMonth', () => {
	it('keeps the year where it changes', () => {
		expect(shortMonth('Dec 2025', 0)).toBe('Dec 25');
		expect(shortMonth('Jan 2026', 1)).toBe('Jan 26');
		expect(shortMonth('Feb 2026', 2)).toBe('Feb');
	});
});
