/**
 * The year a Measure story spans and its curves: a team story's value in a given month, with
 * noise, kept inside its limits. Shared by the metric values (`measure.ts`) and the moods behind
 * case feedback (`case-feedback.ts`).
 */
import { periodRange } from '../../periods';
import type { Curve } from './northwind/team-stories';
import { clamp } from './numbers';
import { gauss, type Rng } from './random';

/** The last complete month and the twelve before it. */
export const MONTHS = 13;

export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const startOf = (period: string) => Date.parse(`${periodRange(period).start}T00:00:00.000Z`);
export const endOf = (period: string) => Date.parse(`${periodRange(period).end}T00:00:00.000Z`);

/** A curve's value at a month index (clamped to the 13 months), before noise. */
function curveAt(curve: Curve, index: number): number {
	const i = clamp(index, 0, MONTHS - 1);
	let value = curve.start + ((curve.end - curve.start) * i) / (MONTHS - 1);
	const dip = curve.dip;
	if (dip) {
		if (i >= dip.from && i <= dip.to) value += dip.by;
		else if (i === dip.from - 1 || i === dip.to + 1) value += dip.by * 0.4;
	}
	return value;
}

export function sampleCurve(curve: Curve, index: number, rng: Rng): number {
	const value = curveAt(curve, index) + curve.noise * gauss(rng);
	return curve.limits ? clamp(value, curve.limits[0], curve.limits[1]) : value;
}
