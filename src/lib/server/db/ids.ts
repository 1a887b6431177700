import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** 80 random bits as 16 lower-case base32 characters: unguessable, URL-safe, portable as text. */
export function newId(): string {
	const bytes = new Uint8Array(10);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}
