import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/**
 * Secrets for session cookies and invite links: 20 random bytes = 160 bits, written as 32
 * lower-case base32 characters.
 */
export function generateSecret(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** Only this hash is stored; a database leak does not hand out working tokens. */
export function hashSecret(secret: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

/** Compares a presented secret with a stored hash without leaking where they differ. */
export function secretMatches(storedHashHex: string, presentedSecret: string): boolean {
	const presented = new TextEncoder().encode(hashSecret(presentedSecret));
	const stored = new TextEncoder().encode(storedHashHex);
	return presented.length === stored.length && constantTimeEqual(presented, stored);
}
