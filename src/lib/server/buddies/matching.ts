/**
 * Buddy-programme matching engine: pure, deterministic, no I/O, clock or randomness.
 *
 * Pipeline: hard rules decide which pairs are eligible; weighted preferences score each eligible pair
 * (in integer cents, so totals are exact); a maximum-weight matching among the maximum-cardinality
 * matchings (Edmonds' blossom algorithm, general graph, implemented below) picks the pairs; leftovers
 * join a trio where the hard rules allow it; locked and excluded participants bypass the optimiser.
 * Large pools are solved on each person's best edges and the result is certified optimal on the full
 * eligible graph by the blossom duals (see optimalPairs). Ties resolve by id, so any input order gives
 * the same proposal.
 */

export type TeamKind = 'back_office' | 'customer_facing';

export interface Participant {
	id: string;
	name: string; // for explanations only
	departmentId: string; // the department (org unit) they belong to
	managerId: string | null; // their line manager's person id
	teamKind: TeamKind;
	learn: string[]; // topic labels they want to learn, e.g. 'Excel', 'Escalations'
	offer: string[]; // topic labels they can offer
	interests: string[]; // free interests/topics, labels
	/** Working hours in UTC minutes from midnight, e.g. 08:00-16:30 London winter = [480, 990]; may wrap past midnight (start > end). */
	hoursUtc: [number, number];
}

export interface PastPairing {
	a: string;
	b: string;
	cyclesAgo: number;
	label: string;
} // label e.g. '2025 Q4'; cyclesAgo 1 = the previous cycle

export interface Weights {
	crossKind: number;
	complementaryTopic: number;
	sharedInterest: number;
	overlapPerHour: number;
	maxOverlapPoints: number;
	repeatPenalty: number;
}

/**
 * Defaults. Mixing customer-facing and back-office people is the programme's main goal, so it outweighs
 * a single topic; topics beat interests because they carry the learning. The repeat penalty fades
 * harmonically: penalty = repeatPenalty / cyclesAgo (6, 3, 2, 1.5 …), so last cycle's buddy is strongly
 * discouraged while an old pairing only tips close calls.
 */
export const defaultWeights: Weights = {
	crossKind: 4,
	complementaryTopic: 3,
	sharedInterest: 1,
	overlapPerHour: 0.5,
	maxOverlapPoints: 4,
	repeatPenalty: 6
};

/** At most this many complementary topics / shared interests earn points (all are still listed). */
export const TOPIC_CAP = 3;
export const INTEREST_CAP = 3;

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

export interface ScoreLine {
	points: number;
	reason: string;
}
export interface ProposedGroup {
	members: string[];
	score: number;
	breakdown: ScoreLine[];
} // 2 members, or 3 for the trio
export interface Proposal {
	groups: ProposedGroup[];
	unmatched: { id: string; reason: string }[];
	totalScore: number;
}
export interface MatchOptions {
	weights?: Partial<Weights>;
	locked?: [string, string][]; // pairs the cycle owner fixed: keep them as they are
	excluded?: string[]; // participants left out of this run
}

export const REASON_EXCLUDED = 'excluded by the cycle owner';
export const REASON_NO_ELIGIBLE =
	'no eligible partner: everyone else in this run shares their department or a manager line';
export const REASON_NO_PARTNER_LEFT =
	'no partner left: every eligible partner is already matched and no trio keeps the hard rules';

/** Code-unit order, so results never depend on the locale. */
function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

const DAY = 1440;

// ---------------------------------------------------------------------------------------------
// Hard rules and scoring
// ---------------------------------------------------------------------------------------------

export function eligible(a: Participant, b: Participant): boolean {
	return a.id !== b.id && a.departmentId !== b.departmentId && a.managerId !== b.id && b.managerId !== a.id;
}

interface Topic {
	key: number;
	label: string;
}

/**
 * A participant ready for scoring: topics interned to integers (for labels) and to bitmasks (so the
 * hot loop over every pair counts overlaps with AND + popcount), hours split into non-wrapping segments.
 */
interface Prepared {
	p: Participant;
	facing: boolean;
	learn: Topic[];
	offer: number[];
	interests: Topic[];
	learnMask: Uint32Array;
	offerMask: Uint32Array;
	interestMask: Uint32Array;
	segments: number[]; // [start, end, start, end…] within one day
	past: Map<string, PastPairing[]> | null; // by partner id, sorted
}

type Vocabulary = Map<string, number>;

function intern(vocab: Vocabulary, labels: string[]): Topic[] {
	const out: Topic[] = [];
	for (const label of labels) {
		const norm = label.trim().toLowerCase();
		if (norm === '') continue;
		let key = vocab.get(norm);
		if (key === undefined) {
			key = vocab.size;
			vocab.set(norm, key);
		}
		if (!out.some((t) => t.key === key)) out.push({ key, label: label.trim() });
	}
	return out;
}

/** Start === end means no hours given; [0, 1440] (same point mod a day, different numbers) is a full day. */
function segmentsOf([start, end]: [number, number]): number[] {
	if (!Number.isFinite(start) || !Number.isFinite(end) || start === end) return [];
	const s = ((start % DAY) + DAY) % DAY;
	const e = ((end % DAY) + DAY) % DAY;
	if (s === e) return [0, DAY];
	return s < e ? [s, e] : [s, DAY, 0, e];
}

function overlapMinutes(x: number[], y: number[]): number {
	let total = 0;
	for (let i = 0; i < x.length; i += 2) {
		for (let j = 0; j < y.length; j += 2) {
			const d = Math.min(x[i + 1]!, y[j + 1]!) - Math.max(x[i]!, y[j]!);
			if (d > 0) total += d;
		}
	}
	return total;
}

type PastIndex = Map<string, Map<string, PastPairing[]>>;

/** History indexed both ways and sorted, so its input order never changes a score or its text. */
function indexHistory(history: PastPairing[]): PastIndex {
	const index: PastIndex = new Map();
	const add = (x: string, y: string, h: PastPairing) => {
		let byPartner = index.get(x);
		if (!byPartner) index.set(x, (byPartner = new Map()));
		const list = byPartner.get(y);
		if (list) list.push(h);
		else byPartner.set(y, [h]);
	};
	for (const h of history) {
		if (h.a === h.b) continue;
		add(h.a, h.b, h);
		add(h.b, h.a, h);
	}
	for (const byPartner of index.values()) {
		for (const list of byPartner.values()) list.sort((m, n) => m.cyclesAgo - n.cyclesAgo || cmp(m.label, n.label));
	}
	return index;
}

/** Prepare a whole population against one vocabulary (masks need its final size). */
function prepareAll(people: Participant[], past: PastIndex): Prepared[] {
	const vocab: Vocabulary = new Map();
	const topics = people.map((p) => ({
		learn: intern(vocab, p.learn),
		offer: intern(vocab, p.offer),
		interests: intern(vocab, p.interests)
	}));
	const words = Math.max(1, Math.ceil(vocab.size / 32));
	const mask = (list: Topic[]): Uint32Array => {
		const m = new Uint32Array(words);
		for (const t of list) m[t.key >>> 5] = m[t.key >>> 5]! | (1 << (t.key & 31));
		return m;
	};
	return people.map((p, i) => {
		const t = topics[i]!;
		return {
			p,
			facing: p.teamKind === 'customer_facing',
			learn: t.learn,
			offer: t.offer.map((o) => o.key),
			interests: t.interests,
			learnMask: mask(t.learn),
			offerMask: mask(t.offer),
			interestMask: mask(t.interests),
			segments: segmentsOf(p.hoursUtc),
			past: past.get(p.id) ?? null
		};
	});
}

function popcount(x: number): number {
	let v = x - ((x >>> 1) & 0x55555555);
	v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
	return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function formatHours(minutes: number): string {
	return `${Number((minutes / 60).toFixed(2))} h`;
}

/** Learner's label is shown, a's wishes first; a topic wanted both ways is listed once (as in the count). */
function topicLabels(a: Prepared, b: Prepared): string {
	const topics: Topic[] = [];
	for (const t of a.learn) if (b.offer.includes(t.key)) topics.push(t);
	for (const t of b.learn) if (a.offer.includes(t.key) && !topics.some((u) => u.key === t.key)) topics.push(t);
	return topics.map((t) => t.label).join(', ');
}

function interestLabels(a: Prepared, b: Prepared): string {
	return a.interests
		.filter((t) => b.interests.some((u) => u.key === t.key))
		.map((t) => t.label)
		.join(', ');
}

/**
 * Score of a pair in integer cents; when `lines` is given, also the explanation (only non-zero lines).
 * One code path for both, so the optimiser's numbers and the explanations cannot drift apart; labels
 * are only built for explanations, and no closures are created, since this runs for every pair.
 * Callers pass `a` with the smaller id so topic labels read the same whichever way round the pair comes.
 */
function scoreCents(a: Prepared, b: Prepared, w: Weights, lines: ScoreLine[] | null): number {
	let total = 0;
	let c: number;

	if (a.facing !== b.facing) {
		c = Math.round(w.crossKind * 100);
		total += c;
		if (lines && c !== 0) lines.push({ points: c / 100, reason: 'customer-facing with back-office' });
	}

	let topicCount = 0;
	let interestCount = 0;
	for (let i = 0; i < a.learnMask.length; i++) {
		topicCount += popcount((a.learnMask[i]! & b.offerMask[i]!) | (b.learnMask[i]! & a.offerMask[i]!));
		interestCount += popcount(a.interestMask[i]! & b.interestMask[i]!);
	}
	if (topicCount > 0) {
		c = Math.round(w.complementaryTopic * Math.min(topicCount, TOPIC_CAP) * 100);
		total += c;
		if (lines && c !== 0) lines.push({ points: c / 100, reason: `complementary topics: ${topicLabels(a, b)}` });
	}
	if (interestCount > 0) {
		c = Math.round(w.sharedInterest * Math.min(interestCount, INTEREST_CAP) * 100);
		total += c;
		if (lines && c !== 0) lines.push({ points: c / 100, reason: `shared interests: ${interestLabels(a, b)}` });
	}

	const minutes = overlapMinutes(a.segments, b.segments);
	if (minutes > 0) {
		c = Math.round(Math.min(w.maxOverlapPoints, (w.overlapPerHour * minutes) / 60) * 100);
		total += c;
		if (lines && c !== 0) lines.push({ points: c / 100, reason: `overlapping working hours: ${formatHours(minutes)}` });
	}

	const past = a.past === null ? undefined : a.past.get(b.p.id);
	if (past) {
		for (const h of past) {
			c = Math.round((-w.repeatPenalty / Math.max(1, h.cyclesAgo)) * 100);
			total += c;
			if (lines && c !== 0) lines.push({ points: c / 100, reason: `paired in ${h.label}` });
		}
	}
	return total;
}

function withWeights(partial: Partial<Weights> | undefined): Weights {
	const w: Weights = { ...defaultWeights };
	if (partial) {
		for (const key of Object.keys(defaultWeights) as (keyof Weights)[]) {
			const value = partial[key];
			if (typeof value === 'number' && Number.isFinite(value)) w[key] = value;
		}
	}
	return w;
}

export function scorePair(
	a: Participant,
	b: Participant,
	history: PastPairing[],
	weights: Weights = defaultWeights
): { score: number; breakdown: ScoreLine[] } {
	const [first, second] = cmp(a.id, b.id) <= 0 ? [a, b] : [b, a];
	const past = indexHistory(history.filter((h) => (h.a === a.id && h.b === b.id) || (h.a === b.id && h.b === a.id)));
	const [x, y] = prepareAll([first, second], past) as [Prepared, Prepared];
	const breakdown: ScoreLine[] = [];
	const cents = scoreCents(x, y, weights, breakdown);
	return { score: cents / 100, breakdown };
}

// ---------------------------------------------------------------------------------------------
// Maximum-weight matching: Edmonds' blossom algorithm, primal-dual, O(n^3).
// Written from the structure of Joris van Rantwijk's mwmatching (after Galil 1986): vertices 0..n-1,
// non-trivial blossoms n..2n-1, edge k has endpoints 2k and 2k+1. Duals are kept doubled so integer
// weights keep every dual variable an integer: no floating-point drift, exact optimum.
// ---------------------------------------------------------------------------------------------

function at(list: number[], i: number): number {
	return list[i < 0 ? i + list.length : i]!;
}

/** Final state: mate per vertex, and the optimal duals with the blossom tree that certify it. */
interface BlossomResult {
	mate: Int32Array;
	dual: Float64Array; // 2*u(v) for vertices, z(b) for blossoms
	parent: Int32Array;
	inBlossom: Int32Array;
}

function blossomMatching(
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

// ---------------------------------------------------------------------------------------------
// Pair stage: the eligible graph, then the optimiser (or the greedy baseline)
// ---------------------------------------------------------------------------------------------

/** Eligible edges (i < j, lexicographic) with integer-cent scores, plus CSR adjacency. */
interface Graph {
	n: number;
	eu: Int32Array;
	ev: Int32Array;
	ew: Int32Array;
	adjStart: Int32Array; // neighbours of v: adj[adjStart[v] .. adjStart[v+1]) ascending; adjEdge the edge index
	adj: Int32Array;
	adjEdge: Int32Array;
}

function buildGraph(pool: Prepared[], w: Weights): Graph {
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

function pairsFrom(g: Graph, strategy: PairStrategy): [number, number, number][] {
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

// ---------------------------------------------------------------------------------------------
// Proposal assembly: locked, excluded, trios, explanations
// ---------------------------------------------------------------------------------------------

function breakdownOf(a: Prepared, b: Prepared, w: Weights, prefix: boolean): { cents: number; lines: ScoreLine[] } {
	const [x, y] = cmp(a.p.id, b.p.id) <= 0 ? [a, b] : [b, a];
	const lines: ScoreLine[] = [];
	const cents = scoreCents(x, y, w, lines);
	if (prefix) for (const l of lines) l.reason = `${x.p.name} & ${y.p.name}: ${l.reason}`;
	return { cents, lines };
}

function build(
	participants: Participant[],
	history: PastPairing[],
	options: MatchOptions,
	strategy: PairStrategy
): Proposal {
	const w = withWeights(options.weights);
	const byId = new Map<string, Participant>();
	for (const p of participants) {
		if (byId.has(p.id)) throw new RangeError(`duplicate participant id ${p.id}`);
		byId.set(p.id, p);
	}
	const sorted = [...participants].sort((a, b) => cmp(a.id, b.id));
	const excluded = new Set((options.excluded ?? []).filter((id) => byId.has(id)));

	// Locks are the owner's call, so they are kept even against the hard rules (flagged in the breakdown).
	// A lock touching an excluded person is dropped: exclusion wins, the partner returns to the pool.
	const lockedWith = new Map<string, string>();
	for (const [a, b] of options.locked ?? []) {
		if (!byId.has(a) || !byId.has(b)) throw new RangeError(`locked pair ${a}-${b} names an unknown participant`);
		if (a === b) throw new RangeError(`locked pair ${a}-${b} pairs a person with themselves`);
		if (excluded.has(a) || excluded.has(b)) continue;
		for (const id of [a, b]) {
			const other = lockedWith.get(id);
			if (other !== undefined && other !== (id === a ? b : a))
				throw new RangeError(`${id} is in more than one locked pair`);
		}
		lockedWith.set(a, b);
		lockedWith.set(b, a);
	}

	const prepared = new Map<string, Prepared>();
	for (const x of prepareAll(sorted, indexHistory(history))) prepared.set(x.p.id, x);

	const groups: ProposedGroup[] = [];
	for (const p of sorted) {
		const partner = lockedWith.get(p.id);
		if (partner === undefined || cmp(p.id, partner) > 0) continue;
		const q = byId.get(partner)!;
		const { cents, lines } = breakdownOf(prepared.get(p.id)!, prepared.get(partner)!, w, false);
		lines.push({
			points: 0,
			reason: eligible(p, q) ? 'locked by the cycle owner' : 'locked by the cycle owner despite the hard rules'
		});
		groups.push({ members: [p.id, partner], score: cents / 100, breakdown: lines });
	}

	const pool = sorted.filter((p) => !excluded.has(p.id) && !lockedWith.has(p.id)).map((p) => prepared.get(p.id)!);
	const g = buildGraph(pool, w);
	const pairs = pairsFrom(g, strategy);

	// Leftovers (the odd one out, or anyone the maximum matching could not place) join the optimiser's pair
	// where they add the most, all three pairs eligible, at most one extra per pair. Locked pairs stay as
	// given, so they never take a third. Best gain first; ties by leftover, then pair, i.e. by id.
	const paired = new Uint8Array(pool.length);
	for (const [i, j] of pairs) paired[i] = paired[j] = 1;
	const leftovers: number[] = [];
	for (let v = 0; v < pool.length; v++) if (!paired[v]) leftovers.push(v);
	const trioOptions: { gain: number; l: number; pair: number }[] = [];
	for (const l of leftovers) {
		if (g.adjStart[l] === g.adjStart[l + 1]) continue;
		const lp = pool[l]!;
		pairs.forEach(([i, j], pair) => {
			const a = pool[i]!;
			const b = pool[j]!;
			if (!eligible(lp.p, a.p) || !eligible(lp.p, b.p)) return;
			trioOptions.push({
				gain: scoreCents(...ordered(lp, a), w, null) + scoreCents(...ordered(lp, b), w, null),
				l,
				pair
			});
		});
	}
	trioOptions.sort((x, y) => y.gain - x.gain || x.l - y.l || x.pair - y.pair);
	const trioOf = new Map<number, number>(); // pair index -> leftover
	const placed = new Set<number>();
	for (const o of trioOptions) {
		if (placed.has(o.l) || trioOf.has(o.pair)) continue;
		trioOf.set(o.pair, o.l);
		placed.add(o.l);
	}

	pairs.forEach(([i, j, cents], pair) => {
		const a = pool[i]!;
		const b = pool[j]!;
		const l = trioOf.get(pair);
		if (l === undefined) {
			groups.push({ members: [a.p.id, b.p.id], score: cents / 100, breakdown: breakdownOf(a, b, w, false).lines });
			return;
		}
		const c = pool[l]!;
		const members = [a, b, c].sort((x, y) => cmp(x.p.id, y.p.id));
		const [m0, m1, m2] = members as [Prepared, Prepared, Prepared];
		let total = 0;
		const breakdown: ScoreLine[] = [];
		for (const [x, y] of [
			[m0, m1],
			[m0, m2],
			[m1, m2]
		] as const) {
			const part = breakdownOf(x, y, w, true);
			total += part.cents;
			breakdown.push(...part.lines);
		}
		groups.push({ members: members.map((m) => m.p.id), score: total / 100, breakdown });
	});

	const unmatched: { id: string; reason: string }[] = [];
	for (const id of excluded) unmatched.push({ id, reason: REASON_EXCLUDED });
	for (const l of leftovers) {
		if (placed.has(l)) continue;
		const none = g.adjStart[l] === g.adjStart[l + 1];
		unmatched.push({ id: pool[l]!.p.id, reason: none ? REASON_NO_ELIGIBLE : REASON_NO_PARTNER_LEFT });
	}
	unmatched.sort((a, b) => cmp(a.id, b.id));
	groups.sort((a, b) => cmp(a.members[0]!, b.members[0]!));
	const totalCents = groups.reduce((sum, gr) => sum + Math.round(gr.score * 100), 0);
	return { groups, unmatched, totalScore: totalCents / 100 };
}

function ordered(a: Prepared, b: Prepared): [Prepared, Prepared] {
	return cmp(a.p.id, b.p.id) <= 0 ? [a, b] : [b, a];
}

export function proposeMatching(
	participants: Participant[],
	history: PastPairing[],
	options: MatchOptions = {}
): Proposal {
	return build(participants, history, options, 'optimal');
}

export function greedyMatching(
	participants: Participant[],
	history: PastPairing[],
	weights: Weights = defaultWeights
): Proposal {
	return build(participants, history, { weights }, 'greedy');
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
