/**
 * Buddy-matching fixtures shared by the unit tests beside src/lib/server/buddies/: participants,
 * random populations for the property tests, and the checks every proposal must pass.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Proposal } from '../src/lib/server/buddies/matching';
import type { Participant, PastPairing } from '../src/lib/server/buddies/scoring';

export function person(id: string, departmentId: string, extra: Partial<Participant> = {}): Participant {
	return {
		id,
		name: id[0]!.toUpperCase() + id.slice(1),
		departmentId,
		managerId: null,
		teamKind: 'back_office',
		learn: [],
		offer: [],
		interests: [],
		hoursUtc: [480, 990],
		...extra
	};
}

export const TOPICS = ['Excel', 'Escalations', 'SQL', 'Lean', 'Coaching', 'Reporting'];
export const INTERESTS = ['chess', 'running', 'music', 'cooking'];
const LABELS = ['2025 Q4', '2025 Q3', '2025 Q2', '2025 Q1'];

export interface Population {
	people: Participant[];
	history: PastPairing[];
}

/** 2-6 departments, manager links anywhere (same or other department), topics in mixed case, any hours. */
export function populationArb(minN: number, maxN: number): fc.Arbitrary<Population> {
	return fc
		.record({ n: fc.integer({ min: minN, max: maxN }), departments: fc.integer({ min: 2, max: 6 }) })
		.chain(({ n, departments }) =>
			fc.record({
				people: fc.array(
					fc.record({
						dept: fc.nat(departments - 1),
						manager: fc.option(fc.nat(n - 1), { freq: 2 }),
						facing: fc.boolean(),
						learn: fc.subarray(TOPICS, { maxLength: 3 }),
						offer: fc.subarray(TOPICS, { maxLength: 3 }),
						lowerOffer: fc.boolean(),
						interests: fc.subarray(INTERESTS, { maxLength: 3 }),
						start: fc.integer({ min: 0, max: 1439 }),
						length: fc.integer({ min: 0, max: 720 })
					}),
					{ minLength: n, maxLength: n }
				),
				history: fc.array(
					fc.record({ a: fc.nat(n - 1), b: fc.nat(n - 1), cyclesAgo: fc.integer({ min: 1, max: 4 }) }),
					{ maxLength: n }
				)
			})
		)
		.map(({ people, history }) => ({
			people: people.map((r, i) => ({
				id: `p${i}`,
				name: `Person ${i}`,
				departmentId: `d${r.dept}`,
				managerId: r.manager === null || r.manager === i ? null : `p${r.manager}`,
				teamKind: r.facing ? 'customer_facing' : 'back_office',
				learn: r.learn,
				offer: r.lowerOffer ? r.offer.map((t) => t.toLowerCase()) : r.offer,
				interests: r.interests,
				hoursUtc: [r.start, (r.start + r.length) % 1440] as [number, number]
			})),
			history: history
				.filter((h) => h.a !== h.b)
				.map((h) => ({ a: `p${h.a}`, b: `p${h.b}`, cyclesAgo: h.cyclesAgo, label: LABELS[h.cyclesAgo - 1]! }))
		}));
}

export const cents = (x: number) => Math.round(x * 100);

/** Every member pair of every group keeps the hard rules; everyone is placed exactly once. */
export function checkProposal(p: Proposal, people: Participant[]) {
	const byId = new Map(people.map((x) => [x.id, x]));
	const seen = new Set<string>();
	for (const g of p.groups) {
		expect([2, 3]).toContain(g.members.length);
		for (let i = 0; i < g.members.length; i++) {
			for (let j = i + 1; j < g.members.length; j++) {
				const a = byId.get(g.members[i]!)!;
				const b = byId.get(g.members[j]!)!;
				expect(a.departmentId).not.toBe(b.departmentId);
				expect(a.managerId === b.id || b.managerId === a.id).toBe(false);
			}
		}
		expect(cents(g.score)).toBe(g.breakdown.reduce((s, l) => s + cents(l.points), 0));
		for (const id of g.members) {
			expect(seen.has(id)).toBe(false);
			seen.add(id);
		}
	}
	for (const u of p.unmatched) {
		expect(seen.has(u.id)).toBe(false);
		seen.add(u.id);
	}
	expect(seen.size).toBe(people.length);
	expect(cents(p.totalScore)).toBe(p.groups.reduce((s, g) => s + cents(g.score), 0));
	const firsts = p.groups.map((g) => g.members[0]!);
	expect(firsts).toEqual([...firsts].sort());
}
