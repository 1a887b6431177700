import { performance } from 'node:perf_hooks';
import { greedyMatching, proposeMatching, type Proposal } from '../../src/lib/server/buddies/matching';
import type { Participant, PastPairing, TeamKind } from '../../src/lib/server/buddies/scoring';
import { mulberry32 } from '../../src/lib/server/demo/random';

/**
 * Buddy matching in-process: a seeded, realistic population (12 departments, both team kinds,
 * topics, sites across time zones, three cycles of history) through the engine alone, no database.
 */

// Department, share of staff, chance a member is customer-facing.
const departments: [string, number, number][] = [
	['customer-service', 0.16, 0.95],
	['contact-centre', 0.14, 0.9],
	['accounts-payable', 0.1, 0.1],
	['accounts-receivable', 0.08, 0.4],
	['payroll', 0.06, 0.15],
	['hr-operations', 0.07, 0.3],
	['procurement', 0.06, 0.2],
	['it-service-desk', 0.09, 0.7],
	['record-to-report', 0.07, 0.05],
	['master-data', 0.05, 0.05],
	['collections', 0.06, 0.85],
	['quality-and-training', 0.06, 0.5]
];
const topics = [
	'Excel',
	'Escalations',
	'Complaint handling',
	'SQL',
	'Process mapping',
	'Lean',
	'Reporting',
	'Power BI',
	'Negotiation',
	'Presentation skills',
	'Coaching',
	'Root cause analysis',
	'Customer empathy',
	'Automation',
	'Data quality',
	'Project management'
];
const interests = [
	'running',
	'chess',
	'cooking',
	'photography',
	'gardening',
	'board games',
	'football',
	'music',
	'travel',
	'reading',
	'yoga',
	'cycling'
];
// Sites as UTC working hours in minutes; Sydney and the Manila night shift wrap past midnight.
const sites: [string, [number, number], number][] = [
	['London', [480, 990], 0.35],
	['Krakow', [420, 900], 0.2],
	['Bangalore', [240, 780], 0.15],
	['Manila', [60, 600], 0.1],
	['Manila night shift', [840, 1380], 0.05],
	['New York', [840, 1320], 0.1],
	['Sydney', [1380, 420], 0.05]
];

export function matchingPopulation(size: number, seed = 20250101): { people: Participant[]; history: PastPairing[] } {
	const rand = mulberry32(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
	const sample = <T>(list: readonly T[], min: number, max: number): T[] => {
		const count = min + Math.floor(rand() * (max - min + 1));
		const pool = [...list];
		const out: T[] = [];
		while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
		return out;
	};
	const weighted = (weights: readonly number[]): number => {
		let r = rand() * weights.reduce((s, w) => s + w, 0);
		for (let i = 0; i < weights.length; i++) {
			r -= weights[i]!;
			if (r <= 0) return i;
		}
		return weights.length - 1;
	};

	const people: Participant[] = [];
	const leadsByDept = new Map<string, string[]>();
	for (let i = 0; i < size; i++) {
		const [dept, , facing] = departments[weighted(departments.map((d) => d[1]))]!;
		const site = sites[weighted(sites.map((s) => s[2]))]!;
		const kind: TeamKind = rand() < facing ? 'customer_facing' : 'back_office';
		const leads = leadsByDept.get(dept) ?? [];
		const id = `p${String(i).padStart(5, '0')}`;
		// Roughly one lead per eight people; 5% have a matrix manager in another department.
		let managerId: string | null = leads.length > 0 ? pick(leads) : null;
		if (rand() < 0.05 && people.length > 0) managerId = pick(people).id;
		if (leads.length === 0 || rand() < 0.125) leadsByDept.set(dept, [...leads, id]);
		const shift = Math.round((rand() - 0.5) * 4) * 30; // staggered starts, ±1 h
		people.push({
			id,
			name: `Person ${i}`,
			departmentId: dept,
			managerId,
			teamKind: kind,
			learn: sample(topics, 1, 3),
			offer: sample(topics, 1, 3),
			interests: sample(interests, 0, 3),
			hoursUtc: [(site[1][0] + shift + 1440) % 1440, (site[1][1] + shift + 1440) % 1440]
		});
	}
	const history: PastPairing[] = [];
	for (const [cyclesAgo, label] of [
		[1, '2025 Q4'],
		[2, '2025 Q3'],
		[3, '2025 Q2']
	] as const) {
		const taking = people.filter(() => rand() < 0.6);
		for (let i = 0; i + 1 < taking.length; i += 2)
			history.push({ a: taking[i]!.id, b: taking[i + 1]!.id, cyclesAgo, label });
	}
	return { people, history };
}

const matched = (p: Proposal): number => p.groups.reduce((s, g) => s + g.members.length, 0);

export interface MatchingTiming {
	participants: number;
	pastPairings: number;
	runsMs: number[];
	medianMs: number;
	greedyMs: number;
	/** Optimal over greedy for the same population: what the slower engine buys. */
	scoreRatio: number;
	matched: number;
	unmatched: number;
}

/** Times proposeMatching `runs` times on one population (median reported) and the greedy baseline once. */
export function timeMatching(size: number, runs = 3): MatchingTiming {
	const { people, history } = matchingPopulation(size);
	const runsMs: number[] = [];
	let proposal: Proposal | null = null;
	for (let run = 0; run < runs; run++) {
		const start = performance.now();
		proposal = proposeMatching(people, history);
		runsMs.push(performance.now() - start);
	}
	const greedyStart = performance.now();
	const greedy = greedyMatching(people, history);
	const greedyMs = performance.now() - greedyStart;
	return {
		participants: size,
		pastPairings: history.length,
		runsMs,
		medianMs: [...runsMs].sort((a, b) => a - b)[Math.floor(runs / 2)]!,
		greedyMs,
		scoreRatio: proposal!.totalScore / greedy.totalScore,
		matched: matched(proposal!),
		unmatched: proposal!.unmatched.length
	};
}
