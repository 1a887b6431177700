import { describe, expect, it } from 'vitest';
import { word } from '../service-result';
import { csvValueRows, MAX_CSV_ROWS, metricsTemplate, planMetricsCsv, type CsvIssue } from './csv';
import { valueKey, type ValueWorld } from './plan';

/** Problems as a person reads them (English outside a request). */
const worded = (issues: readonly CsvIssue[]) => issues.map((i) => ({ ...i, reason: word(i.reason) }));
const firstProblem = (text: string) => worded(planMetricsCsv(text, world).issues)[0]?.reason;

const world: ValueWorld = {
	teams: [{ id: 't-ap', name: 'Accounts Payable' }],
	metrics: [
		{ id: 'm-sla', key: 'sla_on_time', period: 'month', source: 'values', archived: false },
		{ id: 'm-req', key: 'requests_handled', period: 'week', source: 'values', archived: false }
	],
	allowedTeamIds: 'all',
	stored: new Map([[valueKey('m-sla', 't-ap', '2026-10'), 96]]),
	today: '2026-11-23'
};

describe('planMetricsCsv', () => {
	it('previews every row with its line and what would happen', () => {
		const csv = [
			'\uFEFFTeam,Metric,Period,Value',
			'Accounts Payable,sla_on_time,2026-10,97',
			'',
			'accounts payable,requests_handled,2026-W46,120',
			'Accounts Payable,sla_on_time,2026-09,'
		].join('\r\n');
		const plan = planMetricsCsv(csv, world);
		expect(plan.issues).toEqual([]);
		expect(plan.rows.map((r) => [r.line, r.status, r.previous])).toEqual([
			[2, 'update', 96],
			[4, 'create', null],
			[5, 'skipped', null]
		]);
		expect(plan.counts).toEqual({ create: 1, update: 1, unchanged: 0, skipped: 1, problem: 0 });
		expect(plan.values).toHaveLength(2);
	});

	it('puts each problem on its line and column', () => {
		const csv = [
			'team,metric,period,value',
			'Accounts Payable,sla_on_time,2026-10,97',
			'Accounts Payable,sla_on_time,2026-W46,lots'
		].join('\n');
		const plan = planMetricsCsv(csv, world);
		expect(worded(plan.issues)).toEqual([
			{ line: 3, column: 'period', reason: 'sla_on_time is monthly: use a month such as 2026-11' },
			{ line: 3, column: 'value', reason: '"lots" is not a number; write digits with a decimal point, such as 97.5' }
		]);
		expect(plan.rows.map((r) => r.status)).toEqual(['update', 'problem']);
	});

	it('names a repeated row by its line', () => {
		const csv = [
			'team,metric,period,value',
			'Accounts Payable,sla_on_time,2026-10,97',
			'Accounts Payable,sla_on_time,2026-10,98'
		].join('\n');
		expect(worded(planMetricsCsv(csv, world).issues)).toEqual([
			{ line: 3, column: 'period', reason: 'The same team, metric and period as line 2' }
		]);
	});

	it('refuses a file with missing or unknown columns before reading rows', () => {
		const plan = planMetricsCsv('team,metric,when,value\nAccounts Payable,sla_on_time,2026-10,97', world);
		expect(worded(plan.issues)).toEqual([
			{ line: 1, column: '', reason: 'Unknown column "when". The columns are: team, metric, period, value' },
			{ line: 1, column: 'period', reason: 'The "period" column is missing' }
		]);
		expect(plan.rows).toEqual([]);
	});

	it('refuses empty files, files without values and files over the row limit', () => {
		expect(firstProblem('')).toBe('The file is empty. Start from the template.');
		expect(firstProblem('team,metric,period,value\n')).toBe('The file has a header but no values.');
		expect(firstProblem('team,metric,period,value\nAccounts Payable,sla_on_time,2026-10,')).toBe(
			'Every row’s value is empty; fill in the values to import.'
		);
		const big = [
			'team,metric,period,value',
			...Array.from({ length: MAX_CSV_ROWS + 1 }, () => 'Accounts Payable,sla_on_time,2026-10,1')
		].join('\n');
		expect(worded(planMetricsCsv(big, world).issues)).toEqual([
			{ line: 0, column: '', reason: 'At most 5,000 rows per import; split the file.' }
		]);
	});
});

describe('metricsTemplate', () => {
	it('lists each team and metric for its last complete period, values empty', () => {
		expect(metricsTemplate(['Accounts Payable'], world.metrics, '2026-11-23').split('\r\n')).toEqual([
			'team,metric,period,value',
			'Accounts Payable,sla_on_time,2026-10,',
			'Accounts Payable,requests_handled,2026-W47,',
			''
		]);
	});

	it('neutralises a team name that reads as a formula, and reads it back as that team', () => {
		const template = metricsTemplate(['=Payables'], world.metrics.slice(0, 1), '2026-11-23');
		expect(template).toBe(`team,metric,period,value\r\n"'=Payables",sla_on_time,2026-10,\r\n`);
		expect(csvValueRows(template).map((r) => r.team)).toEqual(['=Payables']);
	});
});
