import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db';
import type { NotificationCategory } from '../db/schema';
import { isCategory, ALWAYS_IMMEDIATE } from './rules';

/**
 * One-click unsubscribe (RFC 8058). Every email carries a link whose token names one person and
 * one category, signed with a key only the server knows, so it works without signing in and can
 * do exactly one thing: turn that category's emails off for that person. The key is made once per
 * installation and kept in `app_meta`.
 */

const SECRET_KEY = 'notification_token_secret';
const secrets = new WeakMap<Db, Buffer>();

async function secretOf(database: Db): Promise<Buffer> {
	const known = secrets.get(database);
	if (known) return known;
	await database
		.insertInto('app_meta')
		.values({ key: SECRET_KEY, value: randomBytes(32).toString('base64url') })
		.onConflict((oc) => oc.column('key').doNothing())
		.execute();
	const row = await database
		.selectFrom('app_meta')
		.select('value')
		.where('key', '=', SECRET_KEY)
		.executeTakeFirstOrThrow();
	const secret = Buffer.from(row.value, 'base64url');
	secrets.set(database, secret);
	return secret;
}

const signature = (secret: Buffer, personId: string, category: string) =>
	createHmac('sha256', secret).update(`unsubscribe\n${personId}\n${category}`).digest('base64url');

export async function unsubscribeToken(
	database: Db,
	personId: string,
	category: NotificationCategory
): Promise<string> {
	return `${personId}.${category}.${signature(await secretOf(database), personId, category)}`;
}

/** The person and category a token names, if its signature is right; null for anything else. */
export async function readUnsubscribeToken(
	database: Db,
	token: string
): Promise<{ personId: string; category: NotificationCategory } | null> {
	const parts = token.split('.');
	if (parts.length !== 3) return null;
	const [personId, category, given] = parts as [string, string, string];
	if (!/^[a-z0-9]{1,40}$/.test(personId) || !isCategory(category) || category === ALWAYS_IMMEDIATE) return null;
	const expected = Buffer.from(signature(await secretOf(database), personId, category));
	const actual = Buffer.from(given);
	if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
	return { personId, category };
}
