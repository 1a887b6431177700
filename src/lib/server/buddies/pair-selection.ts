/**
 * The pair stage of buddy matching: the eligible graph with every pair's score, then the optimal
 * pairs (maximum cardinality first, then maximum total score) or the greedy baseline. Large pools
 * are solved on each person's best edges and the result certified on the full graph, so pruning
 * never changes the outcome. Ties resolve by id.
 */
import { blossomMatching, type BlossomResult } from './max-weight-matching';
import {
	cmp,
	defaultWeights,
	eligible,
	indexHistory,
	prepareAll,
	scoreCents,
	type Participant,
	type PastPairing,
	type Prepared,
	type Weights
} from './scoring';

/**
 * Above this pool size the solver starts from each person's TOP_K best edges, then certifies (see
 * optimalPairs). The solver's time grows with the edges it starts from; below about 16 the
 * certification starts adding hundreds of thousands of edges back. On seven 2,000-person
 * populations (tests/bench/matching.ts), 20 took a median 1.6 s against 2.0 s for 40, with the
 * same optimum, which certification guarantees whatever the value.
 */
export const PRUNE_ABOVE = 200;
export const TOP_K = 20;
/** Certification rounds on the pruned graph before falling back to every eligible edge. */
const MAX_ROUNDS = 6;

/** Eligible edges (i < j, lexicographic) with integer-cent scores, plus CSR adjacency. */
export interface Graph {
	n: number;
	eu: Int32Array;
	ev: Int32Array;
	ew: Int32Array;
	adjStart: Int32Array; // neighbours of v: adj[adjStart[v] .. adjStart[v+1]) ascending; adjEdge the edge index
	adj: Int32Array;
	adjEdge: Int32Array;
}

export function buildGraph(pool: Prepared[], w: Weights): Graph {
	const n = pool.length;
	// Typed buffers grown by doubling: a dense pool has ~n²/2 eligible pairs, too many for number[] pushes.
	let cap = Math.max(16, Math.min((n * (n - 1)) / 2, 1 << 16));
	let eu = new Int32Array(cap);
	let ev = new Int32Array(cap);
	let ew = new Int32Array(cap);
	let m = 0;
	for (let i = 0; i < n; i++) {
		const a = pool[i]!;
		for (let j = i + 1; j < n; j++) {
			const b = pool[j]!;
			if (!eligible(a.p, b.p)) continue;
			if (m === cap) {
				cap *= 2;
				const grow = (old: Int32Array) => {
					const next = new Int32Array(cap);
					next.set(old);
					return next;
				};
				eu = grow(eu);
				ev = grow(ev);
				ew = grow(ew);
			}
			eu[m] = i;
			ev[m] = j;
			ew[m] = scoreCents(a, b, w, null);
			m++;
		}
	}
	eu = eu.slice(0, m);
	ev = ev.slice(0, m);
	ew = ew.slice(0, m);
	const adjStart = new Int32Array(n + 1);
	for (let k = 0; k < m; k++) {
		adjStart[eu[k]! + 1] = adjStart[eu[k]! + 1]! + 1;
		adjStart[ev[k]! + 1] = adjStart[ev[k]! + 1]! + 1;
	}
	for (let v = 0; v < n; v++) adjStart[v + 1] = adjStart[v + 1]! + adjStart[v]!;
	const adj = new Int32Array(2 * m);
	const adjEdge = new Int32Array(2 * m);
	const fill = adjStart.slice(0, n);
	// Edges are sorted by (i, j), so each adjacency list comes out in ascending neighbour order.
	for (let k = 0; k < m; k++) {
		const u = eu[k]!;
		const v = ev[k]!;
		adj[fill[u]!] = v;
		adjEdge[fill[u]!] = k;
		fill[u] = fill[u]! + 1;
		adj[fill[v]!] = u;
		adjEdge[fill[v]!] = k;
		fill[v] = fill[v]! + 1;
	}
	return { n, eu, ev, ew, adjStart, adj, adjEdge };
}

/** The k-th largest of values[0..len) (k >= 1), by quickselect; reorders values. */
function kthLargest(values: Int32Array, len: number, k: number): number {
	const target = len - k;
	let lo = 0;
	let hi = len - 1;
	while (lo < hi) {
		const pivot = values[(lo + hi) >> 1]!;
		let i = lo;
		let j = hi;
		while (i <= j) {
			while (values[i]! < pivot) i++;
			while (values[j]! > pivot) j--;
			if (i <= j) {
				const t = values[i]!;
				values[i] = values[j]!;
				values[j] = t;
				i++;
				j--;
			}
		}
		if (target <= j) hi = j;
		else if (target >= i) lo = i;
		else break;
	}
	return values[target]!;
}

/**
 * Mark each vertex's k best edges: all above the k-th best score, then ties at that score by
 * ascending neighbour, so the choice is deterministic.
 */
function topKEdges(g: Graph, k: number): Uint8Array {
	const selected = new Uint8Array(g.eu.length);
	const scratch = new Int32Array(g.n);
	for (let v = 0; v < g.n; v++) {
		const from = g.adjStart[v]!;
		const to = g.adjStart[v + 1]!;
		if (to - from <= k) {
			for (let q = from; q < to; q++) selected[g.adjEdge[q]!] = 1;
			continue;
		}
		for (let q = from; q < to; q++) scratch[q - from] = g.ew[g.adjEdge[q]!]!;
		const threshold = kthLargest(scratch, to - from, k);
		let taken = 0;
		for (let q = from; q < to; q++) {
			if (g.ew[g.adjEdge[q]!]! > threshold) {
				selected[g.adjEdge[q]!] = 1;
				taken++;
			}
		}
		for (let q = from; q < to && taken < k; q++) {
			if (g.ew[g.adjEdge[q]!]! === threshold) {
				selected[g.adjEdge[q]!] = 1;
				taken++;
			}
		}
	}
	return selected;
}

/** Edge indices ordered by score descending, ties by edge index (so by the smaller, then larger id). */
function rankEdges(edgeIds: ArrayLike<number>, ew: Int32Array, totalEdges: number): Float64Array {
	let maxW = -Infinity;
	for (let i = 0; i < edgeIds.length; i++) maxW = Math.max(maxW, ew[edgeIds[i]!]!);
	const keys = new Float64Array(edgeIds.length);
	for (let i = 0; i < edgeIds.length; i++) {
		const k = edgeIds[i]!;
		keys[i] = (maxW - ew[k]!) * totalEdges + k;
	}
	keys.sort();
	for (let i = 0; i < keys.length; i++) keys[i] = keys[i]! % totalEdges;
	return keys;
}

/**
 * Optimal pairs: maximum cardinality first, then maximum total score.
 *
 * Weights: scores are integer cents; each is shifted to >= 1 and lifted by BIG = floor(n/2) * (largest
 * shifted score), so one more pair always outweighs any score difference. A plain maximum-weight
 * matching then maximises (pairs, score) lexicographically, and its optimal duals are an ordinary
 * certificate (all edge slacks >= 0) that can be checked against edges the solver never saw.
 *
 * Pruning: pools above PRUNE_ABOVE start from each person's TOP_K best edges (union over both ends),
 * which makes 1,000 people fast. The result is then certified on the FULL eligible graph: every left-out
 * edge must have non-negative slack under the final duals (blossom duals included). Violating edges are
 * added and the solver reruns; after MAX_ROUNDS it falls back to the full graph. So the outcome is the
 * exact optimum, cardinality included, never a pruning approximation.
 */
function optimalPairs(g: Graph, prune: boolean): Int32Array {
	const m = g.eu.length;
	if (m === 0) return new Int32Array(g.n).fill(-1);
	let minW = Infinity;
	let maxW = -Infinity;
	for (let k = 0; k < m; k++) {
		minW = Math.min(minW, g.ew[k]!);
		maxW = Math.max(maxW, g.ew[k]!);
	}
	const big = Math.floor(g.n / 2) * (maxW - minW + 1);
	const weightOf = (k: number): number => g.ew[k]! - minW + 1 + big;

	const selected = prune && g.n > PRUNE_ABOVE ? topKEdges(g, TOP_K) : new Uint8Array(m).fill(1);
	for (let round = 0; ; round++) {
		const ids: number[] = [];
		for (let k = 0; k < m; k++) if (selected[k]) ids.push(k);
		const eu = new Int32Array(ids.length);
		const ev = new Int32Array(ids.length);
		const ew = new Float64Array(ids.length);
		ids.forEach((k, i) => {
			eu[i] = g.eu[k]!;
			ev[i] = g.ev[k]!;
			ew[i] = weightOf(k);
		});
		const result = blossomMatching(g.n, eu, ev, ew, false);
		if (ids.length === m) return result.mate;
		const violated = violatedEdges(g, selected, result, weightOf);
		if (violated.length === 0) return result.mate;
		if (round + 1 >= MAX_ROUNDS) selected.fill(1);
		else for (const k of violated) selected[k] = 1;
	}
}

/** Unselected edges whose doubled slack 2u(i) + 2u(j) - 2w + 2·Σz(common blossoms) is negative. */
function violatedEdges(g: Graph, selected: Uint8Array, r: BlossomResult, weightOf: (k: number) => number): number[] {
	const out: number[] = [];
	const mark = new Int32Array(r.parent.length).fill(-1);
	for (let k = 0; k < g.eu.length; k++) {
		if (selected[k]) continue;
		const i = g.eu[k]!;
		const j = g.ev[k]!;
		let slack = r.dual[i]! + r.dual[j]! - 2 * weightOf(k);
		if (r.inBlossom[i] === r.inBlossom[j]) {
			for (let b = r.parent[i]!; b !== -1; b = r.parent[b]!) mark[b] = k;
			for (let b = r.parent[j]!; b !== -1; b = r.parent[b]!) if (mark[b] === k) slack += 2 * r.dual[b]!;
		}
		if (slack < 0) out.push(k);
	}
	return out;
}

/** Baseline: take eligible pairs by score, best first, while both people are free. */
function greedyPairs(g: Graph): Int32Array {
	const mate = new Int32Array(g.n).fill(-1);
	const all = new Int32Array(g.eu.length);
	for (let k = 0; k < all.length; k++) all[k] = k;
	for (const k of rankEdges(all, g.ew, Math.max(1, g.eu.length))) {
		const u = g.eu[k]!;
		const v = g.ev[k]!;
		if (mate[u] === -1 && mate[v] === -1) {
			mate[u] = v;
			mate[v] = u;
		}
	}
	return mate;
}

/** 'unpruned' skips TOP_K pruning (tests use it to check the certified pruned result). */
export type PairStrategy = 'optimal' | 'unpruned' | 'greedy';

export function pairsFrom(g: Graph, strategy: PairStrategy): [number, number, number][] {
	const mate = strategy === 'greedy' ? greedyPairs(g) : optimalPairs(g, strategy === 'optimal');
	const pairs: [number, number, number][] = [];
	for (let v = 0; v < g.n; v++) {
		const m = mate[v]!;
		if (m <= v) continue;
		let q = g.adjStart[v]!;
		while (g.adj[q] !== m) q++;
		pairs.push([v, m, g.ew[g.adjEdge[q]!]!]);
	}
	return pairs;
}

/**
 * The pair stage alone (before trios), for tests and diagnostics: the chosen pairs and their total.
 * The optimiser maximises (number of pairs, total score) lexicographically; greedy is the baseline.
 */
export function matchPairs(
	participants: Participant[],
	history: PastPairing[],
	weights: Weights = defaultWeights,
	strategy: PairStrategy = 'optimal'
): { pairs: [string, string][]; totalScore: number } {
	const sorted = [...participants].sort((a, b) => cmp(a.id, b.id));
	const pool = prepareAll(sorted, indexHistory(history));
	const pairs = pairsFrom(buildGraph(pool, weights), strategy);
	return {
		pairs: pairs.map(([i, j]) => [pool[i]!.p.id, pool[j]!.p.id]),
		totalScore: pairs.reduce((s, [, , c]) => s + c, 0) / 100
	};
}
