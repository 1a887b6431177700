/** Pure helpers for the org-unit tree (materialised paths). */
export interface UnitLike {
	id: string;
	name: string;
	parent_id: string | null;
	path: string;
}

/**
 * What makes two team names, or two sibling unit names, the same: case and surrounding spaces do
 * not count, so "finance operations" is "Finance Operations". The metric imports and the API find
 * teams by this key, so it must pick out one team. (The database's indexes on lower(name) hold the
 * same line for concurrent writers; SQLite's lower() folds only ASCII letters, so this check comes
 * first.)
 */
export function nameKey(name: string): string {
	return name.trim().toLowerCase();
}

export function sameName(a: string, b: string): boolean {
	return nameKey(a) === nameKey(b);
}

export function childPath(parentPath: string | null, id: string): string {
	return `${parentPath ?? '/'}${id}/`;
}

export function depthOf(path: string): number {
	return path.split('/').filter(Boolean).length - 1;
}

/** Units in tree order (parents before children, siblings by name), each with its depth. */
export function treeOrder<T extends UnitLike>(units: readonly T[]): (T & { depth: number })[] {
	const children = new Map<string | null, T[]>();
	for (const unit of units) {
		const siblings = children.get(unit.parent_id) ?? [];
		siblings.push(unit);
		children.set(unit.parent_id, siblings);
	}
	const known = new Set(units.map((u) => u.id));
	const out: (T & { depth: number })[] = [];
	const visit = (parent: string | null, depth: number) => {
		const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
		for (const unit of list) {
			out.push({ ...unit, depth });
			visit(unit.id, depth + 1);
		}
	};
	visit(null, 0);
	// Units whose parent is not in the list (a partial view) become roots of their own.
	for (const unit of units) {
		if (unit.parent_id !== null && !known.has(unit.parent_id) && !out.some((u) => u.id === unit.id)) {
			out.push({ ...unit, depth: 0 });
			visit(unit.id, 1);
		}
	}
	return out;
}

/** A unit cannot move under itself or one of its descendants. */
export function canMoveUnder(unitPath: string, newParentPath: string | null): boolean {
	return newParentPath === null || !newParentPath.startsWith(unitPath);
}

/** "Company › Finance › Payables": a readable trail from a path and a lookup of names. */
export function unitTrail(path: string, nameOf: (id: string) => string | undefined): string {
	return path
		.split('/')
		.filter(Boolean)
		.map((id) => nameOf(id) ?? '…')
		.join(' › ');
}

/**
 * The department a unit path belongs to: the first unit of kind `department` on the way down,
 * or the deepest unit when the tree has no departments on that branch.
 */
export function departmentFromPath(path: string, kindOf: (id: string) => string | undefined): string | null {
	const ids = path.split('/').filter(Boolean);
	return ids.find((id) => kindOf(id) === 'department') ?? ids.at(-1) ?? null;
}
