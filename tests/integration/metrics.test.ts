import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import { createMetric, editMetric, setMetricArchived } from '../../src/lib/server/metrics/definitions';
import { getMetric, listMetrics, monthlyMetricValues } from '../../src/lib/server/metrics/queries';
import { applyMetricsImport, previewMetricsImport, saveTeamGrid } from '../../src/lib/server/metrics/values';
import { word } from '../../src/lib/server/service-result';
import type { CsvIssue } from '../../src/lib/server/metrics/csv';

/** Import problems as a person reads them (English outside a request). */
const worded = (issues: readonly CsvIssue[]) => issues.map((i) => ({ ...i, reason: word(i.reason) }));
import { addGrant, addPerson, addTeam, addUnit, openTempDb, T0, type TempDb, plainActor, actorFor } from './temp-db';

const TODAY = '2026-11-23';
const admin = plainActor('p-admin', '203.0.113.5', { isAdmin: true });
const header = 'team,metric,period,value';

let temp: TempDb;
let db: Db;
let sla: string;
let requests: string;

/* Finance with Accounts Payable (managed by Tomasz) and General Ledger; two metrics: monthly SLA and weekly requests. */
beforeAll(async () => {
	temp = await openTempDb('metrics');
	db = temp.db;
	await addUnit(db, 'u-fin', 'Finance');
	await addTeam(db, 't-ap', 'Accounts Payable', 'u-fin');
	await addTeam(db, 't-gl', 'General Ledger', 'u-fin');
	await addPerson(db, { id: admin.id, email: 'admin@example.com', name: 'Ada Admin' });
	await addGrant(db, admin.id, 'admin');
	await addPerson(db, { id: 'p-mgr', email: 'mgr@example.com', name: 'Tomasz Manager', team_id: 't-ap' });
	await addGrant(db, 'p-mgr', 'manager', { team_id: 't-ap' });

	const base = {
		description: '',
		unit: '%',
		direction: 'higher',
		target: 95,
		amber_band: 3,
		kind: 'sla',
		period: 'month',
		rollup: 'mean',
		language: 'en'
	} as const;
	const a = await createMetric(db, admin, { ...base, name: 'On time', key: 'sla_on_time' }, T0);
	const b = await createMetric(
		db,
		admin,
		{
			...base,
			name: 'Requests',
			key: 'requests_handled',
			unit: 'requests',
			kind: 'operational',
			period: 'week',
			rollup: 'sum',
			target: null
		},
		T0
	);
	if (!a.ok || !b.ok) throw new Error('could not create the metrics');
	sla = a.id;
	requests = b.id;
});

afterAll(async () => {
	await temp?.close();
});

async function manager() {
	return actorFor(db, 'p-mgr', null);
}

async function snapshot() {
	return {
		values: await db
			.selectFrom('metric_values')
			.selectAll()
			.orderBy('metric_id')
			.orderBy('team_id')
			.orderBy('period')
			.execute(),
		audit: await db.selectFrom('audit_events').selectAll().orderBy('id').execute()
	};
}

describe('metric definitions', () => {
	it('keeps keys unique and lists metrics by position, the computed ones included', async () => {
		const again = await createMetric(
			db,
			admin,
			{
				language: 'en',
				name: 'Copy',
				key: 'sla_on_time',
				description: '',
				unit: '',
				direction: 'higher',
				target: null,
				amber_band: 0,
				kind: 'sla',
				period: 'month',
				rollup: 'mean'
			},
			T0
		);
		expect(again).toEqual({
			ok: false,
			errors: { key: { code: 'measure_metric_key_taken', params: { key: 'sla_on_time' } } }
		});
		expect(again.ok ? '' : word(again.errors.key!)).toBe('Another metric already uses the key sla_on_time');
		const keys = (await listMetrics(db)).map((m) => m.key);
		expect(keys).toEqual(['case_net_score', 'case_average', 'case_responses', 'sla_on_time', 'requests_handled']);
	});

	it('changes only the wording and thresholds of a metric computed from case feedback', async () => {
		const result = await editMetric(
			db,
			admin,
			'metric-case_average',
			{
				language: 'en',
				name: 'Average score',
				description: 'Mean score',
				target: 8.5,
				amber_band: 0.5,
				kind: 'sla',
				period: 'week',
				rollup: 'sum',
				unit: 'x',
				direction: 'lower'
			},
			T0
		);
		expect(result.ok).toBe(true);
		const metric = await getMetric(db, 'metric-case_average');
		expect(metric).toMatchObject({
			name: 'Average score',
			target: 8.5,
			amber_band: 0.5,
			kind: 'experience',
			period: 'month',
			rollup: 'mean',
			unit: 'score',
			direction: 'higher',
			source: 'case_average'
		});
		const audit = await db
			.selectFrom('audit_events')
			.select(['action', 'summary'])
			.where('object_id', '=', 'metric-case_average')
			.execute();
		expect(audit).toEqual([
			{ action: 'metric.updated', summary: 'Metric case_average changed: name, description, target and amber band' }
		]);
	});

	it('archives and restores, leaving archived metrics out of the list unless asked', async () => {
		const other = await createMetric(
			db,
			admin,
			{
				language: 'en',
				name: 'Backlog',
				key: 'backlog',
				description: '',
				unit: 'items',
				direction: 'lower',
				target: 40,
				amber_band: 10,
				kind: 'operational',
				period: 'month',
				rollup: 'last'
			},
			T0
		);
		if (!other.ok) throw new Error('not created');
		await setMetricArchived(db, admin, other.id, true, T0);
		expect((await listMetrics(db)).map((m) => m.key)).not.toContain('backlog');
		expect((await listMetrics(db, { includeArchived: true })).map((m) => m.key)).toContain('backlog');
		await setMetricArchived(db, admin, other.id, false, T0);
		expect((await listMetrics(db)).map((m) => m.key)).toContain('backlog');
		const actions = await db
			.selectFrom('audit_events')
			.select('action')
			.where('object_id', '=', other.id)
			.orderBy('at')
			.orderBy('id')
			.execute();
		expect(actions.map((a) => a.action).sort()).toEqual(['metric.archived', 'metric.created', 'metric.restored']);
	});
});

describe('CSV import', () => {
	it('changes nothing when one row is bad, and says which', async () => {
		const before = await snapshot();
		const csv = [
			header,
			'Accounts Payable,sla_on_time,2026-10,96.5',
			'Accounts Payable,sla_on_time,2026-09,94',
			'Accounts Payable,sla_on_time,2026-08,ninety'
		].join('\n');
		const outcome = await applyMetricsImport(db, await manager(), csv, T0, TODAY);
		expect(outcome.ok).toBe(false);
		expect(worded(outcome.plan.issues)).toEqual([
			{ line: 4, column: 'value', reason: '"ninety" is not a number; write digits with a decimal point, such as 97.5' }
		]);
		expect(await snapshot()).toEqual(before);
	});

	it('keeps a manager to their own teams', async () => {
		const plan = await previewMetricsImport(
			db,
			await manager(),
			[header, 'General Ledger,sla_on_time,2026-10,90'].join('\n'),
			TODAY
		);
		expect(worded(plan.issues)).toEqual([
			{ line: 2, column: 'team', reason: '"General Ledger" is not one of your teams' }
		]);
	});

	it('previews without writing, then applies every row in one go', async () => {
		const csv = [
			header,
			'Accounts Payable,sla_on_time,2026-10,96.5',
			'accounts payable,requests_handled,2026-W44,120',
			't-ap,requests_handled,2026-W45,',
			'Accounts Payable,requests_handled,2026-W43,80'
		].join('\n');
		const before = await snapshot();
		const preview = await previewMetricsImport(db, await manager(), csv, TODAY);
		expect(preview.counts).toEqual({ create: 3, update: 0, unchanged: 0, skipped: 1, problem: 0 });
		expect(await snapshot()).toEqual(before);

		const outcome = await applyMetricsImport(db, await manager(), csv, T0, TODAY);
		expect(outcome.ok).toBe(true);
		const stored = await db
			.selectFrom('metric_values')
			.select(['period', 'value', 'source', 'updated_by'])
			.where('team_id', '=', 't-ap')
			.orderBy('period')
			.execute();
		expect(stored).toEqual([
			{ period: '2026-10', value: 96.5, source: 'import', updated_by: 'p-mgr' },
			{ period: '2026-W43', value: 80, source: 'import', updated_by: 'p-mgr' },
			{ period: '2026-W44', value: 120, source: 'import', updated_by: 'p-mgr' }
		]);
		const audit = await db
			.selectFrom('audit_events')
			.select(['actor_id', 'summary'])
			.where('action', '=', 'metric_values.imported')
			.execute();
		expect(audit).toEqual([
			{ actor_id: 'p-mgr', summary: 'Imported metric values: 3 new, 0 changed, 0 unchanged, 1 skipped' }
		]);

		const again = await previewMetricsImport(
			db,
			await manager(),
			[header, 'Accounts Payable,sla_on_time,2026-10,96.5', 'Accounts Payable,requests_handled,2026-W44,125'].join(
				'\n'
			),
			TODAY
		);
		expect(again.counts).toMatchObject({ create: 0, update: 1, unchanged: 1 });
	});
});

describe('entry grid', () => {
	it('saves filled cells, clears emptied ones and refuses the whole grid when a cell is wrong', async () => {
		const mgr = await manager();
		const bad = await saveTeamGrid(
			db,
			mgr,
			't-ap',
			[
				{ metricId: sla, period: '2026-11', raw: '97' },
				{ metricId: sla, period: '2026-10', raw: '1e13' }
			],
			T0,
			TODAY
		);
		expect(bad).toEqual({ ok: false, cells: [{ index: 1, reason: { code: 'measure_value_too_large' } }] });
		expect(await db.selectFrom('metric_values').select('value').where('period', '=', '2026-11').execute()).toEqual([]);

		const good = await saveTeamGrid(
			db,
			mgr,
			't-ap',
			[
				{ metricId: sla, period: '2026-11', raw: '97' },
				{ metricId: sla, period: '2026-10', raw: '' },
				{ metricId: requests, period: '2026-W44', raw: '120' }
			],
			T0,
			TODAY
		);
		expect(good).toEqual({ ok: true, counts: { create: 1, update: 0, cleared: 1 } });
		const stored = await db
			.selectFrom('metric_values')
			.select(['period', 'value', 'source'])
			.where('metric_id', '=', sla)
			.orderBy('period')
			.execute();
		expect(stored).toEqual([{ period: '2026-11', value: 97, source: 'entry' }]);
		const audit = await db
			.selectFrom('audit_events')
			.select(['object_id', 'summary'])
			.where('action', '=', 'metric_values.entered')
			.execute();
		expect(audit).toEqual([
			{ object_id: 't-ap', summary: 'Entered metric values for Accounts Payable: 1 new, 0 changed, 1 cleared' }
		]);
	});

	it('refuses a team the person does not manage', async () => {
		const outcome = await saveTeamGrid(
			db,
			await manager(),
			't-gl',
			[{ metricId: sla, period: '2026-11', raw: '90' }],
			T0,
			TODAY
		);
		expect(outcome).toEqual({ ok: false, form: { code: 'measure_grid_not_allowed' }, cells: [] });
	});
});

describe('monthlyMetricValues', () => {
	it('gives monthly values as stored and rolls weeks into the month they report to', async () => {
		// October 2026's ISO weeks are W40 to W44 (W44's Thursday is 29 October); W45 reports to November.
		await saveTeamGrid(
			db,
			await manager(),
			't-ap',
			[
				{ metricId: requests, period: '2026-W45', raw: '50' },
				{ metricId: requests, period: '2026-W48', raw: '30' }
			],
			T0,
			TODAY
		);
		const values = await monthlyMetricValues(db, ['t-ap', 't-gl'], ['2026-09', '2026-10', '2026-11']);
		const sorted = [...values].sort((a, b) => `${a.metricId}${a.month}`.localeCompare(`${b.metricId}${b.month}`));
		expect(sorted).toEqual(
			[
				{ metricId: sla, teamId: 't-ap', month: '2026-11', value: 97 },
				{ metricId: requests, teamId: 't-ap', month: '2026-10', value: 200 },
				{ metricId: requests, teamId: 't-ap', month: '2026-11', value: 80 }
			].sort((a, b) => `${a.metricId}${a.month}`.localeCompare(`${b.metricId}${b.month}`))
		);
		expect(await monthlyMetricValues(db, [], ['2026-10'])).toEqual([]);
	});
});
