import { recordAudit } from '../audit/log';
import type { Db } from '../db';
import { getPasswordHash, updatePerson } from '../people/queries';
import { rejected, type Actor, type ServiceResult } from '../service-result';
import { hashPassword, verifyPassword } from './password';
import { invalidatePersonSessions } from './session';

/** Changes a person's own password and ends every other session they have. */
export async function changePassword(
	database: Db,
	actor: Actor,
	currentSessionId: string,
	input: { current: string; password: string },
	now: Date
): Promise<ServiceResult<object>> {
	const stored = await getPasswordHash(database, actor.id);
	if (!stored || !(await verifyPassword(stored, input.current))) {
		return rejected({ current: 'That is not your current password' });
	}
	const passwordHash = await hashPassword(input.password);
	await database.transaction().execute(async (trx) => {
		await updatePerson(trx, actor.id, { password_hash: passwordHash, updated_at: now.toISOString() });
		await invalidatePersonSessions(trx, actor.id, currentSessionId);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'auth.password_changed',
			objectType: 'person',
			objectId: actor.id,
			summary: 'Changed their password; other sessions were ended',
			ip: actor.ip,
			at: now
		});
	});
	return { ok: true };
}
