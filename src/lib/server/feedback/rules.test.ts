import { describe, expect, it } from 'vitest';
import { experienceMeasures, MIN_RESPONSES } from './rules';

describe('experienceMeasures', () => {
	it('hides the average and net score built from 4 responses', () => {
		const four = experienceMeasures([10, 9, 2, 8]);
		expect(MIN_RESPONSES).toBe(5);
		expect(four).toEqual({ volume: 4, enough: false, average: null, netScore: null });
	});

	it('shows them from 5 responses', () => {
		const five = experienceMeasures([10, 9, 2, 8, 6]);
		expect(five.enough).toBe(true);
		expect(five.average).toBeCloseTo(7);
		// 2 promoters, 2 detractors of 5
		expect(five.netScore).toBeCloseTo(0);
	});

	it('scores all promoters as +100 and all detractors as -100', () => {
		expect(experienceMeasures([9, 10, 9, 10, 10]).netScore).toBe(100);
		expect(experienceMeasures([0, 3, 6, 5, 1]).netScore).toBe(-100);
	});
});
