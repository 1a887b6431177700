/** Labels for the Measure pillar, shared by pages and components: each a message in the current language. */
import { currentIntlLocale, numberFormat } from './intl';
import { m } from './paraglide/messages.js';

export type RagStatus = 'green' | 'amber' | 'red' | 'none';
export type MetricKindKey = 'sla' | 'operational' | 'experience';
export type DirectionKey = 'higher' | 'lower';
export type MetricPeriodKey = 'month' | 'week';
export type RollupKey = 'sum' | 'mean' | 'min' | 'max' | 'last';
/** Where a metric's values come from. */
export type MetricSourceKey = 'values' | 'case_net' | 'case_average' | 'case_volume';
export type ObservationSourceKey = 'manager' | 'peer' | 'self';

export function ragLabel(status: RagStatus): string {
	switch (status) {
		case 'green':
			return m.measure_rag_green();
		case 'amber':
			return m.measure_rag_amber();
		case 'red':
			return m.measure_rag_red();
		case 'none':
			return m.measure_rag_none();
	}
}

export function metricKindLabel(kind: MetricKindKey): string {
	switch (kind) {
		case 'sla':
			return m.measure_kind_sla();
		case 'operational':
			return m.measure_kind_operational();
		case 'experience':
			return m.measure_kind_experience();
	}
}

export function directionLabel(direction: DirectionKey): string {
	return direction === 'higher' ? m.measure_direction_higher() : m.measure_direction_lower();
}

export function metricPeriodLabel(period: MetricPeriodKey): string {
	return period === 'month' ? m.measure_metric_period_month() : m.measure_metric_period_week();
}

export function rollupLabel(rollup: RollupKey): string {
	switch (rollup) {
		case 'sum':
			return m.measure_rollup_sum();
		case 'mean':
			return m.measure_rollup_mean();
		case 'min':
			return m.measure_rollup_min();
		case 'max':
			return m.measure_rollup_max();
		case 'last':
			return m.measure_rollup_last();
	}
}

export function metricSourceLabel(source: MetricSourceKey): string {
	switch (source) {
		case 'values':
			return m.measure_source_values();
		case 'case_net':
			return m.measure_source_case_net();
		case 'case_average':
			return m.measure_source_case_average();
		case 'case_volume':
			return m.measure_source_case_volume();
	}
}

export function observationSourceLabel(source: ObservationSourceKey): string {
	switch (source) {
		case 'manager':
			return m.measure_observation_source_manager();
		case 'peer':
			return m.measure_observation_source_peer();
		case 'self':
			return m.measure_observation_source_self();
	}
}

/** The choices of each fixed option, in the order forms offer them. */
export const metricKindKeys: readonly MetricKindKey[] = ['sla', 'operational', 'experience'];
export const directionKeys: readonly DirectionKey[] = ['higher', 'lower'];
export const metricPeriodKeys: readonly MetricPeriodKey[] = ['month', 'week'];
export const rollupKeys: readonly RollupKey[] = ['sum', 'mean', 'min', 'max', 'last'];

/**
 * @deprecated English only: use `observationSourceLabel(source)`. Kept until the observation
 * pages (growth) switch, so that they keep compiling.
 */
export const observationSourceLabels = { manager: 'Manager', peer: 'Peer', self: 'Self-rating' } as const;

/** A number for people: at most `digits` decimals, no trailing zeros, thousands separated, in the current locale. */
export function formatNumber(value: number, digits = 1): string {
	return numberFormat(currentIntlLocale(), { maximumFractionDigits: digits }).format(value);
}

/** A value with the unit an admin gave its metric ("97.5 %", "12 requests"), or the bare number without one. */
export function formatAmount(value: number, unit: string, digits = 1): string {
	const number = formatNumber(value, digits);
	const trimmed = unit.trim();
	return trimmed ? m.measure_amount_with_unit({ value: number, unit: trimmed }) : number;
}

/**
 * Items run together as a compact list ("A, B, C"; "A、B、C"), for lists whose English has no
 * "and": labels in a hint, averages in a line. Sentences that need "and" use `formatList`.
 */
export function joinItems(items: readonly string[]): string {
	return items.join(m.measure_list_separator());
}
