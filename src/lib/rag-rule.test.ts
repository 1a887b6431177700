import { describe, expect, it } from 'vitest';
import { ragStatus } from '$lib/server/metrics/rules';
import { describeRagRule } from './rag-rule';

describe('describeRagRule', () => {
	it('describes "higher is better" with its amber band below the target', () => {
		expect(describeRagRule({ direction: 'higher', target: 95, amberBand: 3, unit: '%' })).toBe(
			'Green at 95 % or more; amber from 92 %; red below.'
		);
	});

	it('describes "lower is better" with its amber band above the target', () => {
		expect(describeRagRule({ direction: 'lower', target: 8, amberBand: 2, unit: 'hours' })).toBe(
			'Green at 8 hours or less; amber up to 10 hours; red above.'
		);
	});

	it('leaves amber out without a band, and treats a negative band as none', () => {
		expect(describeRagRule({ direction: 'higher', target: 1200, amberBand: 0, unit: 'requests' })).toBe(
			'Green at 1,200 requests or more; red below.'
		);
		expect(describeRagRule({ direction: 'lower', target: 2, amberBand: -1, unit: '' })).toBe(
			'Green at 2 or less; red above.'
		);
	});

	it('says there is no status without a target', () => {
		expect(describeRagRule({ direction: 'higher', target: null, amberBand: 3, unit: '%' })).toBe(
			'No target yet, so values are shown without a status.'
		);
	});

	it('writes decimals without floating-point noise', () => {
		expect(describeRagRule({ direction: 'lower', target: 0.1, amberBand: 0.2, unit: '%' })).toBe(
			'Green at 0.1 % or less; amber up to 0.3 %; red above.'
		);
	});

	it('puts the boundaries where ragStatus does', () => {
		const higher = { direction: 'higher', target: 95, amberBand: 3 } as const;
		expect([95, 92, 91.9].map((v) => ragStatus(v, higher))).toEqual(['green', 'amber', 'red']);
		const lower = { direction: 'lower', target: 8, amberBand: 2 } as const;
		expect([8, 10, 10.1].map((v) => ragStatus(v, lower))).toEqual(['green', 'amber', 'red']);
	});
});
