import { recordAudit, type AuditEntry } from '../audit/log';
import { notify, wantsSignInEmails } from '../notifications/notify';
import type { Db } from '../db';
import { findPersonByEmail } from '../people/directory';
import { burnPasswordCheck, verifyPassword } from './password';
import { createSession } from './session';
import { isBreakGlass, ssoForced } from './sso';
import { checkThrottle, clearAccountFailures, recordFailure, throttleKeys } from './throttle';

export type SignInResult =
	| { ok: true; token: string; personId: string }
	| { ok: false; reason: 'invalid' }
	/** Single sign-on is forced and this is not a break-glass admin: the password was not looked at. */
	| { ok: false; reason: 'sso_required' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks credentials under the throttle. Unknown emails, inactive people and wrong passwords all
 * take the same argon2 work and get the same answer.
 */
export async function signIn(
	database: Db,
	input: { email: string; password: string; ip: string },
	now: Date
): Promise<SignInResult> {
	const email = input.email.trim().toLowerCase();
	const keys = throttleKeys(email, input.ip);

	const throttle = await checkThrottle(database, keys, now);
	if (throttle.blocked) {
		await recordAudit(database, {
			actorId: null,
			action: 'auth.sign_in_throttled',
			objectType: 'session',
			objectId: null,
			summary: { code: 'auth_audit_sign_in_throttled', params: { email } },
			details: { email, retryAfterSeconds: throttle.retryAfterSeconds },
			ip: input.ip,
			at: now
		});
		return { ok: false, reason: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };
	}

	const person = await findPersonByEmail(database, email);
	if (await ssoForced(database)) {
		if (!person || !(await isBreakGlass(database, person.id))) {
			// The same argon2 work as a real check, and the same answer for unknown addresses, so the
			// reply tells no one who has an account.
			await burnPasswordCheck(input.password);
			await recordAudit(database, {
				actorId: null,
				action: 'auth.sign_in_failed',
				objectType: 'person',
				objectId: person?.id ?? null,
				summary: { code: 'auth_audit_sign_in_failed', params: { email } },
				details: { email, known: person !== undefined, reason: 'sso_required' },
				ip: input.ip,
				at: now
			});
			return { ok: false, reason: 'sso_required' };
		}
	}
	const passwordOk =
		person && person.active === 1 && person.password_hash
			? await verifyPassword(person.password_hash, input.password)
			: await burnPasswordCheck(input.password);

	if (!person || !passwordOk) {
		await recordFailure(database, keys, now);
		await recordAudit(database, {
			actorId: null,
			action: 'auth.sign_in_failed',
			objectType: 'person',
			objectId: person?.id ?? null,
			summary: { code: 'auth_audit_sign_in_failed', params: { email } },
			details: { email, known: person !== undefined },
			ip: input.ip,
			at: now
		});
		return { ok: false, reason: 'invalid' };
	}

	await clearAccountFailures(database, keys.account);
	const { token } = await openSignedInSession(database, person, {
		ip: input.ip,
		audit: { action: 'auth.sign_in', summary: { code: 'auth_audit_signed_in', params: { name: person.name } } },
		now
	});
	return { ok: true, token, personId: person.id };
}

/**
 * What every sign-in ends with, whichever way the person proved who they are: a new session (never
 * a reused id), its audit entry, and the sign-in email for those who asked for one.
 */
export async function openSignedInSession(
	database: Db,
	person: { id: string },
	input: { ip: string; audit: Pick<AuditEntry, 'action' | 'summary' | 'details'>; now: Date }
): Promise<{ token: string }> {
	const { now } = input;
	const { token } = await createSession(database, person.id, now);
	await recordAudit(database, {
		actorId: person.id,
		objectType: 'person',
		objectId: person.id,
		...input.audit,
		ip: input.ip,
		at: now
	});
	if (await wantsSignInEmails(database, person.id))
		await notify(
			database,
			[
				{
					to: person.id,
					kind: 'account.signed_in',
					subject: { type: 'person', id: person.id },
					href: '/profile',
					params: { at: now.toISOString(), ip: input.ip }
				}
			],
			now
		);
	return { token };
}
