import { describe, expect, it } from 'vitest';
import { word } from '../service-result';
import { parseValue, planMetricValues, referencedCells, valueKey, type ValueIssue, type ValueWorld } from './plan';

/** Problems as a person reads them (English outside a request). */
const worded = (issues: readonly ValueIssue[]) => issues.map((i) => ({ ...i, reason: word(i.reason) }));

const world: ValueWorld = {
	teams: [
		{ id: 't-ap', name: 'Accounts Payable' },
		{ id: 't-gl', name: 'General Ledger' }
	],
	metrics: [
		{ id: 'm-sla', key: 'sla_on_time', period: 'month', source: 'values', archived: false },
		{ id: 'm-req', key: 'requests_handled', period: 'week', source: 'values', archived: false },
		{ id: 'm-old', key: 'old_measure', period: 'month', source: 'values', archived: true },
		{ id: 'm-net', key: 'case_net_score', period: 'month', source: 'case_net', archived: false }
	],
	allowedTeamIds: 'all',
	stored: new Map([
		[valueKey('m-sla', 't-ap', '2026-10'), 96],
		[valueKey('m-sla', 't-ap', '2026-09'), 94]
	]),
	today: '2026-11-23'
};

const row = (over: Partial<{ team: string; metric: string; period: string; value: number | string }> = {}) => ({
	team: 'Accounts Payable',
	metric: 'sla_on_time',
	period: '2026-11',
	value: 97.5,
	...over
});

describe('planMetricValues', () => {
	it('says which values are new, changed or the same as stored', () => {
		const plan = planMetricValues(
			[row(), row({ period: '2026-10', value: 96 }), row({ period: '2026-09', value: '95.5' })],
			world
		);
		expect(plan.issues).toEqual([]);
		expect(plan.values.map((v) => [v.period, v.action, v.previous, v.value])).toEqual([
			['2026-11', 'create', null, 97.5],
			['2026-10', 'unchanged', 96, 96],
			['2026-09', 'update', 94, 95.5]
		]);
		expect(plan.counts).toEqual({ create: 1, update: 1, unchanged: 1 });
	});

	it('finds teams by id or by name in any case', () => {
		const plan = planMetricValues([row({ team: 't-gl' }), row({ team: '  accounts payable ' })], world);
		expect(plan.issues).toEqual([]);
		expect(plan.values.map((v) => v.teamId)).toEqual(['t-gl', 't-ap']);
	});

	it('refuses a name that matches more than one team rather than picking one', () => {
		// Names are unique ignoring case, but SQLite folds only ASCII letters; the plan does not guess.
		const twins = {
			...world,
			teams: [...world.teams, { id: 't-eq1', name: 'Équipe' }, { id: 't-eq2', name: 'équipe' }]
		};
		const plan = planMetricValues([row({ team: 'ÉQUIPE' }), row({ team: 't-eq2' })], twins);
		expect(worded(plan.issues)).toEqual([
			{ index: 0, field: 'team', reason: '"ÉQUIPE" matches more than one team (Équipe, équipe); give the team’s id' }
		]);
		expect(plan.values.map((v) => v.teamId)).toEqual(['t-eq2']);
	});

	it('reports every problem of every row by field', () => {
		const plan = planMetricValues(
			[
				row({ team: 'Nowhere' }),
				row({ metric: 'no_such_key' }),
				row({ metric: 'case_net_score' }),
				row({ metric: 'old_measure' }),
				row({ period: '2026-W47' }),
				row({ metric: 'requests_handled', period: '2026-11' }),
				row({ period: '2026-13' }),
				row({ period: '2026-12' }),
				row({ value: 'abc' }),
				row({ team: '', metric: '', period: '', value: '' })
			],
			world
		);
		expect(plan.values).toEqual([]);
		expect(plan.issues[0]).toEqual({
			index: 0,
			field: 'team',
			reason: { code: 'measure_value_team_unknown', params: { team: 'Nowhere' } }
		});
		expect(worded(plan.issues)).toEqual([
			{ index: 0, field: 'team', reason: '"Nowhere" is not a team' },
			{ index: 1, field: 'metric', reason: '"no_such_key" is not a metric key' },
			{ index: 2, field: 'metric', reason: 'case_net_score is worked out from case feedback and takes no values' },
			{ index: 3, field: 'metric', reason: 'old_measure is archived; restore it before adding values' },
			{ index: 4, field: 'period', reason: 'sla_on_time is monthly: use a month such as 2026-11' },
			{ index: 5, field: 'period', reason: 'requests_handled is weekly: use an ISO week such as 2026-W47' },
			{
				index: 6,
				field: 'period',
				reason: '"2026-13" is neither a month such as 2026-11 nor an ISO week such as 2026-W47'
			},
			{ index: 7, field: 'period', reason: '2026-12 has not started yet' },
			{ index: 8, field: 'value', reason: '"abc" is not a number; write digits with a decimal point, such as 97.5' },
			{ index: 9, field: 'team', reason: 'Enter a team name or id' },
			{ index: 9, field: 'metric', reason: 'Enter a metric key' },
			{ index: 9, field: 'period', reason: 'Enter a period' },
			{ index: 9, field: 'value', reason: 'Enter a value' }
		]);
	});

	it('accepts the current ISO week but not the next one', () => {
		const plan = planMetricValues(
			[
				row({ metric: 'requests_handled', period: '2026-W48', value: 140 }),
				row({ metric: 'requests_handled', period: '2026-W49', value: 150 })
			],
			world
		);
		expect(plan.values.map((v) => v.period)).toEqual(['2026-W48']);
		expect(worded(plan.issues)).toEqual([{ index: 1, field: 'period', reason: '2026-W49 has not started yet' }]);
	});

	it('refuses the same team, metric and period twice, naming the first row', () => {
		const plan = planMetricValues([row(), row({ team: 't-ap', value: 90 })], world);
		expect(worded(plan.issues)).toEqual([
			{ index: 1, field: 'period', reason: 'The same team, metric and period as row 1' }
		]);
		const named = planMetricValues([row(), row({ team: 't-ap', value: 90 })], world, {
			duplicateOf: (i) => ({ code: 'measure_value_duplicate_line', params: { line: i + 2 } })
		});
		expect(worded(named.issues)).toEqual([
			{ index: 1, field: 'period', reason: 'The same team, metric and period as line 2' }
		]);
	});

	it('keeps a manager to their own teams without confirming whether others exist', () => {
		const plan = planMetricValues([row(), row({ team: 'General Ledger' }), row({ team: 'Nowhere' })], {
			...world,
			allowedTeamIds: new Set(['t-ap'])
		});
		expect(plan.values.map((v) => v.teamId)).toEqual(['t-ap']);
		expect(worded(plan.issues).map((i) => i.reason)).toEqual([
			'"General Ledger" is not one of your teams',
			'"Nowhere" is not one of your teams'
		]);
	});
});

describe('parseValue', () => {
	it('reads plain decimal numbers and refuses anything else', () => {
		expect(parseValue(' -12.5 ')).toEqual({ ok: true, value: -12.5 });
		expect(parseValue('1e3')).toEqual({ ok: true, value: 1000 });
		expect(parseValue('1,5').ok).toBe(false);
		expect(parseValue('95%').ok).toBe(false);
		expect(parseValue(Number.NaN).ok).toBe(false);
		expect(parseValue(1e13)).toEqual({ ok: false, reason: { code: 'measure_value_too_large' } });
		expect(word({ code: 'measure_value_too_large' })).toBe('This number is too large to be a measure');
	});
});

describe('referencedCells', () => {
	it('names the known teams and well-formed periods a batch touches', () => {
		expect(
			referencedCells(
				[row(), row({ team: 't-gl', period: 'soon' }), row({ team: 'Nowhere', period: '2026-W40' })],
				world.teams
			)
		).toEqual({
			teamIds: ['t-ap', 't-gl'],
			periods: ['2026-11', '2026-W40']
		});
	});
});
