import { z } from 'zod';
import type { IdentityProviderRow } from '../db/schema';

/**
 * The OpenID Connect providers people can sign in with: those an admin stored in Ripple and those
 * given in `SSO_PROVIDERS` (JSON) for installs configured as code. Both end up as `SsoProvider`,
 * so sign-in does not care where a provider came from; the admin shows the environment's as
 * read-only.
 */
export interface SsoProvider {
	slug: string;
	/** The provider as people know it ("Microsoft", "Okta"): the button reads "Sign in with …". */
	displayName: string;
	issuer: string;
	clientId: string;
	clientSecret: string;
	/** Always starts with `openid`. */
	scopes: string[];
	/** Lower-case email domains the provider serves (home-realm discovery, new people). */
	domains: string[];
	/** Whether the first sign-in of someone not yet in Ripple creates them (from a served domain only). */
	allowNewPeople: boolean;
	/** The ID token claims read into the person's profile; null: not read. */
	claims: ClaimMapping;
	source: 'environment' | 'admin';
}

export interface ClaimMapping {
	department: string | null;
	jobTitle: string | null;
	employeeId: string | null;
}

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
const DOMAIN_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const CLAIM_PATTERN = /^[A-Za-z0-9_:.\-/]{1,100}$/;

/** `openid` first, then the others once each, in the order given. */
export function scopesWithOpenId(scopes: readonly string[]): string[] {
	return ['openid', ...new Set(scopes.filter((s) => s && s !== 'openid'))];
}

export function normaliseDomains(domains: readonly string[]): string[] {
	return [...new Set(domains.map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean))];
}

export const isDomain = (domain: string) => DOMAIN_PATTERN.test(domain);
export const isClaimName = (claim: string) => CLAIM_PATTERN.test(claim);

const environmentProvider = z.object({
	slug: z.string().regex(SLUG_PATTERN, 'lower-case letters, digits and hyphens'),
	displayName: z.string().trim().min(1).max(80),
	issuer: z.url({ protocol: /^https?$/ }),
	clientId: z.string().trim().min(1),
	clientSecret: z.string().min(1),
	scopes: z.array(z.string().regex(/^\S+$/)).default(['openid', 'email', 'profile']),
	domains: z
		.array(
			z
				.string()
				.transform((d) => d.trim().toLowerCase())
				.refine(isDomain, 'not a domain')
		)
		.default([]),
	allowNewPeople: z.boolean().default(false),
	claims: z
		.object({
			department: z.string().regex(CLAIM_PATTERN).nullable().default(null),
			jobTitle: z.string().regex(CLAIM_PATTERN).nullable().default(null),
			employeeId: z.string().regex(CLAIM_PATTERN).nullable().default(null)
		})
		.default({ department: null, jobTitle: null, employeeId: null })
});

/**
 * Reads `SSO_PROVIDERS`. A mistake there is the operator's, found at start: it throws with the
 * provider and field at fault rather than starting with a provider that cannot work.
 */
export function providersFromEnvironment(raw: string | null): SsoProvider[] {
	if (!raw) return [];
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		throw new Error('SSO_PROVIDERS must be a JSON array of providers.');
	}
	const result = z.array(environmentProvider).safeParse(parsed);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		throw new Error(`SSO_PROVIDERS: ${issue.path.join('.') || 'value'}: ${issue.message}`);
	}
	const slugs = new Set<string>();
	return result.data.map((p) => {
		if (slugs.has(p.slug)) throw new Error(`SSO_PROVIDERS: the slug "${p.slug}" is used twice.`);
		slugs.add(p.slug);
		return {
			...p,
			issuer: p.issuer.replace(/\/+$/, ''),
			scopes: scopesWithOpenId(p.scopes),
			domains: normaliseDomains(p.domains),
			source: 'environment' as const
		};
	});
}

/** A stored provider, with its secret already opened. */
export function providerFromRow(row: IdentityProviderRow, clientSecret: string): SsoProvider {
	return {
		slug: row.slug,
		displayName: row.display_name,
		issuer: row.issuer,
		clientId: row.client_id,
		clientSecret,
		scopes: scopesWithOpenId(row.scopes.split(/\s+/)),
		domains: normaliseDomains(JSON.parse(row.domains) as string[]),
		allowNewPeople: row.allow_new_people === 1,
		claims: { department: row.claim_department, jobTitle: row.claim_job_title, employeeId: row.claim_employee_id },
		source: 'admin'
	};
}

export function emailDomain(email: string): string {
	const at = email.lastIndexOf('@');
	return at < 0
		? ''
		: email
				.slice(at + 1)
				.trim()
				.toLowerCase();
}

/** Home-realm discovery: the provider serving this email's domain, if any. */
export function providerForEmail(providers: readonly SsoProvider[], email: string): SsoProvider | undefined {
	const domain = emailDomain(email);
	return domain ? providers.find((p) => p.domains.includes(domain)) : undefined;
}
