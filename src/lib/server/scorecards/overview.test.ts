import { describe, expect, it } from 'vitest';
import { filterRows, sortRows, type OverviewRow } from './overview';

const counts = (green: number, amber: number, red: number) => ({ green, amber, red, none: 0 });
const row = (team: string, o: Partial<OverviewRow> = {}): OverviewRow => ({
	teamId: team,
	team,
	unit: 'Finance',
	unitPath: '/co/fin/',
	kind: 'back_office',
	what: [],
	whatCounts: counts(2, 0, 0),
	how: { observations: 5, confidence: 'medium', learningRate: null },
	experience: [],
	experienceCounts: counts(1, 0, 0),
	responses: 8,
	enoughResponses: true,
	netScore: 20,
	watermelon: false,
	explanation: null,
	...o
});

const rows = [
	row('Payroll', {
		unit: 'HR',
		unitPath: '/co/hr/',
		kind: 'customer_facing',
		whatCounts: counts(1, 1, 0),
		netScore: null,
		how: { observations: 1, confidence: 'low', learningRate: 50 }
	}),
	row('Accounts Receivable', {
		whatCounts: counts(2, 0, 0),
		experienceCounts: counts(0, 0, 2),
		netScore: -40,
		watermelon: true
	}),
	row('Accounts Payable', {
		whatCounts: counts(1, 0, 1),
		netScore: 35,
		how: { observations: 12, confidence: 'high', learningRate: 80 }
	})
];
const names = (list: OverviewRow[]) => list.map((r) => r.team);

describe('sortRows', () => {
	it('sorts by team and unit either way', () => {
		expect(names(sortRows(rows, 'team', 'asc'))).toEqual(['Accounts Payable', 'Accounts Receivable', 'Payroll']);
		expect(names(sortRows(rows, 'unit', 'desc'))).toEqual(['Payroll', 'Accounts Payable', 'Accounts Receivable']);
	});

	it('puts the fewest What measures off target first when ascending', () => {
		expect(names(sortRows(rows, 'what', 'asc'))).toEqual(['Accounts Receivable', 'Payroll', 'Accounts Payable']);
		expect(names(sortRows(rows, 'what', 'desc'))).toEqual(['Accounts Payable', 'Payroll', 'Accounts Receivable']);
	});

	it('sorts Experience by net score with hidden scores last either way, and How by evidence', () => {
		expect(names(sortRows(rows, 'experience', 'asc'))).toEqual(['Accounts Receivable', 'Accounts Payable', 'Payroll']);
		expect(names(sortRows(rows, 'experience', 'desc'))).toEqual(['Accounts Payable', 'Accounts Receivable', 'Payroll']);
		expect(names(sortRows(rows, 'how', 'desc'))).toEqual(['Accounts Payable', 'Accounts Receivable', 'Payroll']);
		expect(names(sortRows(rows, 'watermelon', 'desc'))[0]).toBe('Accounts Receivable');
	});
});

describe('filterRows', () => {
	it('filters by unit subtree, kind, watermelons and status', () => {
		expect(names(filterRows(rows, { unitPath: '/co/fin/' }))).toEqual(['Accounts Receivable', 'Accounts Payable']);
		expect(names(filterRows(rows, { kind: 'customer_facing' }))).toEqual(['Payroll']);
		expect(names(filterRows(rows, { onlyWatermelons: true }))).toEqual(['Accounts Receivable']);
		expect(names(filterRows(rows, { status: 'red' }))).toEqual(['Accounts Receivable', 'Accounts Payable']);
		expect(names(filterRows(rows, { status: 'amber' }))).toEqual(['Payroll']);
		expect(names(filterRows(rows, { status: 'green' }))).toEqual([]);
	});
});
