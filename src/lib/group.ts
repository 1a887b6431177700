/**
 * Items grouped by a key, each group in the items' order. Node 20 has no `Map.groupBy`; building
 * groups by copying arrays (`[...group, item]`) would be quadratic in the size of a group.
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const item of items) {
		const key = keyOf(item);
		const group = groups.get(key);
		if (group) group.push(item);
		else groups.set(key, [item]);
	}
	return groups;
}
