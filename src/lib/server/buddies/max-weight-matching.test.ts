import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../demo/random';
import { maxWeightMatching } from './max-weight-matching';

describe('maxWeightMatching (blossom)', () => {
	function bestOf(n: number, edges: [number, number, number][], maxCardinality: boolean): [number, number] {
		const w = new Map(edges.map(([i, j, x]) => [i * n + j, x]));
		let best: [number, number] = [0, 0];
		const used = new Array<boolean>(n).fill(false);
		const visit = (card: number, total: number) => {
			let v = 0;
			while (v < n && used[v]) v++;
			if (v === n) {
				const better = maxCardinality ? card > best[0] || (card === best[0] && total > best[1]) : total > best[1];
				if (better) best = [card, total];
				return;
			}
			used[v] = true;
			visit(card, total);
			for (let u = v + 1; u < n; u++) {
				const x = w.get(v * n + u);
				if (used[u] || x === undefined) continue;
				used[u] = true;
				visit(card + 1, total + x);
				used[u] = false;
			}
			used[v] = false;
		};
		visit(0, 0);
		return best;
	}
	function resultOf(n: number, edges: [number, number, number][], mate: number[]): [number, number] {
		const w = new Map(edges.map(([i, j, x]) => [i * n + j, x]));
		let card = 0;
		let total = 0;
		mate.forEach((m, v) => {
			if (m >= 0) expect(mate[m]).toBe(v);
			if (m > v) {
				card++;
				total += w.get(v * n + m)!;
			}
		});
		return [card, total];
	}
	// Any density from sparse to complete, up to 11 vertices (exhaustive search stays cheap).
	const graphArb = fc
		.record({ n: fc.integer({ min: 1, max: 11 }), density: fc.integer({ min: 10, max: 100 }) })
		.chain(({ n, density }) => {
			const slots: [number, number][] = [];
			for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) slots.push([i, j]);
			return fc
				.array(fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: -10, max: 30 })), {
					minLength: slots.length,
					maxLength: slots.length
				})
				.map((rolls) => ({
					n,
					edges: slots.flatMap(([i, j], k) =>
						rolls[k]![0] < density ? [[i, j, rolls[k]![1]] as [number, number, number]] : []
					)
				}));
		});

	it('finds the maximum weight (and maximum-cardinality maximum weight) of random graphs', () => {
		fc.assert(
			fc.property(graphArb, fc.boolean(), ({ n, edges }, maxCardinality) => {
				const got = resultOf(n, edges, maxWeightMatching(n, edges, maxCardinality));
				const best = bestOf(n, edges, maxCardinality);
				if (maxCardinality) expect(got).toEqual(best);
				else expect(got[1]).toBe(best[1]);
			}),
			{ numRuns: 400 }
		);
	});

	it('handles nested blossoms and T-blossom expansion (odd cycles with pendant paths)', () => {
		// Heavy odd cycles with lighter pendants force blossoms to form, turn T and expand mid-stage; the
		// second family (a 5-cycle with four pendants and a tail, weights jittered) also reaches the rare
		// case where a T-blossom is expanded while a non-base sub-blossom is reachable from outside.
		const rand = mulberry32(7);
		const jitter = (base: number, spread: number) => base + Math.floor(rand() * (2 * spread + 1)) - spread;
		let checked = 0;
		for (let t = 0; t < 1600; t++) {
			const edges: [number, number, number][] = [];
			let n: number;
			if (t % 2 === 0) {
				const cycle = rand() < 0.5 ? 5 : 7;
				n = cycle + 4;
				for (let i = 0; i < cycle; i++) edges.push([i, (i + 1) % cycle, (i % 2 ? 50 : 45) + Math.floor(rand() * 5)]);
				if (cycle === 7) edges.push([0, 3, 90 + Math.floor(rand() * 10)]);
				for (let v = cycle; v < n - 1; v++) edges.push([Math.floor(rand() * cycle), v, 24 + Math.floor(rand() * 14)]);
			} else {
				n = 10;
				for (let i = 0; i < 5; i++) edges.push([i, (i + 1) % 5, jitter(i % 2 ? 50 : 45, 1)]);
				for (const [host, base, v] of [
					[0, 30, 5],
					[4, 26, 6],
					[3, 35, 7],
					[2, 35, 8]
				] as const) {
					edges.push([host, v, jitter(base, 5)]);
				}
			}
			edges.push([n - 2, n - 1, 1 + Math.floor(rand() * 9)]);
			const unique = [
				...new Map(
					edges.map(([i, j, x]) => [
						`${Math.min(i, j)}-${Math.max(i, j)}`,
						[Math.min(i, j), Math.max(i, j), x] as [number, number, number]
					])
				).values()
			];
			for (const maxCardinality of [false, true]) {
				const got = resultOf(n, unique, maxWeightMatching(n, unique, maxCardinality));
				const best = bestOf(n, unique, maxCardinality);
				if (maxCardinality) expect(got).toEqual(best);
				else expect(got[1]).toBe(best[1]);
				checked++;
			}
		}
		expect(checked).toBe(3200);
	});

	it('rejects malformed edges', () => {
		expect(() => maxWeightMatching(2, [[0, 0, 1]])).toThrow(RangeError);
		expect(() => maxWeightMatching(2, [[0, 2, 1]])).toThrow(RangeError);
		expect(maxWeightMatching(3, [])).toEqual([-1, -1, -1]);
	});
});
