import { formatList, formatPercent } from '../../intl';
import { formatNumber } from '../../measure';
import { m as messages } from '../../paraglide/messages.js';
import type { Metric } from '../db/schema';
import { experienceMeasures } from '../feedback/rules';
import { ragStatus, type Rag } from '../metrics/rules';
import { confidenceOf, watermelonVerdict, type Confidence, type WatermelonVerdict } from './rules';

/**
 * A team's balanced scorecard for one month, assembled from numbers the other domains supply.
 * Pure: the caller loads metric values, case-feedback scores, behaviour aggregates and
 * participation counts, and this module puts them side by side. It never folds them into one score.
 */

export type MeasureDefinition = Pick<
	Metric,
	'id' | 'key' | 'name' | 'unit' | 'direction' | 'target' | 'amber_band' | 'kind' | 'source'
>;

/** Why a measure has no value in a month. */
export type Missing = 'no_data' | 'not_enough_responses';

export interface MeasurePoint {
	month: string;
	value: number | null;
	status: Rag;
	missing: Missing | null;
}

export interface Measure {
	id: string;
	key: string;
	name: string;
	unit: string;
	kind: Metric['kind'];
	direction: Metric['direction'];
	target: number | null;
	/** Computed from case feedback rather than entered. */
	fromCaseFeedback: boolean;
	value: number | null;
	status: Rag;
	missing: Missing | null;
	/** Oldest first, ending with the scorecard's month. */
	series: MeasurePoint[];
}

export interface BehaviourInput {
	behaviourId: string;
	label: string;
	valueName: string;
	average: number | null;
	observations: number;
	raters: number;
}

export interface BehaviourRow extends BehaviourInput {
	confidence: Confidence;
}

export interface Participation {
	/** Active members today. */
	members: number;
	recognition: { received: number; crossDepartment: number };
	/** Module assignments of active members: how many are done. */
	learning: { assigned: number; completed: number };
	/** Members who completed a visit to another team, and visits the team hosted. */
	shadowing: { visitors: number; hosted: number };
	/** Members in a live buddy pairing, and meetings those pairings logged. */
	buddies: { paired: number; meetings: number };
}

export interface ScorecardInputs {
	/** The months to chart, oldest first; the last is the scorecard's month. */
	months: readonly string[];
	metrics: readonly MeasureDefinition[];
	/** This team's monthly values of `values`-sourced metrics. */
	values: readonly { metricId: string; month: string; value: number }[];
	/** This team's case-feedback scores by month. */
	caseScores: ReadonlyMap<string, readonly number[]>;
	/** Behaviour aggregates over the How window. */
	behaviours: readonly BehaviourInput[];
	participation: Participation;
}

export interface Watermelon extends WatermelonVerdict {
	/** Plain words naming the measures that disagree; null when the team is not a watermelon. */
	explanation: string | null;
}

export interface TeamScorecard {
	month: string;
	/** SLA and operational measures. */
	what: Measure[];
	experience: {
		measures: Measure[];
		/** Case-feedback responses this month (a count reveals no one's answer, so it is always shown). */
		responses: number;
		enough: boolean;
	};
	how: {
		behaviours: BehaviourRow[];
		observations: number;
		/** For the team as a whole: the observations and the most raters any one behaviour had. */
		confidence: Confidence;
		participation: Participation;
		/** Percentage of assigned modules completed, or null when nothing is assigned. */
		learningRate: number | null;
	};
	watermelon: Watermelon;
}

const caseSources = new Set<Metric['source']>(['case_net', 'case_average', 'case_volume']);

/** A case-derived metric's value for one month: hidden (null) when too few people answered. */
function caseValue(
	source: Metric['source'],
	scores: readonly number[]
): { value: number | null; missing: Missing | null } {
	const measures = experienceMeasures(scores);
	if (source === 'case_volume') return { value: measures.volume, missing: null };
	const value = source === 'case_net' ? measures.netScore : measures.average;
	return { value, missing: value === null ? 'not_enough_responses' : null };
}

/** A measure's value and status in each month, from a team's values (keyed `metricId|month`) or case scores. */
export function measureSeries(
	metric: MeasureDefinition,
	months: readonly string[],
	valueIndex: ReadonlyMap<string, number>,
	caseScores: ReadonlyMap<string, readonly number[]>
): MeasurePoint[] {
	const fromCaseFeedback = caseSources.has(metric.source);
	const judge = { direction: metric.direction, target: metric.target, amberBand: metric.amber_band };
	return months.map((month) => {
		const { value, missing } = fromCaseFeedback
			? caseValue(metric.source, caseScores.get(month) ?? [])
			: { value: valueIndex.get(`${metric.id}|${month}`) ?? null, missing: 'no_data' as const };
		return { month, value, status: ragStatus(value, judge), missing: value === null ? missing : null };
	});
}

/** Monthly values by `metricId|month`, as measureSeries reads them. */
export function indexValues(
	values: readonly { metricId: string; month: string; value: number }[]
): Map<string, number> {
	return new Map(values.map((v) => [`${v.metricId}|${v.month}`, v.value]));
}

function measureOf(
	metric: MeasureDefinition,
	inputs: Pick<ScorecardInputs, 'months' | 'caseScores'>,
	valueIndex: ReadonlyMap<string, number>
): Measure {
	const fromCaseFeedback = caseSources.has(metric.source);
	const points = measureSeries(metric, inputs.months, valueIndex, inputs.caseScores);
	const current = points.at(-1);
	return {
		id: metric.id,
		key: metric.key,
		name: metric.name,
		unit: metric.unit,
		kind: metric.kind,
		direction: metric.direction,
		target: metric.target,
		fromCaseFeedback,
		value: current?.value ?? null,
		status: current?.status ?? 'none',
		missing: current ? current.missing : 'no_data',
		series: points
	};
}

/** A value as a sentence shows it: percentages keep their sign, other units are on the scorecard. */
function inWords(value: number, unit: string): string {
	return unit === '%' ? formatPercent(value / 100, 1) : formatNumber(value);
}

/**
 * Names both sides of a watermelon: the SLA measures that are green and the experience measures
 * that are red, with their values against target. Worded in the request's language.
 */
export function watermelonExplanation(verdict: WatermelonVerdict, measures: readonly Measure[]): string | null {
	if (!verdict.watermelon) return null;
	const red = verdict.redExperience.map((name) => {
		const m = measures.find((x) => x.name === name && x.kind === 'experience');
		if (!m || m.value === null || m.target === null) return name;
		return messages.measure_watermelon_red_item({
			name,
			value: inWords(m.value, m.unit),
			target: inWords(m.target, m.unit)
		});
	});
	return messages.measure_watermelon_explanation({
		slaCount: verdict.greenSla.length,
		green: formatList(verdict.greenSla),
		redCount: red.length,
		red: formatList(red)
	});
}

export function buildScorecard(inputs: ScorecardInputs): TeamScorecard {
	const month = inputs.months.at(-1);
	if (!month) throw new RangeError('A scorecard needs at least one month');
	const valueIndex = indexValues(inputs.values);
	const measures = inputs.metrics.map((m) => measureOf(m, inputs, valueIndex));
	const what = measures.filter((m) => m.kind !== 'experience');
	const experience = measures.filter((m) => m.kind === 'experience');
	const caseNow = experienceMeasures(inputs.caseScores.get(month) ?? []);

	const verdict = watermelonVerdict(measures.map((m) => ({ name: m.name, kind: m.kind, status: m.status })));
	const behaviours = inputs.behaviours.map((b) => ({ ...b, confidence: confidenceOf(b.observations, b.raters) }));
	const observations = behaviours.reduce((sum, b) => sum + b.observations, 0);
	const mostRaters = behaviours.reduce((most, b) => Math.max(most, b.raters), 0);
	const { learning } = inputs.participation;

	return {
		month,
		what,
		experience: { measures: experience, responses: caseNow.volume, enough: caseNow.enough },
		how: {
			behaviours,
			observations,
			confidence: confidenceOf(observations, mostRaters),
			participation: inputs.participation,
			learningRate: learning.assigned === 0 ? null : Math.round((100 * learning.completed) / learning.assigned)
		},
		watermelon: { ...verdict, explanation: watermelonExplanation(verdict, measures) }
	};
}

/**
 * A month's What and Experience alone, without the How: whether any measure is off target (red)
 * and whether the team is a watermelon. What the leaders' monthly summary reports of each team.
 */
export function monthStatus(inputs: Pick<ScorecardInputs, 'months' | 'metrics' | 'values' | 'caseScores'>) {
	const valueIndex = indexValues(inputs.values);
	const measures = inputs.metrics.map((m) => measureOf(m, inputs, valueIndex));
	return {
		offTarget: measures.some((m) => m.status === 'red'),
		watermelon: watermelonVerdict(measures.map((m) => ({ name: m.name, kind: m.kind, status: m.status }))).watermelon
	};
}

export type StatusCounts = Record<Rag, number>;

export function statusCounts(measures: readonly Measure[]): StatusCounts {
	const counts: StatusCounts = { green: 0, amber: 0, red: 0, none: 0 };
	for (const m of measures) counts[m.status]++;
	return counts;
}
