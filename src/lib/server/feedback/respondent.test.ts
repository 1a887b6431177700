import { describe, expect, it } from 'vitest';
import { answerAddressKey, respondentKey } from './respondent';

const who = { personId: 'p1', teamId: 'ap', month: '2026-11' };

describe('respondentKey', () => {
	it('is the same for one person, team and month, and never contains the person’s id', () => {
		const key = respondentKey('secret', who);
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(respondentKey('secret', { ...who })).toBe(key);
		expect(key).not.toContain('p1');
	});

	it('differs for another person, team, month or secret', () => {
		const key = respondentKey('secret', who);
		const others = [
			respondentKey('secret', { ...who, personId: 'p2' }),
			respondentKey('secret', { ...who, teamId: 'ar' }),
			respondentKey('secret', { ...who, month: '2026-12' }),
			respondentKey('another secret', who),
			respondentKey(null, who)
		];
		expect(new Set([key, ...others]).size).toBe(6);
	});

	it('cannot be matched by moving text from one part to the next', () => {
		expect(respondentKey('s', { personId: 'a', teamId: 'bc', month: '2026-11' })).not.toBe(
			respondentKey('s', { personId: 'ab', teamId: 'c', month: '2026-11' })
		);
	});
});

describe('answerAddressKey', () => {
	it('hides the address and never equals a respondent key', () => {
		const key = answerAddressKey('secret', '192.0.2.1');
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(key).not.toContain('192');
		expect(answerAddressKey('secret', '192.0.2.2')).not.toBe(key);
		expect(answerAddressKey('secret', '192.0.2.1')).toBe(key);
	});
});
