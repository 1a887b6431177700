import type { ScoreReason } from '../../buddies';

/**
 * Buddy pairs: who may be paired (the hard rules) and how well a pair fits (weighted preferences,
 * in integer cents so totals are exact), with the explanation shown to the cycle owner. Pure and
 * deterministic: no I/O, clock or randomness.
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

/** One line of a pair's explanation: the reason as data (worded by `explanationText` on the page). */
export interface ScoreLine {
	points: number;
	why: ScoreReason;
	/** In a trio: the two people this line is about. */
	between?: [string, string];
}

/** Code-unit order, so results never depend on the locale. */
export function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

const DAY = 1440;

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
export interface Prepared {
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
export function indexHistory(history: PastPairing[]): PastIndex {
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
export function prepareAll(people: Participant[], past: PastIndex): Prepared[] {
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

/** Learner's label is shown, a's wishes first; a topic wanted both ways is listed once (as in the count). */
function topicLabels(a: Prepared, b: Prepared): string[] {
	const topics: Topic[] = [];
	for (const t of a.learn) if (b.offer.includes(t.key)) topics.push(t);
	for (const t of b.learn) if (a.offer.includes(t.key) && !topics.some((u) => u.key === t.key)) topics.push(t);
	return topics.map((t) => t.label);
}

function interestLabels(a: Prepared, b: Prepared): string[] {
	return a.interests.filter((t) => b.interests.some((u) => u.key === t.key)).map((t) => t.label);
}

/**
 * Score of a pair in integer cents; when `lines` is given, also the explanation (only non-zero lines).
 * One code path for both, so the optimiser's numbers and the explanations cannot drift apart; labels
 * are only built for explanations, and no closures are created, since this runs for every pair.
 * Callers pass `a` with the smaller id so topic labels read the same whichever way round the pair comes.
 */
export function scoreCents(a: Prepared, b: Prepared, w: Weights, lines: ScoreLine[] | null): number {
	let total = 0;
	let c: number;

	if (a.facing !== b.facing) {
		c = Math.round(w.crossKind * 100);
		total += c;
		if (lines && c !== 0) lines.push({ points: c / 100, why: { code: 'cross_kind' } });
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
		if (lines && c !== 0) lines.push({ points: c / 100, why: { code: 'topics', topics: topicLabels(a, b) } });
	}
	if (interestCount > 0) {
		c = Math.round(w.sharedInterest * Math.min(interestCount, INTEREST_CAP) * 100);
		total += c;
		if (lines && c !== 0) lines.push({ points: c / 100, why: { code: 'interests', interests: interestLabels(a, b) } });
	}

	const minutes = overlapMinutes(a.segments, b.segments);
	if (minutes > 0) {
		c = Math.round(Math.min(w.maxOverlapPoints, (w.overlapPerHour * minutes) / 60) * 100);
		total += c;
		if (lines && c !== 0) lines.push({ points: c / 100, why: { code: 'overlap', minutes } });
	}

	const past = a.past === null ? undefined : a.past.get(b.p.id);
	if (past) {
		for (const h of past) {
			c = Math.round((-w.repeatPenalty / Math.max(1, h.cyclesAgo)) * 100);
			total += c;
			if (lines && c !== 0) lines.push({ points: c / 100, why: { code: 'paired_before', cycle: h.label } });
		}
	}
	return total;
}

export function withWeights(partial: Partial<Weights> | undefined): Weights {
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
