import { describe, expect, it } from 'vitest';
import { providerForEmail, providersFromEnvironment, scopesWithOpenId } from './sso-providers';

const entra = {
	slug: 'entra',
	displayName: 'Microsoft',
	issuer: 'https://login.microsoftonline.com/tenant/v2.0/',
	clientId: 'client',
	clientSecret: 'secret',
	domains: ['Example.com', ' example.org ']
};

describe('providers from the environment', () => {
	it('are none when the variable is unset', () => {
		expect(providersFromEnvironment(null)).toEqual([]);
	});

	it('read with defaults: openid scopes, no new people, no claims, tidy issuer and domains', () => {
		const [provider] = providersFromEnvironment(JSON.stringify([entra]));
		expect(provider).toMatchObject({
			slug: 'entra',
			issuer: 'https://login.microsoftonline.com/tenant/v2.0',
			scopes: ['openid', 'email', 'profile'],
			domains: ['example.com', 'example.org'],
			allowNewPeople: false,
			claims: { department: null, jobTitle: null, employeeId: null },
			source: 'environment'
		});
	});

	it('name the field at fault', () => {
		expect(() => providersFromEnvironment('{nope')).toThrow(/JSON array/);
		expect(() => providersFromEnvironment(JSON.stringify([{ ...entra, issuer: 'ftp://x' }]))).toThrow(/0\.issuer/);
		expect(() => providersFromEnvironment(JSON.stringify([{ ...entra, slug: 'Bad Slug' }]))).toThrow(/0\.slug/);
		expect(() => providersFromEnvironment(JSON.stringify([{ ...entra, domains: ['not a domain'] }]))).toThrow(
			/0\.domains\.0/
		);
		expect(() => providersFromEnvironment(JSON.stringify([entra, entra]))).toThrow(/used twice/);
	});
});

describe('scopes', () => {
	it('always ask for openid, once, first', () => {
		expect(scopesWithOpenId(['email', 'openid', 'email', 'profile'])).toEqual(['openid', 'email', 'profile']);
		expect(scopesWithOpenId([])).toEqual(['openid']);
	});
});

describe('home-realm discovery', () => {
	const providers = providersFromEnvironment(
		JSON.stringify([entra, { ...entra, slug: 'okta', domains: ['okta.test'] }])
	);

	it('finds the provider serving an email’s domain, whatever its case', () => {
		expect(providerForEmail(providers, 'Ana@EXAMPLE.com')?.slug).toBe('entra');
		expect(providerForEmail(providers, 'bo@okta.test')?.slug).toBe('okta');
	});

	it('finds none for other domains, subdomains or text without a domain', () => {
		expect(providerForEmail(providers, 'ana@mail.example.com')).toBeUndefined();
		expect(providerForEmail(providers, 'ana@elsewhere.com')).toBeUndefined();
		expect(providerForEmail(providers, 'ana')).toBeUndefined();
	});
});
