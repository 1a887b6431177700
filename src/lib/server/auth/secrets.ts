import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets Ripple must be able to read back (an identity provider's client secret), sealed at rest
 * with AES-256-GCM under a key derived from `SECRETS_KEY`. A copy of the database alone then does
 * not hand out the secret, and a changed or damaged value fails loudly instead of decrypting to
 * garbage. Sealed form: `v1.<iv>.<tag>.<ciphertext>`, each part base64url.
 */
export class SecretsKeyError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SecretsKeyError';
	}
}

const VERSION = 'v1';
const MIN_KEY_LENGTH = 32;

function keyFrom(secretsKey: string | null): Buffer {
	if (!secretsKey) throw new SecretsKeyError('SECRETS_KEY is not set: Ripple cannot store or read sealed secrets.');
	if (secretsKey.length < MIN_KEY_LENGTH)
		throw new SecretsKeyError(`SECRETS_KEY must be at least ${MIN_KEY_LENGTH} characters (openssl rand -hex 32).`);
	// HKDF turns any long passphrase into exactly 32 bytes; the info string keeps this key apart
	// from anything else a future version derives from the same variable.
	return Buffer.from(hkdfSync('sha256', secretsKey, 'ripple', 'sealed-secrets-v1', 32));
}

export function sealSecret(plain: string, secretsKey: string | null): string {
	const key = keyFrom(secretsKey);
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
	const tag = cipher.getAuthTag();
	return [VERSION, iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join('.');
}

/** Reads a sealed secret back; throws SecretsKeyError when the key is missing or is not the one it was sealed with. */
export function openSecret(sealed: string, secretsKey: string | null): string {
	const key = keyFrom(secretsKey);
	const [version, iv, tag, body] = sealed.split('.');
	if (version !== VERSION || !iv || !tag || body === undefined)
		throw new SecretsKeyError('The stored secret is not in a form Ripple knows.');
	try {
		const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
		decipher.setAuthTag(Buffer.from(tag, 'base64url'));
		return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
	} catch {
		throw new SecretsKeyError('The stored secret cannot be opened with this SECRETS_KEY (was it changed?).');
	}
}
