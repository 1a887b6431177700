import { describe, expect, it } from 'vitest';
import { INVITE_TTL_MS, inviteExpiry, inviteStatus } from './invite-policy';

const DAY = 24 * 60 * 60 * 1000;
const created = new Date('2026-11-10T12:00:00.000Z');
const at = (ms: number) => new Date(created.getTime() + ms);
const unused = { expires_at: inviteExpiry(created).toISOString(), used_at: null };

describe('inviteExpiry', () => {
	it('is seven days after creation', () => {
		expect(INVITE_TTL_MS).toBe(7 * DAY);
		expect(inviteExpiry(created).toISOString()).toBe('2026-11-17T12:00:00.000Z');
	});
});

describe('inviteStatus', () => {
	it('is valid from creation until just before seven days', () => {
		expect(inviteStatus(unused, created)).toBe('valid');
		expect(inviteStatus(unused, at(6 * DAY))).toBe('valid');
		expect(inviteStatus(unused, at(7 * DAY - 1))).toBe('valid');
	});

	it('is expired exactly at seven days and after', () => {
		expect(inviteStatus(unused, at(7 * DAY))).toBe('expired');
		expect(inviteStatus(unused, at(30 * DAY))).toBe('expired');
	});

	it('is used once used, whatever the time', () => {
		const used = { ...unused, used_at: at(DAY).toISOString() };
		expect(inviteStatus(used, at(DAY))).toBe('used');
		expect(inviteStatus(used, at(2 * DAY))).toBe('used');
		expect(inviteStatus(used, at(8 * DAY))).toBe('used');
	});
});
