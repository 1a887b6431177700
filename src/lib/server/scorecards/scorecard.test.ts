import { describe, expect, it } from 'vitest';
import {
	buildScorecard,
	statusCounts,
	type MeasureDefinition,
	type Participation,
	type ScorecardInputs
} from './scorecard';

const metric = (
	m: Partial<MeasureDefinition> & Pick<MeasureDefinition, 'id' | 'name' | 'kind'>
): MeasureDefinition => ({
	key: m.id,
	unit: '%',
	direction: 'higher',
	target: 90,
	amber_band: 5,
	source: 'values',
	...m
});

const inSla = metric({ id: 'in-sla', name: 'Invoices paid in SLA', kind: 'sla' });
const firstResponse = metric({
	id: 'first-response',
	name: 'First response',
	kind: 'sla',
	unit: 'hours',
	direction: 'lower',
	target: 8,
	amber_band: 2
});
const volume = metric({ id: 'volume', name: 'Invoices handled', kind: 'operational', unit: '', target: null });
const net = metric({
	id: 'net',
	key: 'case_net_score',
	name: 'Internal customer net score',
	kind: 'experience',
	unit: 'points',
	target: 30,
	amber_band: 20,
	source: 'case_net'
});
const average = metric({
	id: 'avg',
	key: 'case_average',
	name: 'Average case score',
	kind: 'experience',
	unit: 'score',
	target: 8,
	amber_band: 1,
	source: 'case_average'
});
const responses = metric({
	id: 'responses',
	key: 'case_responses',
	name: 'Case-feedback responses',
	kind: 'experience',
	unit: 'responses',
	target: null,
	source: 'case_volume'
});

const participation: Participation = {
	members: 6,
	recognition: { received: 4, crossDepartment: 1 },
	learning: { assigned: 8, completed: 6 },
	shadowing: { visitors: 2, hosted: 1 },
	buddies: { paired: 3, meetings: 5 }
};

function inputs(overrides: Partial<ScorecardInputs> = {}): ScorecardInputs {
	return {
		months: ['2026-08', '2026-09', '2026-10'],
		metrics: [inSla, firstResponse, volume, net, average, responses],
		values: [
			{ metricId: 'in-sla', month: '2026-09', value: 80 },
			{ metricId: 'in-sla', month: '2026-10', value: 96 },
			{ metricId: 'first-response', month: '2026-10', value: 9 },
			{ metricId: 'volume', month: '2026-10', value: 1200 }
		],
		caseScores: new Map([['2026-10', [10, 9, 9, 6, 3]]]),
		behaviours: [
			{
				behaviourId: 'b1',
				label: 'Owns the outcome',
				valueName: 'Ownership',
				average: 3.5,
				observations: 9,
				raters: 3
			},
			{ behaviourId: 'b2', label: 'Explains clearly', valueName: 'Clarity', average: 4, observations: 2, raters: 1 }
		],
		participation,
		...overrides
	};
}

describe('buildScorecard', () => {
	it('judges each SLA and operational measure against its target, in both directions', () => {
		const card = buildScorecard(inputs());
		expect(card.month).toBe('2026-10');
		expect(card.what.map((m) => [m.name, m.value, m.status])).toEqual([
			['Invoices paid in SLA', 96, 'green'],
			['First response', 9, 'amber'],
			['Invoices handled', 1200, 'none']
		]);
		expect(card.what[0]!.series).toEqual([
			{ month: '2026-08', value: null, status: 'none', missing: 'no_data' },
			{ month: '2026-09', value: 80, status: 'red', missing: null },
			{ month: '2026-10', value: 96, status: 'green', missing: null }
		]);
		expect(card.what[0]!.missing).toBeNull();
		expect(statusCounts(card.what)).toEqual({ green: 1, amber: 1, red: 0, none: 1 });
	});

	it('says a measure without a value this month has no data', () => {
		const card = buildScorecard(inputs({ values: [] }));
		expect(card.what[0]).toMatchObject({ value: null, status: 'none', missing: 'no_data' });
	});

	it('computes case-feedback measures once five people have answered', () => {
		const card = buildScorecard(inputs());
		const [netScore, avg, count] = card.experience.measures;
		// 3 scores of 9-10 and 2 of 0-6 out of 5: 60% - 40% = 20 points.
		expect(netScore).toMatchObject({ value: 20, status: 'amber', missing: null, fromCaseFeedback: true });
		expect(avg).toMatchObject({ value: 7.4, status: 'amber' });
		expect(count).toMatchObject({ value: 5, status: 'none', missing: null });
		expect(card.experience).toMatchObject({ responses: 5, enough: true });
	});

	it('hides case-feedback aggregates built from four responses but still counts them', () => {
		const card = buildScorecard(inputs({ caseScores: new Map([['2026-10', [10, 9, 9, 6]]]) }));
		const [netScore, avg, count] = card.experience.measures;
		expect(netScore).toMatchObject({ value: null, status: 'none', missing: 'not_enough_responses' });
		expect(avg).toMatchObject({ value: null, status: 'none', missing: 'not_enough_responses' });
		expect(count).toMatchObject({ value: 4, missing: null });
		expect(card.experience).toMatchObject({ responses: 4, enough: false });
	});

	it('flags a watermelon and names the measures that disagree', () => {
		const card = buildScorecard(
			inputs({
				metrics: [inSla, net, average],
				caseScores: new Map([['2026-10', [2, 3, 9, 5, 6, 10]]])
			})
		);
		expect(card.watermelon.watermelon).toBe(true);
		expect(card.watermelon.greenSla).toEqual(['Invoices paid in SLA']);
		expect(card.watermelon.redExperience).toEqual(['Internal customer net score', 'Average case score']);
		expect(card.watermelon.explanation).toBe(
			'The SLA measure Invoices paid in SLA is on target, yet Internal customer net score (-33.3 against a target of 30) and Average case score (5.8 against a target of 8) are off target. The service looks green from outside, but the internal customers it serves are not satisfied.'
		);
	});

	it('words the SLA side for two and for more measures', () => {
		const backlog = metric({ id: 'backlog', name: 'Backlog', kind: 'sla' });
		const values = [
			{ metricId: 'in-sla', month: '2026-10', value: 96 },
			{ metricId: 'first-response', month: '2026-10', value: 6 },
			{ metricId: 'backlog', month: '2026-10', value: 99 }
		];
		const unhappy = new Map([['2026-10', [1, 2, 3, 4, 5]]]);
		const two = buildScorecard(inputs({ metrics: [inSla, firstResponse, net], values, caseScores: unhappy }));
		expect(two.watermelon.explanation).toMatch(
			/^Both SLA measures, Invoices paid in SLA and First response, are on target, yet Internal customer net score \(-100 against a target of 30\) is off target\./
		);
		const three = buildScorecard(
			inputs({ metrics: [inSla, firstResponse, backlog, net], values, caseScores: unhappy })
		);
		expect(three.watermelon.explanation).toMatch(
			/^All 3 SLA measures \(Invoices paid in SLA, First response and Backlog\) are on target, yet/
		);
	});

	it('does not flag a team whose experience cannot be judged for lack of responses', () => {
		const card = buildScorecard(inputs({ metrics: [inSla, net], caseScores: new Map([['2026-10', [0, 1, 2]]]) }));
		expect(card.watermelon).toMatchObject({ watermelon: false, explanation: null });
	});

	it('puts behaviours, confidence and participation in the How column without a single score', () => {
		const card = buildScorecard(inputs());
		expect(card.how.behaviours.map((b) => [b.label, b.confidence])).toEqual([
			['Owns the outcome', 'high'],
			['Explains clearly', 'low']
		]);
		expect(card.how.observations).toBe(11);
		expect(card.how.confidence).toBe('high');
		expect(card.how.learningRate).toBe(75);
		expect(
			buildScorecard(inputs({ participation: { ...participation, learning: { assigned: 0, completed: 0 } } })).how
				.learningRate
		).toBeNull();
		expect(Object.keys(card)).not.toContain('score');
	});
});
