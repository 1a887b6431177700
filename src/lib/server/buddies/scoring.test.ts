import { describe, expect, it } from 'vitest';
import { person } from '../../../../tests/buddy-populations';
import { explanationText } from '../../buddies';
import { defaultWeights, eligible, scorePair, type PastPairing } from './scoring';

describe('eligible', () => {
	it('applies the hard rules', () => {
		const boss = person('boss', 'd1');
		const report = person('report', 'd2', { managerId: 'boss' });
		expect(eligible(person('a', 'd1'), person('b', 'd1'))).toBe(false);
		expect(eligible(boss, report)).toBe(false);
		expect(eligible(report, boss)).toBe(false);
		expect(eligible(person('a', 'd1'), person('b', 'd2'))).toBe(true);
	});
});

describe('scorePair explanations', () => {
	const ana = person('ana', 'd1', {
		learn: ['Excel'],
		offer: ['Escalations'],
		interests: ['Chess', 'running'],
		hoursUtc: [480, 990]
	});
	const ben = person('ben', 'd2', {
		teamKind: 'customer_facing',
		learn: ['escalations'],
		offer: ['excel'],
		interests: ['chess'],
		hoursUtc: [540, 1020]
	});

	it('explains every non-zero preference', () => {
		const { score, breakdown } = scorePair(ana, ben, []);
		expect(breakdown).toEqual([
			{ points: 4, why: { code: 'cross_kind' } },
			{ points: 6, why: { code: 'topics', topics: ['Excel', 'escalations'] } },
			{ points: 1, why: { code: 'interests', interests: ['Chess'] } },
			{ points: 3.75, why: { code: 'overlap', minutes: 450 } }
		]);
		// Worded on the page, in English outside a request; known topics in the list's spelling.
		expect(breakdown.map(explanationText)).toEqual([
			'customer-facing with back-office',
			'complementary topics: Excel, Escalations',
			'shared interest: Chess',
			'overlapping working hours: 7.5 h'
		]);
		expect(score).toBe(14.75);
		expect(scorePair(ben, ana, [])).toEqual({ score, breakdown });
	});

	it('penalises earlier pairings, fading with each cycle, and names the cycle', () => {
		const cy = person('cy', 'd1', { hoursUtc: [0, 60] });
		const di = person('di', 'd2', { hoursUtc: [600, 700] });
		const history: PastPairing[] = [
			{ a: 'di', b: 'cy', cyclesAgo: 3, label: '2025 Q4' },
			{ a: 'cy', b: 'di', cyclesAgo: 1, label: '2026 Q2' },
			{ a: 'cy', b: 'someone-else', cyclesAgo: 1, label: '2026 Q2' }
		];
		const { score, breakdown } = scorePair(cy, di, history);
		expect(breakdown.map(explanationText)).toEqual(['paired in 2026 Q2', 'paired in 2025 Q4']);
		expect(breakdown.map((l) => l.points)).toEqual([-6, -2]);
		expect(score).toBe(-8);
	});

	it('measures overlap across midnight and caps it', () => {
		const night = person('night', 'd1', { hoursUtc: [1320, 360] }); // 22:00-06:00
		const early = person('early', 'd2', { hoursUtc: [0, 480] });
		expect(scorePair(night, early, []).breakdown).toEqual([{ points: 3, why: { code: 'overlap', minutes: 360 } }]);
		const day = person('day', 'd3', { hoursUtc: [0, 1440] });
		expect(scorePair(night, day, []).breakdown).toEqual([{ points: 4, why: { code: 'overlap', minutes: 480 } }]);
		expect(explanationText(scorePair(night, day, []).breakdown[0]!)).toBe('overlapping working hours: 8 h');
	});

	it('respects custom weights and omits zero lines', () => {
		const w = { ...defaultWeights, crossKind: 0, overlapPerHour: 0 };
		expect(scorePair(ana, ben, [], w).breakdown.map((l) => l.why.code)).toEqual(['topics', 'interests']);
	});
});
