import { describe, expect, it } from 'vitest';
import { decideThrottle, strictest, type ThrottleDecision, type ThrottleLimit } from './throttle-policy';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const limit: ThrottleLimit = { windowMs: 15 * MINUTE, maxFailures: 10 };
const now = new Date('2026-11-20T10:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

/** `count` failures, one a minute, the newest `newestAgoMs` before now. */
function failures(count: number, newestAgoMs = 0): Date[] {
	return Array.from({ length: count }, (_, i) => ago(newestAgoMs + i * MINUTE));
}

describe('decideThrottle', () => {
	it('lets nine failures through', () => {
		expect(decideThrottle(failures(9), now, limit)).toEqual({ blocked: false });
	});

	it('does not block without failures', () => {
		expect(decideThrottle([], now, limit)).toEqual({ blocked: false });
	});

	it('blocks at ten, until the oldest counted failure leaves the window', () => {
		// Oldest of the ten is 9 minutes ago, so it leaves the 15-minute window in 6 minutes.
		expect(decideThrottle(failures(10), now, limit)).toEqual({ blocked: true, retryAfterSeconds: 6 * 60 });
	});

	it('does not depend on the order failures are given in', () => {
		const shuffled = failures(10).reverse();
		expect(decideThrottle(shuffled, now, limit)).toEqual({ blocked: true, retryAfterSeconds: 6 * 60 });
	});

	it('waits only for enough failures to age out when there are more than ten', () => {
		// Twelve failures 0..11 minutes ago: the block lifts when three have left, i.e. when the
		// one 9 minutes ago does.
		expect(decideThrottle(failures(12), now, limit)).toEqual({ blocked: true, retryAfterSeconds: 6 * 60 });
	});

	it('rounds the wait up to whole seconds, at least one', () => {
		const tenRecent = Array.from({ length: 10 }, () => ago(15 * MINUTE - 1500));
		expect(decideThrottle(tenRecent, now, limit)).toEqual({ blocked: true, retryAfterSeconds: 2 });
		const almostOut = Array.from({ length: 10 }, () => ago(15 * MINUTE - 1));
		expect(decideThrottle(almostOut, now, limit)).toEqual({ blocked: true, retryAfterSeconds: 1 });
	});

	it('ignores failures older than the window', () => {
		const old = failures(20, 16 * MINUTE);
		expect(decideThrottle(old, now, limit)).toEqual({ blocked: false });
		// Exactly at the window edge no longer counts.
		const atEdge = Array.from({ length: 10 }, () => ago(15 * MINUTE));
		expect(decideThrottle(atEdge, now, limit)).toEqual({ blocked: false });
		// Nine recent plus many old: still not blocked.
		expect(decideThrottle([...failures(9), ...old], now, limit)).toEqual({ blocked: false });
	});

	it('ignores failures in the future', () => {
		const future = Array.from({ length: 10 }, (_, i) => new Date(now.getTime() + (i + 1) * SECOND));
		expect(decideThrottle(future, now, limit)).toEqual({ blocked: false });
	});

	it('lifts the block once the failures age out', () => {
		const ten = failures(10);
		const decision = decideThrottle(ten, now, limit);
		expect(decision.blocked).toBe(true);
		if (!decision.blocked) return;
		const justBefore = new Date(now.getTime() + decision.retryAfterSeconds * SECOND - 1);
		const after = new Date(now.getTime() + decision.retryAfterSeconds * SECOND);
		expect(decideThrottle(ten, justBefore, limit).blocked).toBe(true);
		expect(decideThrottle(ten, after, limit)).toEqual({ blocked: false });
	});
});

describe('strictest', () => {
	it('is not blocked when nothing is', () => {
		expect(strictest([])).toEqual({ blocked: false });
		expect(strictest([{ blocked: false }, { blocked: false }])).toEqual({ blocked: false });
	});

	it('is blocked when any decision is, with the longest wait', () => {
		const decisions: ThrottleDecision[] = [
			{ blocked: true, retryAfterSeconds: 30 },
			{ blocked: false },
			{ blocked: true, retryAfterSeconds: 300 },
			{ blocked: true, retryAfterSeconds: 120 }
		];
		expect(strictest(decisions)).toEqual({ blocked: true, retryAfterSeconds: 300 });
		expect(strictest([{ blocked: false }, { blocked: true, retryAfterSeconds: 5 }])).toEqual({
			blocked: true,
			retryAfterSeconds: 5
		});
	});
});
