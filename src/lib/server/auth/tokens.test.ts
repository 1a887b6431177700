import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSecret, hashSecret, secretMatches } from './tokens';

describe('generateSecret', () => {
	it('is 32 lower-case base32 characters (160 bits, at least 128)', () => {
		const secret = generateSecret();
		expect(secret).toMatch(/^[a-z2-7]{32}$/);
		expect(secret.length * 5).toBeGreaterThanOrEqual(128);
	});

	it('differs on every call', () => {
		const secrets = new Set(Array.from({ length: 200 }, () => generateSecret()));
		expect(secrets.size).toBe(200);
	});
});

describe('hashSecret', () => {
	it('is the lower-case hex SHA-256 of the secret', () => {
		const secret = 'abcdefghijklmnopqrstuvwxyz234567';
		expect(hashSecret(secret)).toBe(createHash('sha256').update(secret, 'utf8').digest('hex'));
		expect(hashSecret(secret)).toMatch(/^[0-9a-f]{64}$/);
	});

	it('matches the published SHA-256 vector for "abc"', () => {
		expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});

	it('never returns the secret itself', () => {
		const secret = generateSecret();
		expect(hashSecret(secret)).not.toContain(secret);
	});
});

describe('secretMatches', () => {
	it('accepts the secret whose hash is stored', () => {
		const secret = generateSecret();
		expect(secretMatches(hashSecret(secret), secret)).toBe(true);
	});

	it('rejects a different secret, a one-character change and an empty one', () => {
		const secret = generateSecret();
		const stored = hashSecret(secret);
		const flipped = (secret[0] === 'a' ? 'b' : 'a') + secret.slice(1);
		expect(secretMatches(stored, generateSecret())).toBe(false);
		expect(secretMatches(stored, flipped)).toBe(false);
		expect(secretMatches(stored, '')).toBe(false);
	});

	it('rejects when the stored value is malformed or the raw secret rather than its hash', () => {
		const secret = generateSecret();
		expect(secretMatches('', secret)).toBe(false);
		expect(secretMatches(hashSecret(secret).slice(0, 63), secret)).toBe(false);
		expect(secretMatches(secret, secret)).toBe(false);
	});
});
