import { z } from 'zod';
import { recordAudit, type AuditWording } from '../audit/log';
import { config } from '../config';
import type { Db } from '../db';
import { newId } from '../db/ids';
import type { IdentityProviderRow } from '../db/schema';
import { listActiveAdmins } from '../people/queries';
import { refuse, type ServiceResult } from '../service-result';
import { m } from '../../paraglide/messages.js';
import type { Actor } from './actor';
import { callbackUrl, forgetProviderConfigurations, testProvider } from './oidc';
import { openSecret, sealSecret, SecretsKeyError } from './secrets';
import { providersFromConfig, signInProviders, ssoForcedSetting } from './sso';
import {
	isClaimName,
	isDomain,
	normaliseDomains,
	providerFromRow,
	scopesWithOpenId,
	SLUG_PATTERN,
	type SsoProvider
} from './sso-providers';

/**
 * Single sign-on as admins run it: the providers stored in Ripple (each tested against the real
 * provider before it is saved), the environment's shown beside them read-only, and whether password
 * sign-in is off for all but the break-glass admins. Every change is audited.
 */

const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on');
const claim = z
	.string()
	.trim()
	.max(100)
	.refine((v) => v === '' || isClaimName(v), { error: () => m.admin_sso_claim_invalid() })
	.transform((v) => (v === '' ? null : v));

export const providerFormSchema = z.object({
	display_name: z
		.string()
		.trim()
		.min(1, { error: () => m.admin_sso_name_required() })
		.max(80, { error: () => m.admin_sso_name_too_long() }),
	slug: z
		.string()
		.trim()
		.toLowerCase()
		.regex(SLUG_PATTERN, { error: () => m.admin_sso_slug_invalid() }),
	issuer: z
		.string()
		.trim()
		.max(500, { error: () => m.admin_sso_issuer_invalid() })
		.refine(isIssuerUrl, { error: () => m.admin_sso_issuer_invalid() })
		.transform((v) => v.replace(/\/+$/, '')),
	client_id: z
		.string()
		.trim()
		.min(1, { error: () => m.admin_sso_client_id_required() })
		.max(255, { error: () => m.admin_sso_client_id_too_long() }),
	client_secret: z.string().max(1000, { error: () => m.admin_sso_secret_too_long() }),
	scopes: z
		.string()
		.trim()
		.max(300, { error: () => m.admin_sso_scopes_invalid() })
		.refine((v) => /^[\x21-\x7e\s]*$/.test(v), { error: () => m.admin_sso_scopes_invalid() })
		.transform((v) => scopesWithOpenId(v.split(/[\s,]+/))),
	domains: z
		.string()
		.max(2000, { error: () => m.admin_sso_domains_too_long() })
		.transform((v) => normaliseDomains(v.split(/[\s,;]+/)))
		.superRefine((domains, ctx) => {
			const wrong = domains.find((d) => !isDomain(d));
			if (wrong) ctx.addIssue({ code: 'custom', message: m.admin_sso_domain_invalid({ domain: wrong }) });
		}),
	allow_new_people: checkbox,
	claim_department: claim,
	claim_job_title: claim,
	claim_employee_id: claim,
	enabled: checkbox
});
export type ProviderForm = z.infer<typeof providerFormSchema>;

/** https everywhere; plain http only for a provider on this machine (development, tests). */
function isIssuerUrl(value: string): boolean {
	try {
		const url = new URL(value);
		const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
		return (url.protocol === 'https:' || (url.protocol === 'http:' && local)) && !url.search && !url.hash;
	} catch {
		return false;
	}
}

export interface ProviderListing {
	slug: string;
	displayName: string;
	issuer: string;
	clientId: string;
	scopes: string[];
	domains: string[];
	allowNewPeople: boolean;
	claims: SsoProvider['claims'];
	source: 'environment' | 'admin';
	/** ready: people can use it; disabled by an admin; its secret cannot be opened; its slug is the environment's. */
	status: 'ready' | 'disabled' | 'secret_unreadable' | 'shadowed';
	redirectUri: string;
	linkedPeople: number;
}

export interface SsoOverview {
	providers: ProviderListing[];
	forced: boolean;
	/** Whether forcing applies now (a provider is there to sign in with). */
	forcedApplies: boolean;
	breakGlassIds: string[];
	admins: { id: string; name: string; email: string }[];
	secretsKeySet: boolean;
	redirectUriPattern: string;
}

function listingOf(
	provider: SsoProvider,
	status: ProviderListing['status'],
	origin: string,
	linked: Map<string, number>
) {
	// Everything but the secret, which never leaves the server.
	return {
		slug: provider.slug,
		displayName: provider.displayName,
		issuer: provider.issuer,
		clientId: provider.clientId,
		scopes: provider.scopes,
		domains: provider.domains,
		allowNewPeople: provider.allowNewPeople,
		claims: provider.claims,
		source: provider.source,
		status,
		redirectUri: callbackUrl(origin, provider.slug),
		linkedPeople: linked.get(provider.slug) ?? 0
	};
}

function secretOpens(sealed: string): string | null {
	try {
		return openSecret(sealed, config.secretsKey);
	} catch (err) {
		if (err instanceof SecretsKeyError) return null;
		throw err;
	}
}

export async function ssoOverview(database: Db, origin: string): Promise<SsoOverview> {
	const [rows, counts, forced, breakGlass, admins, available] = await Promise.all([
		database.selectFrom('identity_providers').selectAll().orderBy('display_name').execute(),
		database
			.selectFrom('person_identities')
			.select(['provider', (eb) => eb.fn.countAll<number>().as('n')])
			.groupBy('provider')
			.execute(),
		ssoForcedSetting(database),
		database.selectFrom('sso_break_glass').select('person_id').execute(),
		listActiveAdmins(database),
		signInProviders(database)
	]);
	const linked = new Map(counts.map((c) => [c.provider, Number(c.n)]));
	const environment = providersFromConfig();
	const taken = new Set(environment.map((p) => p.slug));
	const stored = rows.map((row) => {
		const secret = secretOpens(row.client_secret);
		const status: ProviderListing['status'] = taken.has(row.slug)
			? 'shadowed'
			: secret === null
				? 'secret_unreadable'
				: row.enabled === 1
					? 'ready'
					: 'disabled';
		return listingOf(providerFromRow(row, secret ?? ''), status, origin, linked);
	});
	return {
		providers: [...environment.map((p) => listingOf(p, 'ready', origin, linked)), ...stored],
		forced,
		forcedApplies: forced && available.length > 0,
		breakGlassIds: breakGlass.map((b) => b.person_id),
		admins,
		secretsKeySet: config.secretsKey !== null,
		redirectUriPattern: callbackUrl(origin, '<slug>')
	};
}

/** A stored provider as its edit form shows it: never its secret. */
export async function storedProviderForm(database: Db, slug: string) {
	const row = await database.selectFrom('identity_providers').selectAll().where('slug', '=', slug).executeTakeFirst();
	if (!row) return undefined;
	return {
		display_name: row.display_name,
		slug: row.slug,
		issuer: row.issuer,
		client_id: row.client_id,
		scopes: row.scopes,
		domains: (JSON.parse(row.domains) as string[]).join(', '),
		allow_new_people: row.allow_new_people === 1,
		claim_department: row.claim_department ?? '',
		claim_job_title: row.claim_job_title ?? '',
		claim_employee_id: row.claim_employee_id ?? '',
		enabled: row.enabled === 1
	};
}

export type ProviderCheck = (provider: SsoProvider) => ReturnType<typeof testProvider>;

/**
 * The provider a form describes, with the secret typed or (editing, left empty) the stored one.
 * Refuses when there is no secret to use.
 */
async function providerFromForm(
	database: Db,
	input: ProviderForm,
	existing: IdentityProviderRow | undefined
): Promise<ServiceResult<{ provider: SsoProvider }>> {
	let secret = input.client_secret;
	if (secret === '') {
		if (!existing) return refuse('client_secret', 'admin_sso_secret_required');
		const opened = secretOpens(existing.client_secret);
		if (opened === null) return refuse('client_secret', 'admin_sso_secret_unreadable');
		secret = opened;
	}
	return {
		ok: true,
		provider: {
			slug: existing?.slug ?? input.slug,
			displayName: input.display_name,
			issuer: input.issuer,
			clientId: input.client_id,
			clientSecret: secret,
			scopes: input.scopes,
			domains: input.domains,
			allowNewPeople: input.allow_new_people,
			claims: {
				department: input.claim_department,
				jobTitle: input.claim_job_title,
				employeeId: input.claim_employee_id
			},
			source: 'admin'
		}
	};
}

/** "Test configuration": discovery answers and the signing keys load, without saving anything. */
export async function checkProviderForm(
	database: Db,
	input: ProviderForm,
	existingSlug: string | null,
	check: ProviderCheck = testProvider
): Promise<ServiceResult<{ keys: number }>> {
	const existing = existingSlug ? await storedRow(database, existingSlug) : undefined;
	const built = await providerFromForm(database, input, existing);
	if (!built.ok) return built;
	const result = await check(built.provider);
	if (!result.ok) return refuse('issuer', `admin_sso_test_failed_${result.step}`, { detail: result.detail });
	return { ok: true, keys: result.keys };
}

function storedRow(database: Db, slug: string) {
	return database.selectFrom('identity_providers').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** What changed between the stored provider and the form, as the audit entry names them. */
const fieldInText: Record<string, AuditWording> = {
	display_name: { code: 'admin_sso_field_name_in_text' },
	issuer: { code: 'admin_sso_field_issuer_in_text' },
	client_id: { code: 'admin_sso_field_client_id_in_text' },
	client_secret: { code: 'admin_sso_field_secret_in_text' },
	scopes: { code: 'admin_sso_field_scopes_in_text' },
	domains: { code: 'admin_sso_field_domains_in_text' },
	allow_new_people: { code: 'admin_sso_field_new_people_in_text' },
	claims: { code: 'admin_sso_field_claims_in_text' },
	enabled: { code: 'admin_sso_field_enabled_in_text' }
};

/**
 * Creates (existingSlug null) or updates a stored provider, after testing it against the real
 * provider: a configuration that cannot work is not saved. The secret is sealed with SECRETS_KEY.
 */
export async function saveProvider(
	database: Db,
	actor: Actor,
	input: ProviderForm,
	existingSlug: string | null,
	now: Date,
	check: ProviderCheck = testProvider
): Promise<ServiceResult<{ slug: string }>> {
	if (!config.secretsKey) return refuse('_form', 'admin_sso_secrets_key_missing');
	const existing = existingSlug ? await storedRow(database, existingSlug) : undefined;
	if (existingSlug && !existing) return refuse('_form', 'admin_sso_provider_gone');
	if (!existing) {
		if (providersFromConfig().some((p) => p.slug === input.slug)) return refuse('slug', 'admin_sso_slug_taken');
		if (await storedRow(database, input.slug)) return refuse('slug', 'admin_sso_slug_taken');
	}
	const built = await providerFromForm(database, input, existing);
	if (!built.ok) return built;
	const { provider } = built;
	const tested = await check(provider);
	if (!tested.ok) return refuse('issuer', `admin_sso_test_failed_${tested.step}`, { detail: tested.detail });

	const at = now.toISOString();
	const values = {
		display_name: provider.displayName,
		issuer: provider.issuer,
		client_id: provider.clientId,
		client_secret: sealSecret(provider.clientSecret, config.secretsKey),
		scopes: provider.scopes.join(' '),
		domains: JSON.stringify(provider.domains),
		allow_new_people: provider.allowNewPeople ? 1 : 0,
		claim_department: provider.claims.department,
		claim_job_title: provider.claims.jobTitle,
		claim_employee_id: provider.claims.employeeId,
		enabled: input.enabled ? 1 : 0,
		updated_at: at
	};
	await database.transaction().execute(async (trx) => {
		if (!existing) {
			await trx
				.insertInto('identity_providers')
				.values({ id: newId(), slug: provider.slug, created_at: at, ...values })
				.execute();
			await recordAudit(trx, {
				actorId: actor.id,
				action: 'sso.provider_created',
				objectType: 'identity_provider',
				objectId: provider.slug,
				summary: { code: 'admin_audit_sso_provider_created', params: { provider: provider.displayName } },
				details: { slug: provider.slug, issuer: provider.issuer, domains: provider.domains },
				ip: actor.ip,
				at: now
			});
			return;
		}
		const changed: string[] = [];
		if (existing.display_name !== values.display_name) changed.push('display_name');
		if (existing.issuer !== values.issuer) changed.push('issuer');
		if (existing.client_id !== values.client_id) changed.push('client_id');
		if (input.client_secret !== '') changed.push('client_secret');
		if (existing.scopes !== values.scopes) changed.push('scopes');
		if (existing.domains !== values.domains) changed.push('domains');
		if (existing.allow_new_people !== values.allow_new_people) changed.push('allow_new_people');
		if (
			existing.claim_department !== values.claim_department ||
			existing.claim_job_title !== values.claim_job_title ||
			existing.claim_employee_id !== values.claim_employee_id
		)
			changed.push('claims');
		if (existing.enabled !== values.enabled) changed.push('enabled');
		await trx.updateTable('identity_providers').set(values).where('slug', '=', existing.slug).execute();
		if (changed.length === 0) return;
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'sso.provider_updated',
			objectType: 'identity_provider',
			objectId: existing.slug,
			summary: {
				code: 'admin_audit_sso_provider_updated',
				params: { provider: provider.displayName, fields: changed.map((f) => fieldInText[f]!) }
			},
			details: { slug: existing.slug, changed },
			ip: actor.ip,
			at: now
		});
	});
	forgetProviderConfigurations();
	return { ok: true, slug: provider.slug };
}

/** Removes a stored provider and the links people had through it (their accounts stay). */
export async function deleteProvider(
	database: Db,
	actor: Actor,
	slug: string,
	now: Date
): Promise<ServiceResult<{ unlinked: number }>> {
	return database.transaction().execute(async (trx) => {
		const row = await storedRow(trx, slug);
		if (!row) return refuse('_form', 'admin_sso_provider_gone');
		const unlinked = await trx.deleteFrom('person_identities').where('provider', '=', slug).executeTakeFirst();
		await trx.deleteFrom('identity_providers').where('slug', '=', slug).execute();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'sso.provider_deleted',
			objectType: 'identity_provider',
			objectId: slug,
			summary: { code: 'admin_audit_sso_provider_deleted', params: { provider: row.display_name } },
			details: { slug, unlinked: Number(unlinked.numDeletedRows) },
			ip: actor.ip,
			at: now
		});
		forgetProviderConfigurations();
		return { ok: true as const, unlinked: Number(unlinked.numDeletedRows) };
	});
}

export const enforcementSchema = z.object({
	forced: checkbox,
	break_glass: z.array(z.string().max(64)).max(100)
});

/**
 * Turns password sign-in off for everyone but the named admins (break-glass accounts), or back on.
 * Forcing needs a provider to sign in with and at least one break-glass admin, so that a provider
 * outage never locks every admin out.
 */
export async function setSsoEnforcement(
	database: Db,
	actor: Actor,
	input: z.infer<typeof enforcementSchema>,
	now: Date
): Promise<ServiceResult<{ changed: boolean }>> {
	const wanted = [...new Set(input.break_glass)];
	if (input.forced && (await signInProviders(database)).length === 0)
		return refuse('forced', 'admin_sso_force_needs_provider');
	if (input.forced && wanted.length === 0) return refuse('break_glass', 'admin_sso_force_needs_break_glass');
	return database.transaction().execute(async (trx) => {
		const admins = (await listActiveAdmins(trx)).filter((admin) => wanted.includes(admin.id));
		if (admins.length !== wanted.length) return refuse('break_glass', 'admin_sso_break_glass_admins_only');
		const before = await ssoForcedSetting(trx);
		const current = (await trx.selectFrom('sso_break_glass').select('person_id').execute()).map((r) => r.person_id);
		const added = wanted.filter((id) => !current.includes(id));
		const removed = current.filter((id) => !wanted.includes(id));
		if (before === input.forced && added.length === 0 && removed.length === 0)
			return { ok: true as const, changed: false };

		await trx
			.insertInto('app_meta')
			.values({ key: 'sso_forced', value: input.forced ? '1' : '0' })
			.onConflict((oc) => oc.column('key').doUpdateSet({ value: input.forced ? '1' : '0' }))
			.execute();
		if (removed.length > 0) await trx.deleteFrom('sso_break_glass').where('person_id', 'in', removed).execute();
		if (added.length > 0)
			await trx
				.insertInto('sso_break_glass')
				.values(added.map((person_id) => ({ person_id, created_at: now.toISOString() })))
				.execute();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'sso.enforcement_changed',
			objectType: 'organisation',
			objectId: null,
			summary: {
				code: input.forced ? 'admin_audit_sso_forced' : 'admin_audit_sso_not_forced',
				params: { names: admins.map((a) => a.name) }
			},
			details: { forced: input.forced, breakGlass: wanted },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const, changed: true };
	});
}
