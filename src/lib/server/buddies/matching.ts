/**
 * Buddy-programme matching engine: pure, deterministic, no I/O, clock or randomness.
 *
 * Pipeline: hard rules decide which pairs are eligible; weighted preferences score each eligible pair
 * (in integer cents, so totals are exact; `scoring.ts`); a maximum-weight matching among the
 * maximum-cardinality matchings (Edmonds' blossom algorithm, general graph, `max-weight-matching.ts`)
 * picks the pairs (`pair-selection.ts`); here leftovers join a trio where the hard rules allow it, and
 * locked and excluded participants bypass the optimiser. Large pools are solved on each person's best
 * edges and the result is certified optimal on the full eligible graph by the blossom duals (see
 * optimalPairs). Ties resolve by id, so any input order gives the same proposal.
 */
import { buildGraph, pairsFrom, type PairStrategy } from './pair-selection';
import {
	cmp,
	defaultWeights,
	eligible,
	indexHistory,
	prepareAll,
	scoreCents,
	withWeights,
	type Participant,
	type PastPairing,
	type Prepared,
	type ScoreLine,
	type Weights
} from './scoring';

export interface ProposedGroup {
	members: string[];
	score: number;
	breakdown: ScoreLine[];
} // 2 members, or 3 for the trio
/** Why someone has no pair in a proposal: a code, not text (nothing shows it to people yet). */
export type UnmatchedReason = 'excluded' | 'no_eligible_partner' | 'no_partner_left';
export interface Proposal {
	groups: ProposedGroup[];
	unmatched: { id: string; reason: UnmatchedReason }[];
	totalScore: number;
}
export interface MatchOptions {
	weights?: Partial<Weights>;
	locked?: [string, string][]; // pairs the cycle owner fixed: keep them as they are
	excluded?: string[]; // participants left out of this run
}

/** Left out by the cycle owner. */
export const REASON_EXCLUDED: UnmatchedReason = 'excluded';
/** Everyone else in this run shares their department or a manager line. */
export const REASON_NO_ELIGIBLE: UnmatchedReason = 'no_eligible_partner';
/** Every eligible partner is already matched and no trio keeps the hard rules. */
export const REASON_NO_PARTNER_LEFT: UnmatchedReason = 'no_partner_left';

function breakdownOf(a: Prepared, b: Prepared, w: Weights, inTrio: boolean): { cents: number; lines: ScoreLine[] } {
	const [x, y] = cmp(a.p.id, b.p.id) <= 0 ? [a, b] : [b, a];
	const lines: ScoreLine[] = [];
	const cents = scoreCents(x, y, w, lines);
	if (inTrio) for (const l of lines) l.between = [x.p.name, y.p.name];
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
		lines.push({ points: 0, why: { code: eligible(p, q) ? 'locked' : 'locked_despite_rules' } });
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

	const unmatched: Proposal['unmatched'] = [];
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
