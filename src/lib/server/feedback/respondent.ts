import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

/**
 * Keyed hashes (HMAC-SHA-256) that let feedback count people without naming them. Pure: the caller
 * passes the server's secret (or null when none is configured).
 */

/**
 * The key when no secret is configured. The hashes are then still not anyone's id, and the team
 * never sees them, but someone with a copy of the database could recompute them from its people.
 */
const NO_SECRET = 'ripple feedback, no secret configured';

function keyedHash(secret: string | null, purpose: string, parts: readonly string[]): string {
	const encoder = new TextEncoder();
	// JSON keeps the parts apart whatever they contain; the purpose keeps one kind of hash from
	// ever matching another.
	const message = encoder.encode(JSON.stringify([purpose, ...parts]));
	return encodeHexLowerCase(hmac(SHA256, encoder.encode(secret ?? NO_SECRET), message));
}

/**
 * Who answered a team's standing link in a month, as a key that is the same for each of their
 * answers that month and different for every other person, team or month. Keyed by team rather
 * than link: a team can replace its standing link at any time, and a fresh link must not give
 * anyone (the manager who replaced it included) a second answer in the same month.
 */
export function respondentKey(secret: string | null, who: { personId: string; teamId: string; month: string }): string {
	return keyedHash(secret, 'respondent', [who.personId, who.teamId, who.month]);
}

/** A client address as the answer throttle counts it: the address itself is not kept. */
export function answerAddressKey(secret: string | null, address: string): string {
	return keyedHash(secret, 'address', [address]);
}
