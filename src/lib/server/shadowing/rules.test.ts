import { describe, expect, it } from 'vitest';
import { blackoutOn, initialStatus, isActive, overlaps, statusAfterManagerApproval } from './rules';

describe('shadowing rules', () => {
	it('finds overlapping visits, but not ones that only touch', () => {
		expect(overlaps('2026-12-01T09:00Z', '2026-12-01T11:00Z', '2026-12-01T10:00Z', '2026-12-01T12:00Z')).toBe(true);
		expect(overlaps('2026-12-01T09:00Z', '2026-12-01T10:00Z', '2026-12-01T10:00Z', '2026-12-01T11:00Z')).toBe(false);
		expect(overlaps('2026-12-01T09:00Z', '2026-12-01T17:00Z', '2026-12-01T10:00Z', '2026-12-01T11:00Z')).toBe(true);
	});

	it('finds the blackout that covers a day, ends included', () => {
		const close = { starts_on: '2026-11-28', ends_on: '2026-12-03', reason: 'Month-end close' };
		expect(blackoutOn('2026-12-03', [close])).toBe(close);
		expect(blackoutOn('2026-11-28', [close])).toBe(close);
		expect(blackoutOn('2026-12-04', [close])).toBeUndefined();
	});

	it('routes requests through the manager, then the host unless it auto-accepts', () => {
		expect(initialStatus(true, false)).toBe('pending_manager');
		expect(initialStatus(true, true)).toBe('pending_manager');
		expect(initialStatus(false, false)).toBe('pending_host');
		expect(initialStatus(false, true)).toBe('confirmed');
		expect(statusAfterManagerApproval(true)).toBe('confirmed');
		expect(statusAfterManagerApproval(false)).toBe('pending_host');
	});

	it('counts only live requests as holding a place', () => {
		expect(
			['pending_manager', 'pending_host', 'confirmed', 'declined', 'cancelled'].map((s) => isActive(s as never))
		).toEqual([true, true, true, false, false]);
	});
});
