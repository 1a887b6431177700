import { recordAudit } from '../audit/log';
import { notify } from '../notifications/notify';
import type { Db } from '../db';
import { getPasswordHash, setPasswordHash } from '../people/credentials';
import { getPersonDetail } from '../people/directory';
import type { Actor } from '../auth/actor';
import { refuse, type ServiceResult } from '../service-result';
import { hashPassword, verifyPassword } from './password';
import { invalidatePersonSessions } from './session';
import { checkThrottle, recordFailure, throttleKeys } from './throttle';

/**
 * Changes a person's own password and ends every other session they have. Wrong current
 * passwords count towards the same throttle as sign-in, so a borrowed session cannot be used to
 * guess the password.
 */
export async function changePassword(
	database: Db,
	actor: Actor,
	currentSessionId: string,
	input: { current: string; password: string },
	now: Date
): Promise<ServiceResult<object>> {
	// The same keys as sign-in: the account's email and the client's address.
	const email = (await getPersonDetail(database, actor.id))?.email ?? actor.id;
	const keys = throttleKeys(email, actor.ip ?? 'unknown');
	const throttle = await checkThrottle(database, keys, now);
	if (throttle.blocked) {
		const minutes = Math.ceil(throttle.retryAfterSeconds / 60);
		return refuse('current', 'shell_password_throttled', { minutes });
	}
	const stored = await getPasswordHash(database, actor.id);
	if (!stored || !(await verifyPassword(stored, input.current))) {
		await recordFailure(database, keys, now);
		return refuse('current', 'shell_password_wrong_current');
	}
	const passwordHash = await hashPassword(input.password);
	await database.transaction().execute(async (trx) => {
		await setPasswordHash(trx, actor.id, passwordHash, now);
		await invalidatePersonSessions(trx, actor.id, currentSessionId);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'auth.password_changed',
			objectType: 'person',
			objectId: actor.id,
			summary: { code: 'auth_audit_password_changed' },
			ip: actor.ip,
			at: now
		});
		// If it was not them, the email is how they find out.
		await notify(
			trx,
			[
				{
					to: actor.id,
					kind: 'account.password_changed',
					subject: { type: 'person', id: actor.id },
					href: '/profile',
					params: { at: now.toISOString() }
				}
			],
			now
		);
	});
	return { ok: true };
}
