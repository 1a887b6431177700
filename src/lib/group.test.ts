import { describe, expect, it } from 'vitest';
import { groupBy } from './group';

describe('groupBy', () => {
	it('keeps each group in the order the items came', () => {
		const groups = groupBy(
			[
				{ t: 'a', n: 1 },
				{ t: 'b', n: 2 },
				{ t: 'a', n: 3 }
			],
			(x) => x.t
		);
		expect([...groups.keys()]).toEqual(['a', 'b']);
		expect(groups.get('a')?.map((x) => x.n)).toEqual([1, 3]);
		expect(groups.get('b')?.map((x) => x.n)).toEqual([2]);
	});

	it('treats null as a key of its own and gives an empty map for no items', () => {
		expect(groupBy([null, 'x', null], (x) => x).get(null)).toEqual([null, null]);
		expect(groupBy([], (x) => x).size).toBe(0);
	});
});
