/**
 * Session lifetimes and the pure decisions made from them. No clock here: callers pass `now`.
 */
export interface SessionPolicy {
	/** A session unused for this long is over. */
	inactivityTimeoutMs: number;
	/** A session this old is over however active it is. */
	absoluteLifetimeMs: number;
	/** How often activity is written back (avoids a write on every request). */
	activityCheckIntervalMs: number;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export const defaultSessionPolicy: SessionPolicy = {
	inactivityTimeoutMs: 7 * DAY,
	absoluteLifetimeMs: 30 * DAY,
	activityCheckIntervalMs: HOUR
};

export type SessionVerdict = 'expired' | 'valid' | 'touch';

export function judgeSession(
	session: { created_at: string; last_verified_at: string },
	now: Date,
	policy: SessionPolicy = defaultSessionPolicy
): SessionVerdict {
	const t = now.getTime();
	const created = Date.parse(session.created_at);
	const lastVerified = Date.parse(session.last_verified_at);
	if (t - created >= policy.absoluteLifetimeMs) return 'expired';
	if (t - lastVerified >= policy.inactivityTimeoutMs) return 'expired';
	if (t - lastVerified >= policy.activityCheckIntervalMs) return 'touch';
	return 'valid';
}

/** When the cookie should expire: the earlier of the inactivity and absolute limits. */
export function sessionExpiresAt(
	session: { created_at: string; last_verified_at: string },
	policy: SessionPolicy = defaultSessionPolicy
): Date {
	const byInactivity = Date.parse(session.last_verified_at) + policy.inactivityTimeoutMs;
	const byLifetime = Date.parse(session.created_at) + policy.absoluteLifetimeMs;
	return new Date(Math.min(byInactivity, byLifetime));
}

/** Splits a cookie value `id.secret`; anything else is not a token. */
export function parseSessionToken(token: string): { id: string; secret: string } | null {
	const parts = token.split('.');
	if (parts.length !== 2) return null;
	const [id, secret] = parts as [string, string];
	if (!/^[a-z2-7]{16,64}$/.test(id) || !/^[a-z2-7]{32,64}$/.test(secret)) return null;
	return { id, secret };
}
