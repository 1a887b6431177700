import { m } from '../../paraglide/messages.js';
import type { MetricKind } from '../db/schema';
import type { Rag } from '../metrics/rules';

export interface JudgedMeasure {
	name: string;
	kind: MetricKind;
	status: Rag;
}

export interface WatermelonVerdict {
	watermelon: boolean;
	/** The SLA measures that look fine from the outside. */
	greenSla: string[];
	/** The experience measures that say the customer disagrees. */
	redExperience: string[];
}

/**
 * Green outside, red inside: every SLA measure that has a status is green, yet at least one
 * experience measure is red. Measures without a status (no data, no target, too few responses)
 * neither trigger nor clear the warning.
 */
export function watermelonVerdict(measures: readonly JudgedMeasure[]): WatermelonVerdict {
	const sla = measures.filter((m) => m.kind === 'sla' && m.status !== 'none');
	const greenSla = sla.filter((m) => m.status === 'green').map((m) => m.name);
	const redExperience = measures.filter((m) => m.kind === 'experience' && m.status === 'red').map((m) => m.name);
	const watermelon = sla.length > 0 && greenSla.length === sla.length && redExperience.length > 0;
	return { watermelon, greenSla: watermelon ? greenSla : [], redExperience: watermelon ? redExperience : [] };
}

export type Confidence = 'none' | 'low' | 'medium' | 'high';

/** How far a behaviour's average can be trusted, in words. */
export function confidenceLabel(confidence: Confidence): string {
	switch (confidence) {
		case 'none':
			return m.measure_confidence_none();
		case 'low':
			return m.measure_confidence_low();
		case 'medium':
			return m.measure_confidence_medium();
		case 'high':
			return m.measure_confidence_high();
	}
}

/**
 * How far to trust a behaviour's average level: a few ratings, or ratings all from one person,
 * say little. High needs at least 8 observations from at least 3 different raters; medium needs
 * 3 from 2.
 */
export function confidenceOf(observations: number, distinctRaters: number): Confidence {
	if (observations === 0) return 'none';
	if (observations >= 8 && distinctRaters >= 3) return 'high';
	if (observations >= 3 && distinctRaters >= 2) return 'medium';
	return 'low';
}
