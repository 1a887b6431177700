import type { MetricDirection, MetricRollup } from '../db/schema';

/** Red / amber / green against a target; `none` when there is no value or no target to judge by. */
export type Rag = 'green' | 'amber' | 'red' | 'none';

export interface Judged {
	direction: MetricDirection;
	target: number | null;
	/** Distance past the target, in the bad direction, that is still amber. */
	amberBand: number;
}

/**
 * Meeting the target exactly is green. For "higher is better" a value below the target by no more
 * than the amber band is amber; for "lower is better" the band sits above the target.
 */
export function ragStatus(value: number | null, metric: Judged): Rag {
	if (value === null || metric.target === null || !Number.isFinite(value)) return 'none';
	const shortfall = metric.direction === 'higher' ? metric.target - value : value - metric.target;
	if (shortfall <= 0) return 'green';
	return shortfall <= Math.max(0, metric.amberBand) ? 'amber' : 'red';
}

/**
 * Combines values of finer periods (weeks into a month) or of several teams (into a unit). `last`
 * takes the final value in the order given, so callers pass periods oldest first.
 */
export function rollUp(values: readonly number[], method: MetricRollup): number | null {
	if (values.length === 0) return null;
	switch (method) {
		case 'sum':
			return values.reduce((a, b) => a + b, 0);
		case 'mean':
			return values.reduce((a, b) => a + b, 0) / values.length;
		case 'min':
			return Math.min(...values);
		case 'max':
			return Math.max(...values);
		case 'last':
			return values[values.length - 1] ?? null;
	}
}
