/** Pure sign-in throttling decisions over a list of failure times (no clock, no database). */
export interface ThrottleLimit {
	windowMs: number;
	maxFailures: number;
}

export type ThrottleDecision = { blocked: false } | { blocked: true; retryAfterSeconds: number };

/**
 * Blocked once `maxFailures` failures fall inside the window ending now. The wait is until enough
 * of them age out of the window that one more attempt is allowed.
 */
export function decideThrottle(failureTimes: readonly Date[], now: Date, limit: ThrottleLimit): ThrottleDecision {
	const windowStart = now.getTime() - limit.windowMs;
	const recent = failureTimes
		.map((d) => d.getTime())
		.filter((t) => t > windowStart && t <= now.getTime())
		.sort((a, b) => a - b);
	if (recent.length < limit.maxFailures) return { blocked: false };
	// The failure that must leave the window before the count drops below the limit.
	const pivot = recent[recent.length - limit.maxFailures]!;
	const retryAfterMs = pivot + limit.windowMs - now.getTime();
	return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

/** The stricter of several decisions: blocked if any is, waiting the longest. */
export function strictest(decisions: readonly ThrottleDecision[]): ThrottleDecision {
	let worst: ThrottleDecision = { blocked: false };
	for (const d of decisions) {
		if (d.blocked && (!worst.blocked || d.retryAfterSeconds > worst.retryAfterSeconds)) worst = d;
	}
	return worst;
}
