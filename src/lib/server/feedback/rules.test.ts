import { describe, expect, it } from 'vitest';
import { experienceMeasures, feedbackLinkExpiry, feedbackLinkStatus, MIN_RESPONSES } from './rules';

describe('experienceMeasures', () => {
	it('hides the average and net score built from 4 responses', () => {
		const four = experienceMeasures([10, 9, 2, 8]);
		expect(MIN_RESPONSES).toBe(5);
		expect(four).toEqual({ volume: 4, enough: false, average: null, netScore: null });
	});

	it('shows them from 5 responses', () => {
		const five = experienceMeasures([10, 9, 2, 8, 6]);
		expect(five.enough).toBe(true);
		expect(five.average).toBeCloseTo(7);
		// 2 promoters, 2 detractors of 5
		expect(five.netScore).toBeCloseTo(0);
	});

	it('scores all promoters as +100 and all detractors as -100', () => {
		expect(experienceMeasures([9, 10, 9, 10, 10]).netScore).toBe(100);
		expect(experienceMeasures([0, 3, 6, 5, 1]).netScore).toBe(-100);
	});
});

describe('feedbackLinkStatus', () => {
	const now = new Date('2026-11-23T09:00:00.000Z');
	const link = (
		kind: 'case' | 'standing',
		over: Partial<{ expires_at: string; answered_at: string | null; closed_at: string | null }> = {}
	) => ({
		kind,
		expires_at: '2026-12-01T00:00:00.000Z',
		answered_at: null,
		closed_at: null,
		...over
	});

	it('is open until it expires, and expired from the expiry instant', () => {
		expect(feedbackLinkStatus(link('case'), now)).toBe('open');
		expect(feedbackLinkStatus(link('case', { expires_at: now.toISOString() }), now)).toBe('expired');
	});

	it('is closed once the team closes it', () => {
		expect(feedbackLinkStatus(link('standing', { closed_at: '2026-11-20T00:00:00.000Z' }), now)).toBe('closed');
	});

	it('says a case link is answered, even when it has also expired or closed since', () => {
		const answered = '2026-11-21T10:00:00.000Z';
		expect(feedbackLinkStatus(link('case', { answered_at: answered }), now)).toBe('answered');
		expect(
			feedbackLinkStatus(
				link('case', { answered_at: answered, expires_at: '2026-11-22T00:00:00.000Z', closed_at: answered }),
				now
			)
		).toBe('answered');
	});

	it('expires case links after 30 days and standing links after 365', () => {
		expect(feedbackLinkExpiry('case', now).toISOString()).toBe('2026-12-23T09:00:00.000Z');
		expect(feedbackLinkExpiry('standing', now).toISOString()).toBe('2027-11-23T09:00:00.000Z');
	});
});
