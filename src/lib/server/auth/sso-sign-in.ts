import { recordAudit } from '../audit/log';
import type { Db } from '../db';
import type { Person } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { defaultLocale } from '../org/settings';
import { findPersonByEmail, getPersonRow, insertPerson, newPersonRow, updatePerson } from '../people/queries';
import { isLocale } from '../../i18n/locales';
import { isTimeZone } from '../../locale';
import type { FinishedSignIn, IdTokenClaims } from './oidc';

type FinishedSignInRefusal = Extract<FinishedSignIn, { ok: false }>['reason'];
import { openSignedInSession } from './sign-in';
import { emailDomain, type SsoProvider } from './sso-providers';

/**
 * Who a verified ID token is in Ripple. In order: the person already linked to this provider's
 * `sub`; else the person with the employee id the mapped claim names; else the person with the
 * token's email, only when the provider says it verified that email (an unverified claim is
 * something the account's owner may have typed); else, when the provider creates new people and
 * serves the email's domain, a new person. Team, manager and roles never come from a token: the
 * directory (provisioning) or an admin sets them.
 */

export type SsoRefusal =
	/** The token carries no email and no link exists yet. */
	| 'no_email'
	/** Someone in Ripple has this email, but the provider did not vouch for it. */
	| 'unverified_email'
	/** Nobody in Ripple has this email and the provider does not create people. */
	| 'not_invited'
	/** The provider creates people, but not from this email's domain. */
	| 'domain_not_served'
	/** The person is deactivated in Ripple. */
	| 'inactive';

export type SsoSignInResult =
	| { ok: true; token: string; personId: string; created: boolean; linked: boolean }
	| { ok: false; reason: SsoRefusal; personId: string | null; email: string | null };

const text = (value: unknown): string | null => {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') return null;
	const trimmed = value.trim();
	return trimmed === '' ? null : trimmed.slice(0, 200);
};

/**
 * Whether the provider vouches for the email: the standard `email_verified`, or Microsoft Entra ID's
 * `xms_edov` (the email's domain is one the tenant proved it owns), since Entra sends no
 * `email_verified`. Some providers send the flag as text.
 */
export function emailIsVerified(claims: IdTokenClaims): boolean {
	const flag = (value: unknown) => value === true || value === 'true';
	return flag(claims.email_verified) || flag(claims.xms_edov);
}

export function nameFromClaims(claims: IdTokenClaims, email: string): string {
	const full = text(claims.name);
	if (full) return full;
	const parts = [text(claims.given_name), text(claims.family_name)].filter((p): p is string => p !== null);
	return parts.length > 0 ? parts.join(' ') : email.slice(0, email.indexOf('@'));
}

/** The profile fields the provider's claim mapping reads from this token (only those present). */
function mappedProfile(provider: SsoProvider, claims: IdTokenClaims) {
	const read = (claim: string | null) => (claim ? text(claims[claim]) : null);
	return {
		department: read(provider.claims.department),
		jobTitle: read(provider.claims.jobTitle),
		employeeId: read(provider.claims.employeeId)
	};
}

async function personByEmployeeId(database: Db, employeeId: string): Promise<Person | undefined> {
	return database.selectFrom('people').selectAll().where('employee_id', '=', employeeId).executeTakeFirst();
}

type Found =
	| { ok: true; person: Person; created: boolean; linked: boolean; via: 'identity' | 'employee_id' | 'email' | 'new' }
	| { ok: false; reason: SsoRefusal; person?: Person };

async function findOrCreate(
	trx: Db,
	provider: SsoProvider,
	claims: IdTokenClaims,
	email: string | null,
	now: Date
): Promise<Found> {
	const identity = await trx
		.selectFrom('person_identities')
		.select('person_id')
		.where('provider', '=', provider.slug)
		.where('subject', '=', claims.sub)
		.executeTakeFirst();
	if (identity) {
		const person = await getPersonRow(trx, identity.person_id);
		if (person) return { ok: true, person, created: false, linked: false, via: 'identity' };
	}

	const { employeeId } = mappedProfile(provider, claims);
	if (employeeId) {
		const person = await personByEmployeeId(trx, employeeId);
		if (person) return { ok: true, person, created: false, linked: true, via: 'employee_id' };
	}

	if (!email) return { ok: false, reason: 'no_email' };
	const existing = await findPersonByEmail(trx, email);
	const verified = emailIsVerified(claims);
	if (existing) {
		return verified
			? { ok: true, person: existing, created: false, linked: true, via: 'email' }
			: { ok: false, reason: 'unverified_email', person: existing };
	}
	if (!provider.allowNewPeople) return { ok: false, reason: 'not_invited' };
	if (!provider.domains.includes(emailDomain(email))) return { ok: false, reason: 'domain_not_served' };
	// A new account's email must be one the provider vouches for, or anyone able to set their own
	// email claim could take an address that a later invitation or directory sync gives someone else.
	if (!verified) return { ok: false, reason: 'unverified_email' };

	const locale = text(claims.locale);
	const zone = text(claims.zoneinfo);
	const person = newPersonRow(
		{
			email,
			name: nameFromClaims(claims, email),
			time_zone: zone && isTimeZone(zone) ? zone : 'UTC',
			language: isLocale(locale) ? locale : await defaultLocale(trx)
		},
		now
	);
	await insertPerson(trx, person);
	return { ok: true, person, created: true, linked: true, via: 'new' };
}

/** Brings the profile in line with the mapped claims; returns the fields it changed. */
async function applyMappedClaims(trx: Db, provider: SsoProvider, claims: IdTokenClaims, person: Person, now: Date) {
	const mapped = mappedProfile(provider, claims);
	const patch: { department?: string; job_title?: string; employee_id?: string } = {};
	if (mapped.department && mapped.department !== person.department) patch.department = mapped.department;
	if (mapped.jobTitle && mapped.jobTitle !== person.job_title) patch.job_title = mapped.jobTitle;
	// An employee id, once set, is the directory's to change; a token only fills a gap, and never
	// takes a number someone else already has.
	if (mapped.employeeId && !person.employee_id && !(await personByEmployeeId(trx, mapped.employeeId)))
		patch.employee_id = mapped.employeeId;
	if (Object.keys(patch).length > 0) await updatePerson(trx, person.id, { ...patch, updated_at: now.toISOString() });
	return Object.keys(patch);
}

/**
 * Signs in the person a verified ID token names, linking or creating them as described above, in
 * one transaction: a refusal writes nothing but its audit entry.
 */
export async function signInWithIdentity(
	database: Db,
	provider: SsoProvider,
	claims: IdTokenClaims,
	input: { ip: string },
	now: Date
): Promise<SsoSignInResult> {
	const email = text(claims.email)?.toLowerCase() ?? null;
	const outcome = await inTransaction(database, async (trx): Promise<SsoSignInResult> => {
		const found = await findOrCreate(trx, provider, claims, email, now);
		if (found.ok && found.person.active !== 1) return refusal('inactive', found.person.id);
		if (!found.ok) return refusal(found.reason, found.person?.id ?? null);
		const { person, created, linked, via } = found;
		const at = now.toISOString();

		if (created) {
			await recordAudit(trx, {
				actorId: person.id,
				action: 'person.created',
				objectType: 'person',
				objectId: person.id,
				summary: {
					code: 'auth_audit_sso_person_created',
					params: { name: person.name, email: person.email, provider: provider.displayName }
				},
				details: { provider: provider.slug, email: person.email },
				ip: input.ip,
				at: now
			});
		}
		if (linked) {
			await trx
				.insertInto('person_identities')
				.values({
					provider: provider.slug,
					subject: claims.sub,
					person_id: person.id,
					created_at: at,
					last_sign_in_at: at
				})
				.execute();
			await recordAudit(trx, {
				actorId: person.id,
				action: 'auth.sso_linked',
				objectType: 'person',
				objectId: person.id,
				summary: { code: 'auth_audit_sso_linked', params: { name: person.name, provider: provider.displayName } },
				details: { provider: provider.slug, subject: claims.sub, via },
				ip: input.ip,
				at: now
			});
			// An invitation still open is answered: the person is in, and its link no longer sets a password.
			await trx
				.updateTable('invites')
				.set({ used_at: at })
				.where('person_id', '=', person.id)
				.where('used_at', 'is', null)
				.execute();
		} else {
			await trx
				.updateTable('person_identities')
				.set({ last_sign_in_at: at })
				.where('provider', '=', provider.slug)
				.where('subject', '=', claims.sub)
				.execute();
		}
		const changed = await applyMappedClaims(trx, provider, claims, person, now);
		const { token } = await openSignedInSession(trx, person, {
			ip: input.ip,
			audit: {
				action: 'auth.sso_sign_in',
				summary: { code: 'auth_audit_sso_signed_in', params: { name: person.name, provider: provider.displayName } },
				details: { provider: provider.slug, ...(changed.length > 0 ? { updated: changed } : {}) }
			},
			now
		});
		return { ok: true, token, personId: person.id, created, linked };
	});
	if (!outcome.ok) await recordSsoRefusal(database, provider, { ...outcome, ip: input.ip, subject: claims.sub }, now);
	return outcome;

	function refusal(reason: SsoRefusal, personId: string | null): SsoSignInResult {
		return { ok: false, reason, personId, email };
	}
}

/** Every refused single sign-on is audited: the reason, the provider and whom the token named. */
export async function recordSsoRefusal(
	database: Db,
	provider: Pick<SsoProvider, 'slug' | 'displayName'>,
	refusal: {
		reason: SsoRefusal | FinishedSignInRefusal;
		personId?: string | null;
		email?: string | null;
		subject?: string;
		detail?: string;
		ip: string;
	},
	now: Date
): Promise<void> {
	await recordAudit(database, {
		actorId: null,
		action: 'auth.sso_refused',
		objectType: 'person',
		objectId: refusal.personId ?? null,
		summary: {
			code: 'auth_audit_sso_refused',
			params: {
				provider: provider.displayName,
				email: refusal.email ?? '—',
				reason: { code: `auth_sso_reason_${refusal.reason}` }
			}
		},
		details: {
			provider: provider.slug,
			reason: refusal.reason,
			...(refusal.email ? { email: refusal.email } : {}),
			...(refusal.subject ? { subject: refusal.subject } : {}),
			...(refusal.detail ? { detail: refusal.detail } : {})
		},
		ip: refusal.ip,
		at: now
	});
}
