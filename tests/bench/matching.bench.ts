/**
 * Benchmark for the buddy matching engine: `npm run bench` (tsx). A seeded, realistic population of
 * 1,000 people (12 departments, both team kinds, topics, sites across time zones, three cycles of
 * history); proposeMatching runs 5 times. Exits 1 if the median exceeds the 2,000 ms budget.
 */
import { performance } from 'node:perf_hooks';
import { greedyMatching, proposeMatching, type Participant, type PastPairing, type Proposal, type TeamKind } from '../../src/lib/server/buddies/matching';

const PEOPLE = 1000;
const RUNS = 5;
const BUDGET_MS = 2000;

/** mulberry32: tiny seeded PRNG, so every run benchmarks the same population. */
function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const rand = mulberry32(20250101);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
function sample<T>(list: readonly T[], min: number, max: number): T[] {
	const count = min + Math.floor(rand() * (max - min + 1));
	const pool = [...list];
	const out: T[] = [];
	while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
	return out;
}

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
const topics = ['Excel', 'Escalations', 'Complaint handling', 'SQL', 'Process mapping', 'Lean', 'Reporting', 'Power BI', 'Negotiation', 'Presentation skills', 'Coaching', 'Root cause analysis', 'Customer empathy', 'Automation', 'Data quality', 'Project management'];
const interests = ['running', 'chess', 'cooking', 'photography', 'gardening', 'board games', 'football', 'music', 'travel', 'reading', 'yoga', 'cycling'];
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
function weighted(list: readonly (readonly [string, ...unknown[]])[], weightAt: number): number {
	const total = list.reduce((s, row) => s + (row[weightAt] as number), 0);
	let r = rand() * total;
	for (let i = 0; i < list.length; i++) {
		r -= list[i]![weightAt] as number;
		if (r <= 0) return i;
	}
	return list.length - 1;
}

function population(): { people: Participant[]; history: PastPairing[] } {
	const people: Participant[] = [];
	const leadsByDept = new Map<string, string[]>();
	for (let i = 0; i < PEOPLE; i++) {
		const [dept, , facing] = departments[weighted(departments, 1)]!;
		const site = sites[weighted(sites, 2)]!;
		const kind: TeamKind = rand() < facing ? 'customer_facing' : 'back_office';
		const leads = leadsByDept.get(dept) ?? [];
		const id = `p${String(i).padStart(4, '0')}`;
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
		for (let i = 0; i + 1 < taking.length; i += 2) history.push({ a: taking[i]!.id, b: taking[i + 1]!.id, cyclesAgo, label });
	}
	return { people, history };
}

function matched(p: Proposal): number {
	return p.groups.reduce((s, g) => s + g.members.length, 0);
}

const { people, history } = population();
const times: number[] = [];
let result: Proposal | null = null;
for (let run = 0; run < RUNS; run++) {
	const start = performance.now();
	result = proposeMatching(people, history);
	times.push(performance.now() - start);
}
const greedyStart = performance.now();
const greedy = greedyMatching(people, history);
const greedyMs = performance.now() - greedyStart;

const sortedTimes = [...times].sort((a, b) => a - b);
const median = sortedTimes[Math.floor(RUNS / 2)]!;
const max = sortedTimes[RUNS - 1]!;
const optimal = result!;
const trios = optimal.groups.filter((g) => g.members.length === 3).length;

console.log(`buddy matching benchmark: ${PEOPLE} participants, ${departments.length} departments, ${history.length} past pairings`);
console.log(`runs (ms): ${times.map((t) => t.toFixed(0)).join(', ')}`);
console.log(`median ${median.toFixed(0)} ms, max ${max.toFixed(0)} ms (budget ${BUDGET_MS} ms); greedy baseline ${greedyMs.toFixed(0)} ms`);
console.log(`optimal: ${matched(optimal)} matched in ${optimal.groups.length} groups (${trios} trio), ${optimal.unmatched.length} unmatched, total score ${optimal.totalScore}`);
console.log(`greedy:  ${matched(greedy)} matched in ${greedy.groups.length} groups, ${greedy.unmatched.length} unmatched, total score ${greedy.totalScore}`);
console.log(`ratio optimal/greedy (as measured in one run): total score ${(optimal.totalScore / greedy.totalScore).toFixed(4)}, matched ${(matched(optimal) / matched(greedy)).toFixed(4)}`);

if (median > BUDGET_MS) {
	console.error(`FAIL: median ${median.toFixed(0)} ms exceeds ${BUDGET_MS} ms`);
	process.exit(1);
}
