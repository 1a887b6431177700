import * as client from 'openid-client';
import type { Db } from '../db';
import type { SsoProvider } from './sso-providers';
import { generateSecret, hashSecret } from './tokens';

/**
 * The OpenID Connect Authorization Code flow with PKCE, `state` and `nonce`, through
 * openid-client. `startSignIn` keeps what the callback must check in `sso_logins` (not in a
 * cookie, so any instance can finish what another started) and sends the person to the provider;
 * `finishSignIn` takes that row (deleting it, so a replayed callback finds nothing) and lets
 * openid-client verify the ID token: signature against the provider's JWKS, issuer, audience,
 * expiry and nonce. Who the token's subject is in Ripple is sso-sign-in.ts's business.
 */

/** How long a person may spend at the provider before the sign-in must start again. */
const LOGIN_TTL_MS = 10 * 60 * 1000;
/** Discovery documents are read again after this long, so a provider's changes reach Ripple. */
const DISCOVERY_TTL_MS = 60 * 60 * 1000;

const configurations = new Map<string, { at: number; configuration: Promise<client.Configuration> }>();

/** Plain http is refused except on this machine, where tests and local providers run. */
function isLocal(url: URL): boolean {
	return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * Reads the issuer's discovery document. Signatures are checked on every ID token, also those
 * fetched straight from the token endpoint: openid-client trusts TLS there by default, and Ripple
 * refuses a forged or altered token whatever carried it.
 */
async function discover(provider: SsoProvider): Promise<client.Configuration> {
	const issuer = new URL(provider.issuer);
	const execute = [client.enableNonRepudiationChecks];
	if (isLocal(issuer)) execute.push(client.allowInsecureRequests);
	return client.discovery(issuer, provider.clientId, provider.clientSecret, undefined, { execute });
}

/**
 * The provider's metadata, read from its issuer's discovery document and kept an hour per
 * provider and credentials. A failed read is not kept, so the next sign-in tries again.
 */
export function providerConfiguration(provider: SsoProvider, nowMs = Date.now()): Promise<client.Configuration> {
	const key = JSON.stringify([provider.issuer, provider.clientId, hashSecret(provider.clientSecret)]);
	const cached = configurations.get(key);
	if (cached && nowMs - cached.at < DISCOVERY_TTL_MS) return cached.configuration;
	const configuration = discover(provider);
	configurations.set(key, { at: nowMs, configuration });
	configuration.catch(() => configurations.delete(key));
	return configuration;
}

/** Forgets cached metadata (after an admin changes a provider, and between tests). */
export function forgetProviderConfigurations(): void {
	configurations.clear();
}

/**
 * Checks that a provider can be used before it is saved: discovery answers, it speaks the code
 * flow, and its signing keys load. Returns what failed, in the provider's own words.
 */
export async function testProvider(
	provider: SsoProvider
): Promise<{ ok: true; keys: number } | { ok: false; step: 'discovery' | 'jwks'; detail: string }> {
	let configuration: client.Configuration;
	try {
		configuration = await discover(provider);
	} catch (err) {
		return { ok: false, step: 'discovery', detail: describe(err) };
	}
	const jwksUri = configuration.serverMetadata().jwks_uri;
	if (!jwksUri) return { ok: false, step: 'jwks', detail: 'The discovery document names no jwks_uri.' };
	try {
		const response = await fetch(jwksUri, {
			headers: { accept: 'application/json' },
			signal: AbortSignal.timeout(10_000)
		});
		if (!response.ok) return { ok: false, step: 'jwks', detail: `HTTP ${response.status} from ${jwksUri}` };
		const body = (await response.json()) as { keys?: unknown };
		if (!Array.isArray(body.keys) || body.keys.length === 0)
			return { ok: false, step: 'jwks', detail: `${jwksUri} lists no keys.` };
		return { ok: true, keys: body.keys.length };
	} catch (err) {
		return { ok: false, step: 'jwks', detail: describe(err) };
	}
}

/** An error as one line for the audit log's details. */
export function describe(err: unknown): string {
	if (err instanceof Error) {
		const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
		return `${err.message}${cause}`.slice(0, 500);
	}
	return String(err).slice(0, 500);
}

export function callbackUrl(origin: string, slug: string): string {
	return `${origin.replace(/\/+$/, '')}/login/sso/${slug}/callback`;
}

/** Records a new sign-in and returns the provider's authorization URL to send the person to. */
export async function startSignIn(
	database: Db,
	provider: SsoProvider,
	input: { origin: string; returnTo: string; loginHint?: string | null },
	now: Date
): Promise<URL> {
	const configuration = await providerConfiguration(provider);
	const state = generateSecret();
	const nonce = generateSecret();
	const codeVerifier = client.randomPKCECodeVerifier();
	// Sign-ins abandoned at the provider are tidied away by the next one.
	await database.deleteFrom('sso_logins').where('expires_at', '<', now.toISOString()).execute();
	await database
		.insertInto('sso_logins')
		.values({
			state_hash: hashSecret(state),
			provider: provider.slug,
			nonce,
			code_verifier: codeVerifier,
			return_to: input.returnTo,
			created_at: now.toISOString(),
			expires_at: new Date(now.getTime() + LOGIN_TTL_MS).toISOString()
		})
		.execute();
	return client.buildAuthorizationUrl(configuration, {
		redirect_uri: callbackUrl(input.origin, provider.slug),
		scope: provider.scopes.join(' '),
		code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
		code_challenge_method: 'S256',
		state,
		nonce,
		// The email typed on Ripple's sign-in page, so the provider need not ask for it again.
		...(input.loginHint ? { login_hint: input.loginHint } : {})
	});
}

/** The ID token's claims, verified. */
export type IdTokenClaims = client.IDToken;

export type FinishedSignIn =
	| { ok: true; claims: IdTokenClaims; returnTo: string }
	| {
			ok: false;
			/**
			 * unknown_state: no sign-in started with this state (replayed, forged, or already used);
			 * expired: started too long ago; wrong_provider: the callback came to another provider's
			 * address; denied: the provider answered with an error (the person cancelled, or is not
			 * allowed); unreachable: the provider's metadata could not be read; invalid: the answer or
			 * its ID token failed verification.
			 */
			reason: 'unknown_state' | 'expired' | 'wrong_provider' | 'denied' | 'unreachable' | 'invalid';
			detail?: string;
			returnTo?: string;
	  };

/** Completes a sign-in from the provider's redirect back to `callback`. */
export async function finishSignIn(
	database: Db,
	provider: SsoProvider,
	callback: URL,
	input: { origin: string },
	now: Date
): Promise<FinishedSignIn> {
	const state = callback.searchParams.get('state');
	if (!state) return { ok: false, reason: 'unknown_state' };
	// Taking the row is what makes a state single-use, also when two callbacks race.
	const login = await database
		.deleteFrom('sso_logins')
		.where('state_hash', '=', hashSecret(state))
		.returningAll()
		.executeTakeFirst();
	if (!login) return { ok: false, reason: 'unknown_state' };
	const returnTo = login.return_to;
	if (login.expires_at < now.toISOString()) return { ok: false, reason: 'expired', returnTo };
	if (login.provider !== provider.slug) return { ok: false, reason: 'wrong_provider', returnTo };
	const providerError = callback.searchParams.get('error');
	if (providerError) {
		const description = callback.searchParams.get('error_description');
		return {
			ok: false,
			reason: 'denied',
			detail: description ? `${providerError}: ${description}` : providerError,
			returnTo
		};
	}

	let configuration: client.Configuration;
	try {
		configuration = await providerConfiguration(provider);
	} catch (err) {
		return { ok: false, reason: 'unreachable', detail: describe(err), returnTo };
	}
	try {
		// openid-client compares the redirect URI it is given with the one the code was issued for,
		// so the callback is rebuilt on Ripple's configured origin, whatever proxy headers said.
		const current = new URL(callbackUrl(input.origin, provider.slug));
		current.search = callback.search;
		const tokens = await client.authorizationCodeGrant(configuration, current, {
			pkceCodeVerifier: login.code_verifier,
			expectedState: state,
			expectedNonce: login.nonce,
			idTokenExpected: true
		});
		const claims = tokens.claims();
		if (!claims) return { ok: false, reason: 'invalid', detail: 'The provider sent no ID token.', returnTo };
		return { ok: true, claims, returnTo };
	} catch (err) {
		return { ok: false, reason: 'invalid', detail: describe(err), returnTo };
	}
}
