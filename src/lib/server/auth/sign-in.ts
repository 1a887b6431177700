import { recordAudit } from '../audit/log';
import { notify, wantsSignInEmails } from '../notifications/notify';
import type { Db } from '../db';
import { findPersonByEmail } from '../people/directory';
import { burnPasswordCheck, verifyPassword } from './password';
import { createSession } from './session';
import { checkThrottle, clearAccountFailures, recordFailure, throttleKeys } from './throttle';

export type SignInResult =
	| { ok: true; token: string; personId: string }
	| { ok: false; reason: 'invalid' }
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
	const { token } = await createSession(database, person.id, now);
	await recordAudit(database, {
		actorId: person.id,
		action: 'auth.sign_in',
		objectType: 'person',
		objectId: person.id,
		summary: { code: 'auth_audit_signed_in', params: { name: person.name } },
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
	return { ok: true, token, personId: person.id };
}
