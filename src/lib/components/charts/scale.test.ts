import { describe, expect, it } from 'vitest';
import { valueDomain } from './scale';

describe('valueDomain', () => {
	it('spans the values and the target with a margin', () => {
		expect(valueDomain([80, 96, null], [90])).toEqual([78.4, 97.6]);
		expect(valueDomain([null, null])).toEqual([0, 1]);
		expect(valueDomain([5, 5])).toEqual([4, 6]);
	});
});
