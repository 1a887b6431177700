import { describe, expect, it } from 'vitest';
import { canMoveUnder, childPath, depthOf, sameName, treeOrder, unitTrail, type UnitLike } from './rules';

const unit = (id: string, name: string, parent: UnitLike | null): UnitLike => ({
	id,
	name,
	parent_id: parent?.id ?? null,
	path: childPath(parent?.path ?? null, id)
});

const company = unit('co', 'Northwind', null);
const hr = unit('hr', 'HR Services', company);
const finance = unit('fin', 'Finance', company);
const payables = unit('pay', 'Payables', finance);
const ledger = unit('gl', 'General Ledger', finance);
const payRuns = unit('runs', 'Pay runs', payables);
const other = unit('zz', 'Another Company', null);

describe('childPath', () => {
	it('starts a root unit at /id/', () => {
		expect(childPath(null, 'co')).toBe('/co/');
	});

	it('appends the id to the parent path', () => {
		expect(childPath('/co/', 'fin')).toBe('/co/fin/');
		expect(childPath('/co/fin/', 'pay')).toBe('/co/fin/pay/');
		expect(payRuns.path).toBe('/co/fin/pay/runs/');
	});
});

describe('depthOf', () => {
	it('is 0 for a root and one more per level', () => {
		expect(depthOf(company.path)).toBe(0);
		expect(depthOf(finance.path)).toBe(1);
		expect(depthOf(payRuns.path)).toBe(3);
	});
});

describe('treeOrder', () => {
	it('puts parents before children, siblings by name, with depth', () => {
		const shuffled = [payRuns, ledger, other, hr, payables, company, finance];
		const ordered = treeOrder(shuffled);
		expect(ordered.map((u) => [u.name, u.depth])).toEqual([
			['Another Company', 0],
			['Northwind', 0],
			['Finance', 1],
			['General Ledger', 2],
			['Payables', 2],
			['Pay runs', 3],
			['HR Services', 1]
		]);
	});

	it('keeps every unit exactly once and preserves extra fields', () => {
		const withCounts = [company, finance, payables].map((u, i) => ({ ...u, teams: i }));
		const ordered = treeOrder(withCounts);
		expect(ordered).toHaveLength(3);
		expect(ordered.find((u) => u.id === 'pay')).toMatchObject({ teams: 2, depth: 2 });
	});

	it('treats units whose parent is missing as roots of a partial view', () => {
		const ordered = treeOrder([payRuns, payables, hr]);
		expect(ordered.map((u) => [u.id, u.depth])).toEqual([
			['pay', 0],
			['runs', 1],
			['hr', 0]
		]);
	});

	it('is empty for no units', () => {
		expect(treeOrder([])).toEqual([]);
	});
});

describe('canMoveUnder', () => {
	it('allows moving to the top level', () => {
		expect(canMoveUnder(finance.path, null)).toBe(true);
	});

	it('allows moving under a sibling or an unrelated unit', () => {
		expect(canMoveUnder(finance.path, hr.path)).toBe(true);
		expect(canMoveUnder(payables.path, ledger.path)).toBe(true);
		expect(canMoveUnder(finance.path, other.path)).toBe(true);
	});

	it('allows moving a unit up under an ancestor', () => {
		expect(canMoveUnder(payRuns.path, company.path)).toBe(true);
	});

	it('refuses moving a unit under itself', () => {
		expect(canMoveUnder(finance.path, finance.path)).toBe(false);
	});

	it('refuses moving a unit under a child or deeper descendant', () => {
		expect(canMoveUnder(finance.path, payables.path)).toBe(false);
		expect(canMoveUnder(company.path, payRuns.path)).toBe(false);
	});
});

describe('unitTrail', () => {
	it('names each unit along the path, with … for unknown ones', () => {
		const names = new Map([company, finance, payables].map((u) => [u.id, u.name]));
		expect(unitTrail(payables.path, (id) => names.get(id))).toBe('Northwind › Finance › Payables');
		expect(unitTrail(payRuns.path, (id) => names.get(id))).toBe('Northwind › Finance › Payables › …');
	});
});

describe('sameName', () => {
	it('ignores case, in any script, and surrounding spaces', () => {
		expect(sameName('Finance Operations', ' finance operations ')).toBe(true);
		expect(sameName('Équipe Paie', 'ÉQUIPE PAIE')).toBe(true);
		expect(sameName('Finance Operations', 'Finance  Operations')).toBe(false);
	});
});
