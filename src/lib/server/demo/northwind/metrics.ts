/** The demo's metric definitions: the small demo seeds values for them, and so does the large organisation. */
import type { MetricDirection, MetricKind, MetricPeriod, MetricRollup } from '../../db/schema';

export type MetricKey = 'sla_on_time' | 'first_response_hours' | 'requests_handled' | 'backlog' | 'rework_rate';

export interface DemoMetric {
	key: MetricKey;
	name: string;
	description: string;
	unit: string;
	direction: MetricDirection;
	target: number | null;
	amberBand: number;
	kind: MetricKind;
	period: MetricPeriod;
	rollup: MetricRollup;
}

export const demoMetrics: readonly DemoMetric[] = [
	{
		key: 'sla_on_time',
		name: 'Requests resolved within SLA',
		description: 'Share of requests closed within the agreed service level, in per cent.',
		unit: '%',
		direction: 'higher',
		target: 95,
		amberBand: 3,
		kind: 'sla',
		period: 'month',
		rollup: 'mean'
	},
	{
		key: 'first_response_hours',
		name: 'First response time',
		description: 'Average working hours from a request arriving to the first reply from a person.',
		unit: 'hours',
		direction: 'lower',
		target: 8,
		amberBand: 4,
		kind: 'sla',
		period: 'month',
		rollup: 'mean'
	},
	{
		key: 'requests_handled',
		name: 'Requests handled',
		description: 'Requests closed in the week.',
		unit: 'requests',
		direction: 'higher',
		target: null,
		amberBand: 0,
		kind: 'operational',
		period: 'week',
		rollup: 'sum'
	},
	{
		key: 'backlog',
		name: 'Open backlog at month end',
		description: 'Requests still open at the close of the last working day of the month.',
		unit: 'requests',
		direction: 'lower',
		target: 40,
		amberBand: 20,
		kind: 'operational',
		period: 'month',
		rollup: 'last'
	},
	{
		key: 'rework_rate',
		name: 'Reopened or reworked',
		description: 'Share of closed requests that were reopened or sent back for correction, in per cent.',
		unit: '%',
		direction: 'lower',
		target: 5,
		amberBand: 3,
		kind: 'operational',
		period: 'month',
		rollup: 'mean'
	}
];
