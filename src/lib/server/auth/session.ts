import type { Db } from '../db';
import { newId } from '../db/ids';
import type { Session } from '../db/schema';
import { defaultSessionPolicy, judgeSession, parseSessionToken, type SessionPolicy } from './session-policy';
import { generateSecret, hashSecret, secretMatches } from './tokens';

export const SESSION_COOKIE = 'ripple_session';

/** Starts a fresh session (every sign-in gets a new one); the token goes into the cookie only. */
export async function createSession(
	database: Db,
	personId: string,
	now: Date
): Promise<{ token: string; session: Session }> {
	const secret = generateSecret();
	const session: Session = {
		id: newId(),
		person_id: personId,
		secret_hash: hashSecret(secret),
		created_at: now.toISOString(),
		last_verified_at: now.toISOString()
	};
	await database.insertInto('sessions').values(session).execute();
	return { token: `${session.id}.${secret}`, session };
}

/**
 * Checks a cookie token. Returns the live session (with `touched` when its activity was written
 * back, so the caller renews the cookie) or null. Expired sessions are removed; a wrong secret
 * leaves the session alone, so knowing a session id is not enough to sign its owner out.
 */
export async function validateSessionToken(
	database: Db,
	token: string,
	now: Date,
	policy: SessionPolicy = defaultSessionPolicy
): Promise<{ session: Session; touched: boolean } | null> {
	const parsed = parseSessionToken(token);
	if (!parsed) return null;
	const session = await database.selectFrom('sessions').selectAll().where('id', '=', parsed.id).executeTakeFirst();
	if (!session || !secretMatches(session.secret_hash, parsed.secret)) return null;

	const verdict = judgeSession(session, now, policy);
	if (verdict === 'expired') {
		await invalidateSession(database, session.id);
		return null;
	}
	if (verdict === 'touch') {
		const last_verified_at = now.toISOString();
		await database.updateTable('sessions').set({ last_verified_at }).where('id', '=', session.id).execute();
		return { session: { ...session, last_verified_at }, touched: true };
	}
	return { session, touched: false };
}

export async function invalidateSession(database: Db, sessionId: string): Promise<void> {
	await database.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a person, optionally keeping one (the one making the request). */
export async function invalidatePersonSessions(
	database: Db,
	personId: string,
	exceptSessionId?: string
): Promise<void> {
	let query = database.deleteFrom('sessions').where('person_id', '=', personId);
	if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
	await query.execute();
}
