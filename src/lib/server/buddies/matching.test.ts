import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProposal, cents, person, populationArb } from '../../../../tests/buddy-populations';
import {
	REASON_EXCLUDED,
	REASON_NO_ELIGIBLE,
	REASON_NO_PARTNER_LEFT,
	greedyMatching,
	proposeMatching
} from './matching';
import { explanationText } from '../../buddies';
import { matchPairs } from './pair-selection';
import { eligible, scorePair, type Participant, type PastPairing } from './scoring';

/** Exhaustive best (pairs, cents) over all matchings of the eligible graph; small n only. */
function bruteForce(people: Participant[], history: PastPairing[]): { pairs: number; cents: number } {
	const n = people.length;
	const w: (number | null)[][] = people.map((a) =>
		people.map((b) => (eligible(a, b) ? cents(scorePair(a, b, history).score) : null))
	);
	let best = { pairs: 0, cents: 0 };
	const used = new Array<boolean>(n).fill(false);
	const visit = (pairs: number, total: number) => {
		let v = 0;
		while (v < n && used[v]) v++;
		if (v === n) {
			if (pairs > best.pairs || (pairs === best.pairs && total > best.cents)) best = { pairs, cents: total };
			return;
		}
		used[v] = true;
		visit(pairs, total);
		for (let u = v + 1; u < n; u++) {
			const x = w[v]![u];
			if (used[u] || x === null || x === undefined) continue;
			used[u] = true;
			visit(pairs + 1, total + x);
			used[u] = false;
		}
		used[v] = false;
	};
	visit(0, 0);
	return best;
}

function shuffled<T>(list: T[], keys: number[]): T[] {
	return list
		.map((x, i) => ({ x, k: keys[i % Math.max(1, keys.length)]! * 7919 + i }))
		.sort((a, b) => a.k - b.k)
		.map((e) => e.x);
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('proposeMatching properties', () => {
	it('never pairs people from one department or with their manager, and places everyone once', () => {
		fc.assert(
			fc.property(populationArb(2, 60), ({ people, history }) => {
				checkProposal(proposeMatching(people, history), people);
			}),
			{ numRuns: 150 }
		);
	});

	it('matches as many people as possible, with the best score, against exhaustive search (n <= 10)', () => {
		fc.assert(
			fc.property(populationArb(2, 10), ({ people, history }) => {
				const best = bruteForce(people, history);
				const pairs = matchPairs(people, history);
				expect(pairs.pairs.length).toBe(best.pairs);
				expect(cents(pairs.totalScore)).toBe(best.cents);
				// Each group grows from one optimal pair; leftovers only add trios or stay unmatched.
				const proposal = proposeMatching(people, history);
				expect(proposal.groups.length).toBe(best.pairs);
				if (best.pairs * 2 === people.length) expect(proposal.unmatched).toEqual([]);
				if (best.pairs * 2 === people.length - 1) expect(proposal.unmatched.length).toBeLessThanOrEqual(1);
			}),
			{ numRuns: 300 }
		);
	});

	it('is deterministic: shuffled participants and history give the same proposal', () => {
		fc.assert(
			fc.property(
				populationArb(2, 40),
				fc.array(fc.integer(), { minLength: 1, maxLength: 60 }),
				({ people, history }, keys) => {
					const a = proposeMatching(people, history);
					const b = proposeMatching(shuffled(people, keys), shuffled(history, [...keys].reverse()));
					expect(b).toEqual(a);
				}
			),
			{ numRuns: 100 }
		);
	});
});

// ---------------------------------------------------------------------------------------------
// Examples: trios, locked and excluded
// ---------------------------------------------------------------------------------------------

describe('proposeMatching examples', () => {
	it('matches everyone where greedy strands two people', () => {
		// Eligible edges a-b, b-c, c-d only; b-c is the single best pair, so greedy takes it and strands a and d.
		const people = [
			person('a', 'd1'),
			person('b', 'd2', { teamKind: 'customer_facing', learn: ['Excel'] }),
			person('c', 'd1', { offer: ['Excel'] }),
			person('d', 'd2', { managerId: 'a' })
		];
		const optimal = proposeMatching(people, []);
		expect(optimal.groups.map((g) => g.members)).toEqual([
			['a', 'b'],
			['c', 'd']
		]);
		expect(optimal.unmatched).toEqual([]);
		const greedy = greedyMatching(people, []);
		expect(greedy.groups.map((g) => g.members)).toEqual([['b', 'c']]);
		expect(greedy.unmatched.map((u) => u.id)).toEqual(['a', 'd']);
	});

	it('puts the odd one out into the best valid trio, explaining each pair by name', () => {
		const people = [
			person('ana', 'd1'),
			person('ben', 'd2', { teamKind: 'customer_facing' }),
			person('cat', 'd3', { learn: ['SQL'] }),
			person('dan', 'd4', { offer: ['sql'] }),
			person('eve', 'd5')
		];
		const p = proposeMatching(people, []);
		checkProposal(p, people);
		expect(p.unmatched).toEqual([]);
		const trio = p.groups.find((g) => g.members.length === 3)!;
		expect(p.groups).toHaveLength(2);
		const [x, y, z] = trio.members.map((id) => people.find((q) => q.id === id)!) as [
			Participant,
			Participant,
			Participant
		];
		expect(cents(trio.score)).toBe(
			cents(scorePair(x, y, []).score) + cents(scorePair(x, z, []).score) + cents(scorePair(y, z, []).score)
		);
		expect(trio.breakdown.length).toBeGreaterThan(0);
		// Each line of a trio names the two people it is about.
		expect(trio.breakdown.every((l) => l.between?.every((name) => /^[A-Z][a-z]+$/.test(name)))).toBe(true);
		expect(explanationText(trio.breakdown[0]!)).toMatch(/^[A-Z][a-z]+ & [A-Z][a-z]+: /);
	});

	it('leaves the odd one out unmatched when no trio keeps the hard rules', () => {
		const people = [person('a1', 'dA'), person('a2', 'dA'), person('b1', 'dB')];
		const p = proposeMatching(people, []);
		expect(p.groups).toHaveLength(1);
		expect(p.unmatched).toEqual([
			{ id: p.groups[0]!.members.includes('a1') ? 'a2' : 'a1', reason: REASON_NO_PARTNER_LEFT }
		]);
	});

	it('explains who has no eligible partner at all', () => {
		// z's only other-department colleague is their own manager.
		const people = [person('m', 'd1'), person('y', 'd2'), person('z', 'd2', { managerId: 'm' })];
		const p = proposeMatching(people, []);
		expect(p.groups.map((g) => g.members)).toEqual([['m', 'y']]);
		expect(p.unmatched).toEqual([{ id: 'z', reason: REASON_NO_ELIGIBLE }]);
		expect(proposeMatching([person('x', 'd1'), person('y', 'd1')], []).unmatched).toEqual([
			{ id: 'x', reason: REASON_NO_ELIGIBLE },
			{ id: 'y', reason: REASON_NO_ELIGIBLE }
		]);
	});

	it('keeps locked pairs as given and leaves excluded people out', () => {
		const people = [
			person('a', 'd1'),
			person('b', 'd1'),
			person('c', 'd2'),
			person('d', 'd3'),
			person('e', 'd4'),
			person('f', 'd5')
		];
		const p = proposeMatching(people, [], { locked: [['b', 'a']], excluded: ['f', 'nobody'] });
		const locked = p.groups.find((g) => g.members.includes('a'))!;
		expect(locked.members).toEqual(['a', 'b']);
		expect(locked.breakdown).toContainEqual({ points: 0, why: { code: 'locked_despite_rules' } });
		expect(p.unmatched).toEqual([{ id: 'f', reason: REASON_EXCLUDED }]);
		// c, d and e form the trio among themselves.
		expect(p.groups.map((g) => g.members)).toEqual([
			['a', 'b'],
			['c', 'd', 'e']
		]);
		// Exclusion wins over a lock: the partner returns to the pool.
		const q = proposeMatching(people, [], { locked: [['a', 'c']], excluded: ['c'] });
		expect(q.unmatched).toContainEqual({ id: 'c', reason: REASON_EXCLUDED });
		expect(q.groups.some((g) => g.members.includes('a'))).toBe(true);
		expect(() => proposeMatching(people, [], { locked: [['a', 'zz']] })).toThrow(RangeError);
		expect(() =>
			proposeMatching(people, [], {
				locked: [
					['a', 'c'],
					['a', 'd']
				]
			})
		).toThrow(RangeError);
	});
});
