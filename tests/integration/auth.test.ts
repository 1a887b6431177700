import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/lib/server/audit/log';
import { acceptInvite } from '../../src/lib/server/auth/accept-invite';
import { changePassword } from '../../src/lib/server/auth/change-password';
import { issueInvite, lookupInvite } from '../../src/lib/server/auth/invites';
import { hashPassword, verifyPassword } from '../../src/lib/server/auth/password';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { endSessions, liveSessionsOf } from '../../src/lib/server/auth/session-admin';
import { signIn } from '../../src/lib/server/auth/sign-in';
import { checkThrottle, recordFailure, throttleKeys } from '../../src/lib/server/auth/throttle';
import { hashSecret } from '../../src/lib/server/auth/tokens';
import { word } from '../../src/lib/server/service-result';
import { getLocale, overwriteGetLocale } from '../../src/lib/paraglide/runtime.js';
import type { Db } from '../../src/lib/server/db';
import { setPersonActive } from '../../src/lib/server/people/service';
import {
	addGrant,
	addPerson,
	countRows,
	openTempDb,
	T0,
	type TempDb,
	onPostgres,
	actorFor,
	plainActor
} from './temp-db';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const later = (ms: number) => new Date(T0.getTime() + ms);

const PASSWORD = 'correct horse battery staple';
const IP = '203.0.113.7';
const throttleEnv = ['LOGIN_THROTTLE_WINDOW_MINUTES', 'LOGIN_THROTTLE_ACCOUNT_MAX', 'LOGIN_THROTTLE_IP_MAX'] as const;
const savedEnv = new Map<string, string | undefined>();

let temp: TempDb;
let db: Db;
let passwordHash: string;

beforeAll(async () => {
	// Pin the throttle limits rather than depend on the environment the suite runs in.
	for (const name of throttleEnv) savedEnv.set(name, process.env[name]);
	process.env.LOGIN_THROTTLE_WINDOW_MINUTES = '15';
	process.env.LOGIN_THROTTLE_ACCOUNT_MAX = '10';
	process.env.LOGIN_THROTTLE_IP_MAX = '10';

	temp = await openTempDb('auth');
	db = temp.db;
	passwordHash = await hashPassword(PASSWORD);
	await addPerson(db, { id: 'admin', email: 'admin@example.com', name: 'Ada Admin', password_hash: passwordHash });
	await addGrant(db, 'admin', 'admin');
});

afterAll(async () => {
	for (const [name, value] of savedEnv) {
		if (value === undefined) delete process.env[name];
		else process.env[name] = value;
	}
	await temp?.close();
});

beforeEach(async () => {
	await db.deleteFrom('sessions').execute();
	await db.deleteFrom('login_failures').execute();
});

async function sessionsOf(personId: string): Promise<string[]> {
	const rows = await db.selectFrom('sessions').select('id').where('person_id', '=', personId).orderBy('id').execute();
	return rows.map((r) => r.id);
}

async function auditActions(): Promise<string[]> {
	// In insertion order: the tests use made-up clocks, so `at` does not say what came last. The
	// log is append-only, so the physical row order (rowid, ctid) is the insertion order.
	const rows = await db
		.selectFrom('audit_events')
		.select('action')
		.orderBy(onPostgres() ? sql`ctid` : sql`rowid`)
		.execute();
	return rows.map((r) => r.action);
}

describe('sessions', () => {
	beforeAll(async () => {
		await addPerson(db, { id: 'sam', email: 'sam@example.com', name: 'Sam Session' });
	});

	it('round-trip: a new token validates to its session, and only its hash is stored', async () => {
		const { token, session } = await createSession(db, 'sam', T0);
		const [id, secret] = token.split('.');
		expect(id).toBe(session.id);
		expect(secret).toMatch(/^[a-z2-7]{32}$/);

		const stored = await db.selectFrom('sessions').selectAll().where('id', '=', session.id).executeTakeFirstOrThrow();
		expect(stored.secret_hash).toBe(hashSecret(secret!));
		expect(JSON.stringify(stored)).not.toContain(secret);

		const result = await validateSessionToken(db, token, later(MINUTE));
		expect(result).toEqual({ session: stored, touched: false });
	});

	it('gives every sign-in its own session', async () => {
		const a = await createSession(db, 'sam', T0);
		const b = await createSession(db, 'sam', T0);
		expect(a.token).not.toBe(b.token);
		expect(await sessionsOf('sam')).toHaveLength(2);
	});

	it('rejects a token with a tampered secret, without ending the real session', async () => {
		const { token } = await createSession(db, 'sam', T0);
		const [id, secret] = token.split('.') as [string, string];
		const tampered = `${id}.${secret.slice(0, -1)}${secret.endsWith('a') ? 'b' : 'a'}`;
		expect(await validateSessionToken(db, tampered, later(MINUTE))).toBeNull();
		expect(await validateSessionToken(db, `${id}.${'a'.repeat(32)}`, later(MINUTE))).toBeNull();
		expect(await validateSessionToken(db, 'garbage', later(MINUTE))).toBeNull();
		expect(await validateSessionToken(db, token, later(MINUTE))).not.toBeNull();
	});

	it('writes activity back after an hour and tells the caller to renew the cookie', async () => {
		const { token, session } = await createSession(db, 'sam', T0);
		const result = await validateSessionToken(db, token, later(2 * HOUR));
		expect(result?.touched).toBe(true);
		expect(result?.session.last_verified_at).toBe(later(2 * HOUR).toISOString());
		const stored = await db
			.selectFrom('sessions')
			.select('last_verified_at')
			.where('id', '=', session.id)
			.executeTakeFirstOrThrow();
		expect(stored.last_verified_at).toBe(later(2 * HOUR).toISOString());

		// Activity extends the session past what would have been its inactivity limit.
		expect(await validateSessionToken(db, token, later(7 * DAY + HOUR))).not.toBeNull();
	});

	it('rejects and deletes a session idle longer than seven days', async () => {
		const { token, session } = await createSession(db, 'sam', T0);
		expect(await validateSessionToken(db, token, later(7 * DAY))).toBeNull();
		expect(await sessionsOf('sam')).not.toContain(session.id);
		// Gone for good: an earlier clock does not bring it back.
		expect(await validateSessionToken(db, token, later(MINUTE))).toBeNull();
	});

	it('rejects and deletes a session older than thirty days, however active', async () => {
		const { token, session } = await createSession(db, 'sam', T0);
		for (let day = 6; day < 30; day += 6) {
			expect(await validateSessionToken(db, token, later(day * DAY)), `day ${day}`).not.toBeNull();
		}
		expect(await validateSessionToken(db, token, later(30 * DAY))).toBeNull();
		expect(await sessionsOf('sam')).not.toContain(session.id);
	});
});

describe('signIn', () => {
	beforeAll(async () => {
		await addPerson(db, { id: 'pat', email: 'pat@example.com', name: 'Pat Password', password_hash: passwordHash });
		await addPerson(db, {
			id: 'ina',
			email: 'ina@example.com',
			name: 'Ina Inactive',
			password_hash: passwordHash,
			active: 0
		});
		await addPerson(db, { id: 'nop', email: 'nop@example.com', name: 'No Password' });
	});

	it('signs in with the right password, whatever the case and spacing of the email', async () => {
		const result = await signIn(db, { email: '  Pat@Example.COM ', password: PASSWORD, ip: IP }, T0);
		expect(result).toMatchObject({ ok: true, personId: 'pat' });
		if (!result.ok) return;
		const validated = await validateSessionToken(db, result.token, later(MINUTE));
		expect(validated?.session.person_id).toBe('pat');
		expect((await auditActions()).at(-1)).toBe('auth.sign_in');
	});

	it('answers a wrong password, an unknown email, an inactive person and a person without a password alike', async () => {
		const wrong = await signIn(db, { email: 'pat@example.com', password: 'not the password', ip: IP }, T0);
		const unknown = await signIn(db, { email: 'nobody@example.com', password: PASSWORD, ip: IP }, T0);
		const inactive = await signIn(db, { email: 'ina@example.com', password: PASSWORD, ip: IP }, T0);
		const noPassword = await signIn(db, { email: 'nop@example.com', password: PASSWORD, ip: IP }, T0);
		for (const result of [wrong, unknown, inactive, noPassword])
			expect(result).toEqual({ ok: false, reason: 'invalid' });
		expect(await countRows(db, 'sessions')).toBe(0);
		expect((await auditActions()).slice(-4)).toEqual(Array(4).fill('auth.sign_in_failed'));
	});

	it('throttles an account after ten failures, even with the right password, until the window passes', async () => {
		for (let i = 0; i < 9; i++) {
			const failed = await signIn(
				db,
				{ email: 'pat@example.com', password: `wrong ${i}`, ip: `198.51.100.${i}` },
				later(i * 1000)
			);
			expect(failed).toEqual({ ok: false, reason: 'invalid' });
		}
		// Nine failures do not block yet (asked without signing in, which would forgive them).
		const keys = throttleKeys('pat@example.com', '192.0.2.99');
		expect(await checkThrottle(db, keys, later(9000))).toEqual({ blocked: false });
		const tenth = await signIn(db, { email: 'pat@example.com', password: 'wrong 9', ip: '198.51.100.9' }, later(9000));
		expect(tenth).toEqual({ ok: false, reason: 'invalid' });

		const blocked = await signIn(db, { email: 'PAT@example.com', password: PASSWORD, ip: '192.0.2.99' }, later(10_000));
		expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
		if (blocked.ok || blocked.reason !== 'throttled') return;
		// The first failure (at T0) leaves the 15-minute window 15 minutes after T0.
		expect(blocked.retryAfterSeconds).toBe(15 * 60 - 10);
		expect(await countRows(db, 'sessions')).toBe(0);
		expect((await auditActions()).at(-1)).toBe('auth.sign_in_throttled');

		const afterWait = await signIn(db, { email: 'pat@example.com', password: PASSWORD, ip: IP }, later(15 * MINUTE));
		expect(afterWait).toMatchObject({ ok: true, personId: 'pat' });
	});

	it('lets nine failures through and forgives them after a successful sign-in', async () => {
		const keys = throttleKeys('pat@example.com', '198.51.100.1');
		for (let i = 0; i < 9; i++) await recordFailure(db, { ...keys, ip: `ip:10.0.0.${i}` }, T0);
		const ok = await signIn(db, { email: 'pat@example.com', password: PASSWORD, ip: IP }, later(1000));
		expect(ok.ok).toBe(true);
		const remaining = await db
			.selectFrom('login_failures')
			.select('id')
			.where('throttle_key', '=', keys.account)
			.execute();
		expect(remaining).toEqual([]);
		// One more failure is far from the limit again.
		await recordFailure(db, keys, later(2000));
		expect((await signIn(db, { email: 'pat@example.com', password: PASSWORD, ip: IP }, later(3000))).ok).toBe(true);
	});

	it('throttles an address after ten failures across accounts, but not other addresses', async () => {
		for (let i = 0; i < 10; i++) await recordFailure(db, throttleKeys(`guess${i}@example.com`, IP), T0);
		const fromSameIp = await signIn(db, { email: 'pat@example.com', password: PASSWORD, ip: IP }, later(MINUTE));
		expect(fromSameIp).toMatchObject({ ok: false, reason: 'throttled' });
		const fromElsewhere = await signIn(
			db,
			{ email: 'pat@example.com', password: PASSWORD, ip: '192.0.2.1' },
			later(MINUTE)
		);
		expect(fromElsewhere.ok).toBe(true);
	});

	it('records its entries in English, and words them in each reader’s language', async () => {
		// Later than any other entry of this file, so these two are the latest of their kind.
		const at = later(365 * DAY);
		await signIn(db, { email: 'pat@example.com', password: PASSWORD, ip: IP }, at);
		await signIn(db, { email: 'pat@example.com', password: 'not the password', ip: IP }, at);
		const latest = async (action: 'auth.sign_in' | 'auth.sign_in_failed') =>
			(await listAuditEvents(db, { action, objectId: 'pat', limit: 1, offset: 0 })).rows[0]?.summary;
		const stored = await db
			.selectFrom('audit_events')
			.select('summary')
			.where('object_id', '=', 'pat')
			.where('at', '=', at.toISOString())
			.orderBy('summary')
			.execute();
		expect(stored.map((r) => r.summary)).toEqual(['Failed sign-in for pat@example.com', 'Pat Password signed in']);
		expect(await latest('auth.sign_in')).toBe('Pat Password signed in');

		const requestLocale = getLocale;
		try {
			overwriteGetLocale(() => 'nl');
			expect(await latest('auth.sign_in')).toBe('Pat Password is ingelogd');
			expect(await latest('auth.sign_in_failed')).toBe('Mislukte inlogpoging met pat@example.com');
			overwriteGetLocale(() => 'zh-CN');
			expect(await latest('auth.sign_in')).toBe('Pat Password登录成功');
			expect(await latest('auth.sign_in_failed')).toBe('pat@example.com登录失败');
		} finally {
			overwriteGetLocale(requestLocale);
		}
	});
});

describe('deactivation', () => {
	it('ends every session of the deactivated person and no one else’s', async () => {
		await addPerson(db, { id: 'dee', email: 'dee@example.com', name: 'Dee Deactivated', password_hash: passwordHash });
		const first = await createSession(db, 'dee', T0);
		await createSession(db, 'dee', T0);
		const adminSession = await createSession(db, 'admin', T0);

		const result = await setPersonActive(db, await actorFor(temp.db, 'admin', IP), 'dee', false, later(MINUTE));
		expect(result).toEqual({ ok: true });
		expect(await sessionsOf('dee')).toEqual([]);
		expect(await validateSessionToken(db, first.token, later(2 * MINUTE))).toBeNull();
		expect(await sessionsOf('admin')).toEqual([adminSession.session.id]);

		const person = await db.selectFrom('people').select('active').where('id', '=', 'dee').executeTakeFirstOrThrow();
		expect(person.active).toBe(0);
		expect((await auditActions()).at(-1)).toBe('person.deactivated');
	});

	it('refuses to let an admin deactivate themselves', async () => {
		const session = await createSession(db, 'admin', T0);
		const result = await setPersonActive(db, await actorFor(temp.db, 'admin', IP), 'admin', false, T0);
		expect(result).toEqual({ ok: false, errors: { _form: { code: 'admin_person_deactivate_self' } } });
		expect(await sessionsOf('admin')).toEqual([session.session.id]);
	});
});

describe('admins ending sessions', () => {
	const admin = (sessionId: string | null) => ({ ...plainActor('admin', IP, { isAdmin: true }), sessionId });

	it('lists only live sessions, newest activity first, and marks the admin’s own', async () => {
		await addPerson(db, { id: 'lee', email: 'lee@example.com', name: 'Lee Laptop' });
		const old = await createSession(db, 'lee', T0);
		const fresh = await createSession(db, 'lee', later(2 * DAY));
		// Idle for thirteen days by then: past the seven-day inactivity limit.
		await createSession(db, 'lee', later(-10 * DAY));
		const mine = await createSession(db, 'admin', later(DAY));
		const listed = await liveSessionsOf(db, 'lee', later(3 * DAY), mine.session.id);
		expect(listed.map((s) => s.id)).toEqual([fresh.session.id, old.session.id]);
		expect(listed.every((s) => !s.current)).toBe(true);
		expect((await liveSessionsOf(db, 'admin', later(3 * DAY), mine.session.id)).map((s) => s.current)).toEqual([true]);
	});

	it('ends one session: that token stops working, the others and other people’s stay', async () => {
		await addPerson(db, { id: 'kim', email: 'kim@example.com', name: 'Kim Kiosk' });
		const lost = await createSession(db, 'kim', T0);
		const kept = await createSession(db, 'kim', T0);
		const someoneElse = await createSession(db, 'admin', T0);
		expect(await endSessions(db, admin(someoneElse.session.id), 'kim', lost.session.id, later(MINUTE))).toEqual({
			ok: true,
			ended: 1
		});
		expect(await validateSessionToken(db, lost.token, later(2 * MINUTE))).toBeNull();
		expect(await validateSessionToken(db, kept.token, later(2 * MINUTE))).not.toBeNull();
		expect(await sessionsOf('admin')).toEqual([someoneElse.session.id]);
		expect((await auditActions()).at(-1)).toBe('session.ended');
		const latest = async () =>
			(await listAuditEvents(db, { action: 'session.ended', objectId: 'kim', limit: 1, offset: 0 })).rows[0]?.summary;
		expect(await latest()).toBe('Ended a session of Kim Kiosk');
		const requestLocale = getLocale;
		try {
			overwriteGetLocale(() => 'nl');
			expect(await latest()).toBe('Een inlogsessie van Kim Kiosk beëindigd');
		} finally {
			overwriteGetLocale(requestLocale);
		}
	});

	it('does not end a session of someone else through this person’s page, and says so', async () => {
		await addPerson(db, { id: 'pia', email: 'pia@example.com', name: 'Pia Page' });
		const other = await createSession(db, 'kim', T0);
		const before = await countRows(db, 'audit_events');
		const result = await endSessions(db, admin(null), 'pia', other.session.id, T0);
		expect(result).toEqual({ ok: false, errors: { _form: { code: 'shell_session_already_ended' } } });
		expect(await validateSessionToken(db, other.token, later(MINUTE))).not.toBeNull();
		expect(await countRows(db, 'audit_events')).toBe(before);
	});

	it('ends all of a person’s sessions, but never the admin’s own current one', async () => {
		const a = await createSession(db, 'admin', T0);
		const b = await createSession(db, 'admin', T0);
		const current = await createSession(db, 'admin', T0);
		expect(await endSessions(db, admin(current.session.id), 'admin', null, later(MINUTE))).toEqual({
			ok: true,
			ended: 2
		});
		expect(await sessionsOf('admin')).toEqual([current.session.id]);
		for (const gone of [a, b]) expect(await validateSessionToken(db, gone.token, later(2 * MINUTE))).toBeNull();
		const [ended] = (await listAuditEvents(db, { action: 'session.ended', objectId: 'admin', limit: 1, offset: 0 }))
			.rows;
		expect(ended?.summary).toBe('Ended all 2 sessions of Ada Admin');
		const requestLocale = getLocale;
		try {
			overwriteGetLocale(() => 'zh-CN');
			expect(
				(await listAuditEvents(db, { action: 'session.ended', objectId: 'admin', limit: 1, offset: 0 })).rows[0]
					?.summary
			).toBe('结束了Ada Admin的全部2个登录会话');
		} finally {
			overwriteGetLocale(requestLocale);
		}
	});
});

describe('invites', () => {
	beforeAll(async () => {
		await addPerson(db, { id: 'ivy', email: 'ivy@example.com', name: 'Ivy Invitee' });
	});

	it('looks up a fresh invite by its token, then accepts it once, setting the password and signing in', async () => {
		const { token, expiresAt } = await issueInvite(db, 'ivy', 'admin', T0);
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		expect(expiresAt).toEqual(later(7 * DAY));

		const found = await lookupInvite(db, token, later(HOUR));
		expect(found).toMatchObject({ status: 'valid', personId: 'ivy', name: 'Ivy Invitee', email: 'ivy@example.com' });

		const oldSession = await createSession(db, 'ivy', T0);
		const accepted = await acceptInvite(db, token, 'a brand new password', IP, later(HOUR));
		expect(accepted.ok).toBe(true);
		if (!accepted.ok) return;
		const session = await validateSessionToken(db, accepted.token, later(HOUR));
		expect(session?.session.person_id).toBe('ivy');
		// Sessions from before the reset are over.
		expect(await validateSessionToken(db, oldSession.token, later(HOUR))).toBeNull();

		const ivy = await db.selectFrom('people').select('password_hash').where('id', '=', 'ivy').executeTakeFirstOrThrow();
		expect(await verifyPassword(ivy.password_hash!, 'a brand new password')).toBe(true);
		expect((await auditActions()).at(-1)).toBe('invite.accepted');

		// A second use is refused and changes nothing.
		expect(await lookupInvite(db, token, later(2 * HOUR))).toEqual({ status: 'used' });
		const again = await acceptInvite(db, token, 'someone else’s password', IP, later(2 * HOUR));
		expect(again).toEqual({ ok: false, reason: 'used' });
		const after = await db
			.selectFrom('people')
			.select('password_hash')
			.where('id', '=', 'ivy')
			.executeTakeFirstOrThrow();
		expect(after.password_hash).toBe(ivy.password_hash);
		expect(await sessionsOf('ivy')).toEqual([accepted.token.split('.')[0]]);
	});

	it('expires exactly seven days after it was issued', async () => {
		const { token } = await issueInvite(db, 'ivy', 'admin', T0);
		expect((await lookupInvite(db, token, later(7 * DAY - 1))).status).toBe('valid');
		expect(await lookupInvite(db, token, later(7 * DAY))).toEqual({ status: 'expired' });
		const result = await acceptInvite(db, token, 'too late a password', IP, later(7 * DAY));
		expect(result).toEqual({ ok: false, reason: 'expired' });
	});

	it('stops an earlier link working when a new one is issued', async () => {
		const first = await issueInvite(db, 'ivy', 'admin', T0);
		const second = await issueInvite(db, 'ivy', 'admin', later(MINUTE));
		expect((await lookupInvite(db, first.token, later(2 * MINUTE))).status).toBe('expired');
		expect((await lookupInvite(db, second.token, later(2 * MINUTE))).status).toBe('valid');
	});

	it('does not recognise unknown or malformed tokens, or invites of deactivated people', async () => {
		expect(await lookupInvite(db, 'a'.repeat(32), T0)).toEqual({ status: 'unknown' });
		expect(await lookupInvite(db, 'not a token', T0)).toEqual({ status: 'unknown' });
		await addPerson(db, { id: 'gone', email: 'gone@example.com', name: 'Gone', active: 0 });
		const { token } = await issueInvite(db, 'gone', 'admin', T0);
		expect(await lookupInvite(db, token, later(MINUTE))).toEqual({ status: 'unknown' });
	});
});

describe('changePassword', () => {
	beforeAll(async () => {
		await addPerson(db, { id: 'cam', email: 'cam@example.com', name: 'Cam Change', password_hash: passwordHash });
	});

	it('rejects a wrong current password and changes nothing', async () => {
		const current = await createSession(db, 'cam', T0);
		const other = await createSession(db, 'cam', T0);
		const result = await changePassword(
			db,
			plainActor('cam', IP),
			current.session.id,
			{ current: 'not my password', password: 'another long password' },
			T0
		);
		expect(result).toEqual({ ok: false, errors: { current: { code: 'shell_password_wrong_current' } } });
		expect(await sessionsOf('cam')).toEqual([current.session.id, other.session.id].sort());
		const cam = await db.selectFrom('people').select('password_hash').where('id', '=', 'cam').executeTakeFirstOrThrow();
		expect(cam.password_hash).toBe(passwordHash);
	});

	it('throttles wrong current passwords like sign-in attempts', async () => {
		await addPerson(db, { id: 'guess', email: 'guess@example.com', name: 'Guess Target', password_hash: passwordHash });
		const session = await createSession(db, 'guess', T0);
		const actor = plainActor('guess', '203.0.113.77');
		const attempt = (current: string) =>
			changePassword(db, actor, session.session.id, { current, password: 'a brand new password' }, later(MINUTE));
		for (let i = 0; i < 10; i++) {
			expect(await attempt(`wrong guess ${i}`)).toEqual({
				ok: false,
				errors: { current: { code: 'shell_password_wrong_current' } }
			});
		}
		const blocked = await attempt(PASSWORD);
		expect(blocked.ok).toBe(false);
		expect(blocked.ok ? '' : word(blocked.errors.current!)).toMatch(/^Too many wrong attempts/);
		const guess = await db
			.selectFrom('people')
			.select('password_hash')
			.where('id', '=', 'guess')
			.executeTakeFirstOrThrow();
		expect(guess.password_hash).toBe(passwordHash);
	});

	it('sets the new password, ends the other sessions and keeps the current one', async () => {
		const current = await createSession(db, 'cam', T0);
		const other = await createSession(db, 'cam', T0);
		const bystander = await createSession(db, 'admin', T0);

		const result = await changePassword(
			db,
			plainActor('cam', IP),
			current.session.id,
			{ current: PASSWORD, password: 'another long password' },
			later(MINUTE)
		);
		expect(result).toEqual({ ok: true });
		expect(await validateSessionToken(db, current.token, later(2 * MINUTE))).not.toBeNull();
		expect(await validateSessionToken(db, other.token, later(2 * MINUTE))).toBeNull();
		expect(await validateSessionToken(db, bystander.token, later(2 * MINUTE))).not.toBeNull();
		expect((await auditActions()).at(-1)).toBe('auth.password_changed');

		expect(await signIn(db, { email: 'cam@example.com', password: PASSWORD, ip: IP }, later(3 * MINUTE))).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(
			(await signIn(db, { email: 'cam@example.com', password: 'another long password', ip: IP }, later(4 * MINUTE))).ok
		).toBe(true);
	});
});
