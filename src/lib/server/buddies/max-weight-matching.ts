/**
 * Maximum-weight matching of a general graph: Edmonds' blossom algorithm, primal-dual, O(n^3).
 * Written from the structure of Joris van Rantwijk's mwmatching (after Galil 1986): vertices 0..n-1,
 * non-trivial blossoms n..2n-1, edge k has endpoints 2k and 2k+1. Duals are kept doubled so integer
 * weights keep every dual variable an integer: no floating-point drift, exact optimum.
 *
 * Generic: it knows nothing about buddies. `pair-selection.ts` runs it on the eligible graph and
 * checks its duals to certify a pruned result.
 */

function at(list: number[], i: number): number {
	return list[i < 0 ? i + list.length : i]!;
}

/** Final state: mate per vertex, and the optimal duals with the blossom tree that certify it. */
export interface BlossomResult {
	mate: Int32Array;
	dual: Float64Array; // 2*u(v) for vertices, z(b) for blossoms
	parent: Int32Array;
	inBlossom: Int32Array;
}

export function blossomMatching(
	nv: number,
	eu: Int32Array,
	ev: Int32Array,
	ew: Float64Array,
	maxCardinality: boolean
): BlossomResult {
	const ne = eu.length;
	const mate = new Int32Array(nv).fill(-1);

	let maxWeight = 0;
	for (let k = 0; k < ne; k++) if (ew[k]! > maxWeight) maxWeight = ew[k]!;

	// endpoint[p]: vertex at endpoint p; neighbours of v (as remote endpoints) in CSR form.
	const endpoint = new Int32Array(2 * ne);
	const nbStart = new Int32Array(nv + 1);
	for (let k = 0; k < ne; k++) {
		endpoint[2 * k] = eu[k]!;
		endpoint[2 * k + 1] = ev[k]!;
		nbStart[eu[k]! + 1] = nbStart[eu[k]! + 1]! + 1;
		nbStart[ev[k]! + 1] = nbStart[ev[k]! + 1]! + 1;
	}
	for (let v = 0; v < nv; v++) nbStart[v + 1] = nbStart[v + 1]! + nbStart[v]!;
	const nbList = new Int32Array(2 * ne);
	const fill = nbStart.slice(0, nv);
	for (let k = 0; k < ne; k++) {
		const u = eu[k]!;
		const v = ev[k]!;
		nbList[fill[u]!] = 2 * k + 1;
		fill[u] = fill[u]! + 1;
		nbList[fill[v]!] = 2 * k;
		fill[v] = fill[v]! + 1;
	}

	// label: 0 free, 1 S, 2 T (5 = S with breadcrumb during scanBlossom); for top-level blossoms,
	// and for vertices inside T-blossoms whether they are reached from outside.
	const label = new Int32Array(2 * nv);
	const labelEnd = new Int32Array(2 * nv).fill(-1); // remote endpoint of the labelling edge
	const inBlossom = new Int32Array(nv); // top-level blossom of each vertex
	for (let v = 0; v < nv; v++) inBlossom[v] = v;
	const parent = new Int32Array(2 * nv).fill(-1);
	const childs: (number[] | null)[] = new Array<number[] | null>(2 * nv).fill(null); // sub-blossoms from the base round the cycle
	const endps: (number[] | null)[] = new Array<number[] | null>(2 * nv).fill(null); // endps[b][i] joins childs i and i+1
	const base = new Int32Array(2 * nv).fill(-1);
	for (let v = 0; v < nv; v++) base[v] = v;
	const bestEdge = new Int32Array(2 * nv).fill(-1); // least-slack edge (delta2 for free vertices, delta3 for S-blossoms)
	const bestEdges: (number[] | null)[] = new Array<number[] | null>(2 * nv).fill(null);
	const unused: number[] = [];
	for (let b = 2 * nv - 1; b >= nv; b--) unused.push(b);
	const dual = new Float64Array(2 * nv); // 2*u(v) for vertices, z(b) for blossoms
	for (let v = 0; v < nv; v++) dual[v] = maxWeight;
	const allow = new Uint8Array(ne); // edge known to have zero slack this stage
	const queue: number[] = [];
	const bestEdgeTo = new Int32Array(2 * nv).fill(-1); // scratch for addBlossom

	const slack = (k: number): number => dual[eu[k]!]! + dual[ev[k]!]! - 2 * ew[k]!;

	const leaves = (b: number, out: number[]): void => {
		if (b < nv) {
			out.push(b);
			return;
		}
		for (const t of childs[b]!) {
			if (t < nv) out.push(t);
			else leaves(t, out);
		}
	};

	const assignLabel = (w: number, t: number, p: number): void => {
		const b = inBlossom[w]!;
		label[w] = label[b] = t;
		labelEnd[w] = labelEnd[b] = p;
		bestEdge[w] = bestEdge[b] = -1;
		if (t === 1) {
			leaves(b, queue);
		} else {
			// A T-blossom's base is matched; its mate becomes S.
			const m = mate[base[b]!]!;
			assignLabel(endpoint[m]!, 1, m ^ 1);
		}
	};

	// Walk back from v and w alternately; a common S-blossom means a new blossom (return its base),
	// two distinct single roots mean an augmenting path (return -1).
	const scanBlossom = (v0: number, w0: number): number => {
		let v = v0;
		let w = w0;
		const path: number[] = [];
		let found = -1;
		while (v !== -1 || w !== -1) {
			let b = inBlossom[v]!;
			if (label[b]! & 4) {
				found = base[b]!;
				break;
			}
			path.push(b);
			label[b] = 5;
			if (labelEnd[b] === -1) {
				v = -1;
			} else {
				v = endpoint[labelEnd[b]!]!;
				b = inBlossom[v]!;
				v = endpoint[labelEnd[b]!]!;
			}
			if (w !== -1) {
				const t = v;
				v = w;
				w = t;
			}
		}
		for (const b of path) label[b] = 1;
		return found;
	};

	const addBlossom = (baseVertex: number, k: number): void => {
		let v = eu[k]!;
		let w = ev[k]!;
		const bb = inBlossom[baseVertex]!;
		let bv = inBlossom[v]!;
		let bw = inBlossom[w]!;
		const b = unused.pop()!;
		base[b] = baseVertex;
		parent[b] = -1;
		parent[bb] = b;
		const path: number[] = [];
		const eps: number[] = [];
		childs[b] = path;
		endps[b] = eps;
		while (bv !== bb) {
			parent[bv] = b;
			path.push(bv);
			eps.push(labelEnd[bv]!);
			v = endpoint[labelEnd[bv]!]!;
			bv = inBlossom[v]!;
		}
		path.push(bb);
		path.reverse();
		eps.reverse();
		eps.push(2 * k);
		while (bw !== bb) {
			parent[bw] = b;
			path.push(bw);
			eps.push(labelEnd[bw]! ^ 1);
			w = endpoint[labelEnd[bw]!]!;
			bw = inBlossom[w]!;
		}
		label[b] = 1;
		labelEnd[b] = labelEnd[bb]!;
		dual[b] = 0;
		const members: number[] = [];
		leaves(b, members);
		for (const x of members) {
			// Former T-vertices become S and must be scanned.
			if (label[inBlossom[x]!] === 2) queue.push(x);
			inBlossom[x] = b;
		}
		// Least-slack edge from the new blossom to each neighbouring S-blossom.
		const touched: number[] = [];
		const consider = (kk: number): void => {
			let j = ev[kk]!;
			if (inBlossom[j] === b) j = eu[kk]!;
			const bj = inBlossom[j]!;
			if (bj === b || label[bj] !== 1) return;
			const current = bestEdgeTo[bj]!;
			if (current === -1) touched.push(bj);
			if (current === -1 || slack(kk) < slack(current)) bestEdgeTo[bj] = kk;
		};
		for (const sub of path) {
			const list = bestEdges[sub];
			if (list) {
				for (const kk of list) consider(kk);
			} else {
				const subLeaves: number[] = [];
				leaves(sub, subLeaves);
				for (const x of subLeaves) {
					for (let q = nbStart[x]!; q < nbStart[x + 1]!; q++) consider(nbList[q]! >> 1);
				}
			}
			bestEdges[sub] = null;
			bestEdge[sub] = -1;
		}
		const mine: number[] = [];
		let best = -1;
		let bestSlack = 0;
		for (const bj of touched) {
			const kk = bestEdgeTo[bj]!;
			bestEdgeTo[bj] = -1;
			mine.push(kk);
			const s = slack(kk);
			if (best === -1 || s < bestSlack) {
				best = kk;
				bestSlack = s;
			}
		}
		bestEdges[b] = mine;
		bestEdge[b] = best;
	};

	const expandBlossom = (b: number, endStage: boolean): void => {
		const ch = childs[b]!;
		const ep = endps[b]!;
		for (const s of ch) {
			parent[s] = -1;
			if (s < nv) {
				inBlossom[s] = s;
			} else if (endStage && dual[s] === 0) {
				expandBlossom(s, endStage);
			} else {
				const ls: number[] = [];
				leaves(s, ls);
				for (const v of ls) inBlossom[v] = s;
			}
		}
		// Mid-stage expansion of a T-blossom: relabel the sub-blossoms on the even path from the entry
		// child to the base as T/S, and mark the others reached from outside as T.
		if (!endStage && label[b] === 2) {
			const entryChild = inBlossom[endpoint[labelEnd[b]! ^ 1]!]!;
			let j = ch.indexOf(entryChild);
			let jStep: number;
			let trick: number;
			if (j & 1) {
				j -= ch.length;
				jStep = 1;
				trick = 0;
			} else {
				jStep = -1;
				trick = 1;
			}
			let p = labelEnd[b]!;
			while (j !== 0) {
				label[endpoint[p ^ 1]!] = 0;
				label[endpoint[at(ep, j - trick) ^ trick ^ 1]!] = 0;
				assignLabel(endpoint[p ^ 1]!, 2, p);
				allow[at(ep, j - trick) >> 1] = 1;
				j += jStep;
				p = at(ep, j - trick) ^ trick;
				allow[p >> 1] = 1;
				j += jStep;
			}
			const bv = at(ch, j);
			label[endpoint[p ^ 1]!] = label[bv] = 2;
			labelEnd[endpoint[p ^ 1]!] = labelEnd[bv] = p;
			bestEdge[bv] = -1;
			j += jStep;
			while (at(ch, j) !== entryChild) {
				const sub = at(ch, j);
				if (label[sub] === 1) {
					j += jStep;
					continue;
				}
				const ls: number[] = [];
				leaves(sub, ls);
				let reached = -1;
				for (const v of ls) {
					if (label[v] !== 0) {
						reached = v;
						break;
					}
				}
				if (reached >= 0) {
					label[reached] = 0;
					label[endpoint[mate[base[sub]!]!]!] = 0;
					assignLabel(reached, 2, labelEnd[reached]!);
				}
				j += jStep;
			}
		}
		label[b] = -1;
		labelEnd[b] = -1;
		childs[b] = null;
		endps[b] = null;
		base[b] = -1;
		bestEdges[b] = null;
		bestEdge[b] = -1;
		unused.push(b);
	};

	// Flip matched/unmatched edges along the even path inside blossom b from v to its base; v becomes the base.
	const augmentBlossom = (b: number, v: number): void => {
		let t = v;
		while (parent[t] !== b) t = parent[t]!;
		if (t >= nv) augmentBlossom(t, v);
		const ch = childs[b]!;
		const ep = endps[b]!;
		const i = ch.indexOf(t);
		let j = i;
		let jStep: number;
		let trick: number;
		if (i & 1) {
			j -= ch.length;
			jStep = 1;
			trick = 0;
		} else {
			jStep = -1;
			trick = 1;
		}
		while (j !== 0) {
			j += jStep;
			t = at(ch, j);
			const p = at(ep, j - trick) ^ trick;
			if (t >= nv) augmentBlossom(t, endpoint[p]!);
			j += jStep;
			t = at(ch, j);
			if (t >= nv) augmentBlossom(t, endpoint[p ^ 1]!);
			mate[endpoint[p]!] = p ^ 1;
			mate[endpoint[p ^ 1]!] = p;
		}
		childs[b] = ch.slice(i).concat(ch.slice(0, i));
		endps[b] = ep.slice(i).concat(ep.slice(0, i));
		base[b] = base[ch[i]!]!;
	};

	const augmentMatching = (k: number): void => {
		for (let side = 0; side < 2; side++) {
			let s = side === 0 ? eu[k]! : ev[k]!;
			let p = side === 0 ? 2 * k + 1 : 2 * k;
			for (;;) {
				const bs = inBlossom[s]!;
				if (bs >= nv) augmentBlossom(bs, s);
				mate[s] = p;
				if (labelEnd[bs] === -1) break;
				const t = endpoint[labelEnd[bs]!]!;
				const bt = inBlossom[t]!;
				s = endpoint[labelEnd[bt]!]!;
				const j = endpoint[labelEnd[bt]! ^ 1]!;
				if (bt >= nv) augmentBlossom(bt, j);
				mate[j] = labelEnd[bt]!;
				p = labelEnd[bt]! ^ 1;
			}
		}
	};

	for (let stage = 0; stage < nv && ne > 0; stage++) {
		label.fill(0);
		bestEdge.fill(-1);
		for (let b = nv; b < 2 * nv; b++) bestEdges[b] = null;
		allow.fill(0);
		queue.length = 0;
		for (let v = 0; v < nv; v++) {
			if (mate[v] === -1 && label[inBlossom[v]!] === 0) assignLabel(v, 1, -1);
		}

		let augmented = false;
		for (;;) {
			while (queue.length > 0 && !augmented) {
				const v = queue.pop()!;
				for (let q = nbStart[v]!; q < nbStart[v + 1]!; q++) {
					const p = nbList[q]!;
					const k = p >> 1;
					const w = endpoint[p]!;
					if (inBlossom[v] === inBlossom[w]) continue;
					let kSlack = 0;
					if (!allow[k]) {
						kSlack = slack(k);
						if (kSlack <= 0) allow[k] = 1;
					}
					const lw = label[inBlossom[w]!]!;
					if (allow[k]) {
						if (lw === 0) {
							assignLabel(w, 2, p ^ 1);
						} else if (lw === 1) {
							const b = scanBlossom(v, w);
							if (b >= 0) {
								addBlossom(b, k);
							} else {
								augmentMatching(k);
								augmented = true;
								break;
							}
						} else if (label[w] === 0) {
							// Inside a T-blossom: remember how w is reached, for a later expansion.
							label[w] = 2;
							labelEnd[w] = p ^ 1;
						}
					} else if (lw === 1) {
						const b = inBlossom[v]!;
						if (bestEdge[b] === -1 || kSlack < slack(bestEdge[b]!)) bestEdge[b] = k;
					} else if (label[w] === 0) {
						if (bestEdge[w] === -1 || kSlack < slack(bestEdge[w]!)) bestEdge[w] = k;
					}
				}
			}
			if (augmented) break;

			// No augmenting path on tight edges: move the duals by the largest safe delta.
			let deltaType = -1;
			let delta = 0;
			let deltaEdge = -1;
			let deltaBlossom = -1;
			if (!maxCardinality) {
				deltaType = 1;
				delta = Infinity;
				for (let v = 0; v < nv; v++) if (dual[v]! < delta) delta = dual[v]!;
			}
			for (let v = 0; v < nv; v++) {
				if (label[inBlossom[v]!] === 0 && bestEdge[v] !== -1) {
					const d = slack(bestEdge[v]!);
					if (deltaType === -1 || d < delta) {
						delta = d;
						deltaType = 2;
						deltaEdge = bestEdge[v]!;
					}
				}
			}
			for (let b = 0; b < 2 * nv; b++) {
				if (parent[b] === -1 && label[b] === 1 && bestEdge[b] !== -1) {
					// Integer weights make S-S slacks even, so halving stays exact.
					const d = slack(bestEdge[b]!) / 2;
					if (deltaType === -1 || d < delta) {
						delta = d;
						deltaType = 3;
						deltaEdge = bestEdge[b]!;
					}
				}
			}
			for (let b = nv; b < 2 * nv; b++) {
				if (base[b]! >= 0 && parent[b] === -1 && label[b] === 2 && (deltaType === -1 || dual[b]! < delta)) {
					delta = dual[b]!;
					deltaType = 4;
					deltaBlossom = b;
				}
			}
			if (deltaType === -1) {
				// Max-cardinality optimum reached; a last update keeps the duals consistent.
				deltaType = 1;
				let least = Infinity;
				for (let v = 0; v < nv; v++) if (dual[v]! < least) least = dual[v]!;
				delta = Math.max(0, least);
			}
			for (let v = 0; v < nv; v++) {
				const l = label[inBlossom[v]!];
				if (l === 1) dual[v] = dual[v]! - delta;
				else if (l === 2) dual[v] = dual[v]! + delta;
			}
			for (let b = nv; b < 2 * nv; b++) {
				if (base[b]! >= 0 && parent[b] === -1) {
					if (label[b] === 1) dual[b] = dual[b]! + delta;
					else if (label[b] === 2) dual[b] = dual[b]! - delta;
				}
			}

			if (deltaType === 1) break;
			if (deltaType === 2) {
				allow[deltaEdge] = 1;
				let i = eu[deltaEdge]!;
				if (label[inBlossom[i]!] === 0) i = ev[deltaEdge]!;
				queue.push(i);
			} else if (deltaType === 3) {
				allow[deltaEdge] = 1;
				queue.push(eu[deltaEdge]!);
			} else {
				expandBlossom(deltaBlossom, false);
			}
		}
		if (!augmented) break;

		// End of stage: S-blossoms whose dual dropped to zero are no longer needed.
		for (let b = nv; b < 2 * nv; b++) {
			if (parent[b] === -1 && base[b]! >= 0 && label[b] === 1 && dual[b] === 0) expandBlossom(b, true);
		}
	}

	for (let v = 0; v < nv; v++) if (mate[v]! >= 0) mate[v] = endpoint[mate[v]!]!;
	return { mate, dual, parent, inBlossom };
}

/**
 * Maximum-weight matching of a general graph; with `maxCardinality`, the heaviest among the largest
 * matchings. Edges are [i, j, weight] with 0 <= i, j < vertexCount. Returns mate per vertex (-1 single).
 * Use integer weights for exact results (fractions work but may suffer floating-point rounding).
 */
export function maxWeightMatching(
	vertexCount: number,
	edges: ReadonlyArray<readonly [number, number, number]>,
	maxCardinality = false
): number[] {
	const eu = new Int32Array(edges.length);
	const ev = new Int32Array(edges.length);
	const ew = new Float64Array(edges.length);
	edges.forEach(([i, j, w], k) => {
		if (
			!Number.isInteger(i) ||
			!Number.isInteger(j) ||
			i < 0 ||
			j < 0 ||
			i >= vertexCount ||
			j >= vertexCount ||
			i === j
		) {
			throw new RangeError(`invalid edge ${i}-${j}`);
		}
		eu[k] = i;
		ev[k] = j;
		ew[k] = w;
	});
	return Array.from(blossomMatching(vertexCount, eu, ev, ew, maxCardinality).mate);
}
