import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithoutBrowser, startOpenIdProvider, type TestOpenIdProvider } from '../oidc-provider.js';

// Never fetched: the sign-in stops at the redirect to it.
const redirectUri = 'http://localhost:4173/auth/oidc/callback';
const testClient = { client_id: 'ripple', client_secret: 'ripple-test-secret', redirect_uris: [redirectUri] };

let op: TestOpenIdProvider;
let config: client.Configuration;

beforeAll(async () => {
	op = await startOpenIdProvider([testClient]);
	op.people.set('ada', {
		sub: 'ada',
		email: 'ada@example.org',
		name: 'Ada Lovelace',
		extra: { department: 'Finance', job_title: 'Analyst', employee_id: 'E-1001', shoe_size: 38 }
	});
	op.people.set('bob', { sub: 'bob', email: 'bob@example.org', email_verified: false, name: 'Bob Builder' });
	config = await client.discovery(new URL(op.issuer), testClient.client_id, testClient.client_secret, undefined, {
		execute: [client.allowInsecureRequests]
	});
	// Without this openid-client trusts the ID token from the token endpoint on TLS alone and never checks its signature.
	client.enableNonRepudiationChecks(config);
});

afterAll(() => op?.close());

/** One authorization code flow with PKCE, state and nonce, as the application runs it. */
async function signIn(accountId: string) {
	const codeVerifier = client.randomPKCECodeVerifier();
	const state = client.randomState();
	const nonce = client.randomNonce();
	const authorizationUrl = client.buildAuthorizationUrl(config, {
		redirect_uri: redirectUri,
		scope: 'openid email profile',
		code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
		code_challenge_method: 'S256',
		state,
		nonce
	});
	const callback = await signInWithoutBrowser(authorizationUrl.href, accountId);
	return client.authorizationCodeGrant(config, new URL(callback), {
		pkceCodeVerifier: codeVerifier,
		expectedState: state,
		expectedNonce: nonce
	});
}

describe('test OpenID provider', () => {
	it('serves discovery metadata for its http issuer', () => {
		const metadata = config.serverMetadata();
		expect(metadata.issuer).toBe(op.issuer);
		expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
		expect(metadata.claims_supported).toEqual(expect.arrayContaining(['email', 'name', 'employee_id']));
	});

	it('signs a person in and releases email, name and directory claims in the ID token', async () => {
		const tokens = await signIn('ada');
		expect(tokens.claims()).toMatchObject({
			iss: op.issuer,
			aud: testClient.client_id,
			sub: 'ada',
			email: 'ada@example.org',
			email_verified: true,
			name: 'Ada Lovelace',
			department: 'Finance',
			job_title: 'Analyst',
			employee_id: 'E-1001'
		});
		// Like a real provider it releases only the claims it is configured for.
		expect(tokens.claims()).not.toHaveProperty('shoe_size');
	});

	it('passes an unverified email on as such', async () => {
		const tokens = await signIn('bob');
		expect(tokens.claims()).toMatchObject({ sub: 'bob', email: 'bob@example.org', email_verified: false });
	});

	it('refuses PKCE-less authorization requests', async () => {
		const url = client.buildAuthorizationUrl(config, { redirect_uri: redirectUri, scope: 'openid', state: 'x' });
		const callback = new URL(await signInWithoutBrowser(url.href, 'ada'));
		expect(callback.searchParams.get('error')).toBe('invalid_request');
	});

	it('ends a sign-in as someone not in people as access_denied at the client', async () => {
		const url = client.buildAuthorizationUrl(config, {
			redirect_uri: redirectUri,
			scope: 'openid',
			code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
			code_challenge_method: 'S256'
		});
		const callback = new URL(await signInWithoutBrowser(url.href, 'nobody'));
		expect(callback.origin + callback.pathname).toBe(redirectUri);
		expect(callback.searchParams.get('error')).toBe('access_denied');
	});

	it.each([
		['another issuer', 'provider', { iss: 'https://evil.example' }, 'OAUTH_JWT_CLAIM_COMPARISON_FAILED'],
		['a stranger key with the same kid', 'stranger', {}, 'OAUTH_INVALID_RESPONSE'],
		['a corrupted signature', 'corrupt', {}, 'OAUTH_INVALID_RESPONSE']
	] as const)('rejects an ID token with %s', async (_label, sign, changes, code) => {
		op.rewriteNextIdToken((payload) => ({ ...payload, ...changes }), sign);
		await expect(signIn('ada')).rejects.toMatchObject({ code });
	});

	it('rewrites one token only: the next sign-in succeeds', async () => {
		op.rewriteNextIdToken((payload) => ({ ...payload, email: 'changed@example.org' }));
		expect((await signIn('ada')).claims()?.email).toBe('changed@example.org');
		expect((await signIn('ada')).claims()?.email).toBe('ada@example.org');
	});
});
