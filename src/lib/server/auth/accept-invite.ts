import { recordAudit } from '../audit/log';
import type { Db } from '../db';
import { setPasswordHash } from '../people/credentials';
import { consumeInvite, lookupInvite } from './invites';
import { hashPassword } from './password';
import { createSession, invalidatePersonSessions } from './session';

export type AcceptInviteResult = { ok: true; token: string } | { ok: false; reason: 'used' | 'expired' | 'unknown' };

/**
 * Sets the password behind a one-time link and signs the person in, all or nothing. Any sessions
 * the person had before (a reset link after a lost password) end here.
 */
export async function acceptInvite(
	database: Db,
	inviteToken: string,
	password: string,
	ip: string | null,
	now: Date
): Promise<AcceptInviteResult> {
	const passwordHash = await hashPassword(password);
	return database.transaction().execute(async (trx) => {
		const invite = await lookupInvite(trx, inviteToken, now);
		if (invite.status !== 'valid') return { ok: false as const, reason: invite.status };
		if (!(await consumeInvite(trx, invite.inviteId, now))) return { ok: false as const, reason: 'used' as const };
		await setPasswordHash(trx, invite.personId, passwordHash, now);
		await invalidatePersonSessions(trx, invite.personId);
		const { token } = await createSession(trx, invite.personId, now);
		await recordAudit(trx, {
			actorId: invite.personId,
			action: 'invite.accepted',
			objectType: 'person',
			objectId: invite.personId,
			summary: { code: 'auth_audit_invite_accepted', params: { name: invite.name } },
			ip,
			at: now
		});
		return { ok: true as const, token };
	});
}
