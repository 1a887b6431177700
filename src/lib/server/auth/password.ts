import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the OWASP Password Storage Cheat Sheet's first recommended setting:
 * 19 MiB of memory, 2 iterations, 1 degree of parallelism.
 */
const ARGON2ID = 2;
const options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };

export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		// A malformed stored hash is a failed sign-in, not a crash.
		return false;
	}
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same argon2 work as a real check, for sign-ins with an unknown email or an account
 * without a password, so response time does not reveal which emails exist.
 */
export async function burnPasswordCheck(password: string): Promise<false> {
	dummyHash ??= hashPassword('ripple-timing-equaliser');
	await verifyPassword(await dummyHash, password);
	return false;
}
