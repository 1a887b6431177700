import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret, SecretsKeyError } from './secrets';

const key = 'a'.repeat(40);

describe('sealed secrets', () => {
	it('open to what was sealed, and never show it in the sealed form', () => {
		const sealed = sealSecret('client-secret-ä€', key);
		expect(sealed.startsWith('v1.')).toBe(true);
		expect(sealed).not.toContain('client-secret');
		expect(openSecret(sealed, key)).toBe('client-secret-ä€');
	});

	it('differ each time the same secret is sealed', () => {
		expect(sealSecret('same', key)).not.toBe(sealSecret('same', key));
	});

	it('refuse another key, a changed body and an unknown form', () => {
		const sealed = sealSecret('secret', key);
		expect(() => openSecret(sealed, 'b'.repeat(40))).toThrow(SecretsKeyError);
		const parts = sealed.split('.');
		const body = parts[3]!;
		parts[3] = (body[0] === 'A' ? 'B' : 'A') + body.slice(1);
		expect(() => openSecret(parts.join('.'), key)).toThrow(SecretsKeyError);
		expect(() => openSecret('plain-text', key)).toThrow(SecretsKeyError);
	});

	it('need a key of at least 32 characters', () => {
		expect(() => sealSecret('secret', null)).toThrow(/SECRETS_KEY is not set/);
		expect(() => sealSecret('secret', 'short')).toThrow(/at least 32/);
	});
});
