/**
 * Seeded randomness for the demo generators (and the populations the matching tests and benchmark
 * build): the same seed or label always gives the same sequence, so a demo loads identically on
 * every run. Each generator takes a stream per purpose (one per story series, one per table), so
 * drawing more for one never shifts another.
 *
 * Not for anything secret: ids and tokens the app hands out come from `crypto.getRandomValues`.
 */

/** Uniform numbers in [0, 1). */
export type Rng = () => number;

/** FNV-1a of a label: turns a name such as `Payroll|sla_on_time` into a 32-bit state. */
export function hashLabel(label: string): number {
	let hash = 2166136261;
	for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 16777619);
	return hash >>> 0;
}

/** A 32-bit bijection (xor-shift and odd multiplies): distinct inputs always give distinct outputs. */
export function mix32(value: number): number {
	let x = value >>> 0;
	x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
	x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
	return (x ^ (x >>> 16)) >>> 0;
}

/** mulberry32: a small, fast generator with a 32-bit state. */
export function mulberry32(seed: number): Rng {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = Math.imul(state ^ (state >>> 15), state | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A stream named by its label alone: the small demo's, one per story series. */
export function rngFromLabel(label: string): Rng {
	return mulberry32(hashLabel(label));
}

/** A stream for one purpose within a seeded run: the large organisation's, one per table or phase. */
export function rngFromSeed(seed: number, label: string): Rng {
	return mulberry32(mix32(seed ^ hashLabel(label)));
}

/** A whole number from `min` to `max`, both included. */
export function between(rng: Rng, min: number, max: number): number {
	return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, list: readonly T[]): T {
	const item = list[Math.floor(rng() * list.length)];
	if (item === undefined) throw new Error('Demo data: picked from an empty list');
	return item;
}

/** Roughly normal, mean 0 and standard deviation 1: a scaled sum of four uniforms. */
export function gauss(rng: Rng): number {
	return (rng() + rng() + rng() + rng() - 2) * Math.sqrt(3);
}

/** `count` distinct items of `list` (fewer when it runs short), leaving out those `except` rejects. */
export function sample<T>(rng: Rng, list: readonly T[], count: number, except?: (item: T) => boolean): T[] {
	const chosen = new Set<number>();
	const out: T[] = [];
	for (let tries = 0; out.length < count && tries < count * 20; tries++) {
		const index = Math.floor(rng() * list.length);
		const item = list[index];
		if (item === undefined || chosen.has(index) || except?.(item)) continue;
		chosen.add(index);
		out.push(item);
	}
	return out;
}

/** Shuffles `items` in place (Fisher-Yates, from the end) and returns it. */
export function shuffle<T>(rng: Rng, items: T[]): T[] {
	for (let i = items.length - 1; i > 0; i--) {
		const j = Math.floor(rng() * (i + 1));
		[items[i], items[j]] = [items[j]!, items[i]!];
	}
	return items;
}
