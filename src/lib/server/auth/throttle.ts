import { config } from '../config';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { decideThrottle, strictest, type ThrottleDecision } from './throttle-policy';

/**
 * Sign-in failures are kept in the database, so the limits hold across server processes and
 * restarts. Two keys per attempt: the account (email) and the client address.
 */
export function throttleKeys(email: string, ip: string): { account: string; ip: string } {
	return { account: accountKey(email), ip: `ip:${ip}` };
}

/** The throttle key of one account: its whole email, so no other account's key can match it. */
export function accountKey(email: string): string {
	return `account:${email.trim().toLowerCase()}`;
}

function limits() {
	const { windowMinutes, maxFailuresPerAccount, maxFailuresPerIp } = config.throttle;
	const windowMs = windowMinutes * 60_000;
	return {
		account: { windowMs, maxFailures: maxFailuresPerAccount },
		ip: { windowMs, maxFailures: maxFailuresPerIp }
	};
}

async function failuresSince(database: Db, key: string, since: Date): Promise<Date[]> {
	const rows = await database
		.selectFrom('login_failures')
		.select('at')
		.where('throttle_key', '=', key)
		.where('at', '>', since.toISOString())
		.execute();
	return rows.map((r) => new Date(r.at));
}

export async function checkThrottle(
	database: Db,
	keys: { account: string; ip: string },
	now: Date
): Promise<ThrottleDecision> {
	const limit = limits();
	const since = new Date(now.getTime() - limit.account.windowMs);
	const [byAccount, byIp] = await Promise.all([
		failuresSince(database, keys.account, since),
		failuresSince(database, keys.ip, since)
	]);
	return strictest([decideThrottle(byAccount, now, limit.account), decideThrottle(byIp, now, limit.ip)]);
}

export async function recordFailure(database: Db, keys: { account: string; ip: string }, now: Date): Promise<void> {
	const at = now.toISOString();
	const cutoff = new Date(now.getTime() - limits().account.windowMs).toISOString();
	await database.transaction().execute(async (trx) => {
		// Old failures no longer count; drop them for these keys so the table stays small.
		await trx
			.deleteFrom('login_failures')
			.where('throttle_key', 'in', [keys.account, keys.ip])
			.where('at', '<=', cutoff)
			.execute();
		await trx
			.insertInto('login_failures')
			.values([
				{ id: newId(), throttle_key: keys.account, at },
				{ id: newId(), throttle_key: keys.ip, at }
			])
			.execute();
	});
}

/** A successful sign-in forgives the account's earlier failures (not the address's). */
export async function clearAccountFailures(database: Db, accountKey: string): Promise<void> {
	await database.deleteFrom('login_failures').where('throttle_key', '=', accountKey).execute();
}

/**
 * Other limits on what one client may do in a while (answers to feedback links) keep their events in
 * the same table under keys of their own kind (`<kind>:<key>`), and decide with the same pure
 * `decideThrottle`. Both run in the caller's transaction.
 */
export async function throttledEventsSince(database: Db, kind: string, key: string, since: Date): Promise<Date[]> {
	return failuresSince(database, `${kind}:${key}`, since);
}

export async function recordThrottledEvent(
	database: Db,
	kind: string,
	key: string,
	now: Date,
	windowMs: number
): Promise<void> {
	// Events that no longer count go for every key of the kind, so none outlives its window for long.
	// Kinds are plain words (no `%` or `_`), so the prefix can be matched with LIKE; a range over the
	// text would depend on PostgreSQL's collation.
	await database
		.deleteFrom('login_failures')
		.where('throttle_key', 'like', `${kind}:%`)
		.where('at', '<=', new Date(now.getTime() - windowMs).toISOString())
		.execute();
	await database
		.insertInto('login_failures')
		.values({ id: newId(), throttle_key: `${kind}:${key}`, at: now.toISOString() })
		.execute();
}
