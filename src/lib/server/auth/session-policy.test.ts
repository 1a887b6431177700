import { describe, expect, it } from 'vitest';
import {
	defaultSessionPolicy,
	judgeSession,
	parseSessionToken,
	sessionExpiresAt,
	type SessionPolicy
} from './session-policy';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const created = new Date('2026-11-01T09:00:00.000Z');
const at = (ms: number) => new Date(created.getTime() + ms);
const session = (lastVerifiedOffsetMs = 0) => ({
	created_at: created.toISOString(),
	last_verified_at: at(lastVerifiedOffsetMs).toISOString()
});

describe('default session policy', () => {
	it('is 7 days of inactivity, 30 days absolute, activity written hourly', () => {
		expect(defaultSessionPolicy).toEqual({
			inactivityTimeoutMs: 7 * DAY,
			absoluteLifetimeMs: 30 * DAY,
			activityCheckIntervalMs: HOUR
		});
	});
});

describe('judgeSession', () => {
	it('is valid right after creation and until the activity-check interval', () => {
		expect(judgeSession(session(), created)).toBe('valid');
		expect(judgeSession(session(), at(1000))).toBe('valid');
		expect(judgeSession(session(), at(HOUR - 1))).toBe('valid');
	});

	it('asks for a touch once the activity-check interval has passed', () => {
		expect(judgeSession(session(), at(HOUR))).toBe('touch');
		expect(judgeSession(session(), at(3 * DAY))).toBe('touch');
	});

	it('counts the interval from the last verification, not from creation', () => {
		expect(judgeSession(session(5 * DAY), at(5 * DAY + 30 * MINUTE))).toBe('valid');
		expect(judgeSession(session(5 * DAY), at(5 * DAY + HOUR))).toBe('touch');
	});

	it('expires after the inactivity timeout', () => {
		expect(judgeSession(session(), at(7 * DAY - 1))).toBe('touch');
		expect(judgeSession(session(), at(7 * DAY))).toBe('expired');
		expect(judgeSession(session(2 * DAY), at(9 * DAY))).toBe('expired');
	});

	it('expires after the absolute lifetime even when used a minute ago', () => {
		const recentlyActive = session(30 * DAY - MINUTE);
		expect(judgeSession(recentlyActive, at(30 * DAY - 1))).toBe('valid');
		expect(judgeSession(recentlyActive, at(30 * DAY))).toBe('expired');
	});

	it('honours a custom policy', () => {
		const policy: SessionPolicy = {
			inactivityTimeoutMs: 10 * MINUTE,
			absoluteLifetimeMs: HOUR,
			activityCheckIntervalMs: MINUTE
		};
		expect(judgeSession(session(), at(30 * 1000), policy)).toBe('valid');
		expect(judgeSession(session(), at(2 * MINUTE), policy)).toBe('touch');
		expect(judgeSession(session(), at(10 * MINUTE), policy)).toBe('expired');
	});
});

describe('sessionExpiresAt', () => {
	it('is the inactivity limit while that comes first', () => {
		expect(sessionExpiresAt(session(2 * DAY))).toEqual(at(9 * DAY));
	});

	it('is the absolute limit once that comes first', () => {
		expect(sessionExpiresAt(session(28 * DAY))).toEqual(at(30 * DAY));
	});

	it('agrees with judgeSession: expired exactly at the cookie expiry', () => {
		for (const lastVerified of [0, 10 * DAY, 29 * DAY]) {
			const s = session(lastVerified);
			const expiry = sessionExpiresAt(s);
			expect(judgeSession(s, new Date(expiry.getTime() - 1))).not.toBe('expired');
			expect(judgeSession(s, expiry)).toBe('expired');
		}
	});
});

describe('parseSessionToken', () => {
	const id = 'abcdefghijklmnop';
	const secret = 'abcdefghijklmnopqrstuvwxyz234567';

	it('accepts id.secret in lower-case base32', () => {
		expect(parseSessionToken(`${id}.${secret}`)).toEqual({ id, secret });
	});

	it.each([
		['empty', ''],
		['no dot', `${id}${secret}`],
		['three parts', `${id}.${secret}.${secret}`],
		['empty id', `.${secret}`],
		['empty secret', `${id}.`],
		['short id', `abc.${secret}`],
		['short secret', `${id}.abcdefgh`],
		['upper case', `${id.toUpperCase()}.${secret}`],
		['digits outside base32', `${id}.${secret.slice(0, 31)}1`],
		['padding', `${id}.${secret}==`],
		['sql in id', `' or 1=1 --aaaaaa.${secret}`]
	])('rejects %s', (_label, token) => {
		expect(parseSessionToken(token)).toBeNull();
	});
});
