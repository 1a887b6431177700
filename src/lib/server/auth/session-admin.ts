import { recordAudit } from '../audit/log';
import type { Db } from '../db';
import { contactsOf, getPersonDetail } from '../people/directory';
import { notify } from '../notifications/notify';
import type { Actor } from '../auth/actor';
import { refuse, type ServiceResult } from '../service-result';
import { defaultSessionPolicy, judgeSession, sessionExpiresAt, type SessionPolicy } from './session-policy';

/**
 * Admins see a person's live sessions and can end them: one (a lost laptop) or all (a suspected
 * leak). The person is signed out on their next request; both are audited. An admin's own current
 * session is shown but not offered for ending here; signing out does that.
 */

export interface SessionSummary {
	id: string;
	startedAt: string;
	lastActiveAt: string;
	expiresAt: string;
	current: boolean;
}

export async function liveSessionsOf(
	database: Db,
	personId: string,
	now: Date,
	currentSessionId: string | null,
	policy: SessionPolicy = defaultSessionPolicy
): Promise<SessionSummary[]> {
	const rows = await database
		.selectFrom('sessions')
		.select(['id', 'created_at', 'last_verified_at'])
		.where('person_id', '=', personId)
		.orderBy('last_verified_at', 'desc')
		.execute();
	return rows
		.filter((s) => judgeSession(s, now, policy) !== 'expired')
		.map((s) => ({
			id: s.id,
			startedAt: s.created_at,
			lastActiveAt: s.last_verified_at,
			expiresAt: sessionExpiresAt(s, policy).toISOString(),
			current: s.id === currentSessionId
		}));
}

/** Ends one session of the person, or all of them (`sessionId` null), except the actor's own current one. */
export async function endSessions(
	database: Db,
	actor: Actor & { sessionId: string | null },
	personId: string,
	sessionId: string | null,
	now: Date
): Promise<ServiceResult<{ ended: number }>> {
	return database.transaction().execute(async (trx) => {
		const person = await getPersonDetail(trx, personId);
		if (!person) return refuse('_form', 'shell_session_person_gone');
		let query = trx.deleteFrom('sessions').where('person_id', '=', personId);
		if (sessionId !== null) query = query.where('id', '=', sessionId);
		if (actor.sessionId) query = query.where('id', '!=', actor.sessionId);
		const ended = Number((await query.executeTakeFirst()).numDeletedRows);
		if (sessionId !== null && ended === 0) return refuse('_form', 'shell_session_already_ended');
		if (ended > 0) {
			await recordAudit(trx, {
				actorId: actor.id,
				action: 'session.ended',
				objectType: 'person',
				objectId: personId,
				summary:
					sessionId === null
						? { code: 'auth_audit_sessions_ended', params: { name: person.name, count: ended } }
						: { code: 'auth_audit_session_ended', params: { name: person.name } },
				details: { sessions: ended },
				ip: actor.ip,
				at: now
			});
			if (personId !== actor.id) {
				const [admin] = await contactsOf(trx, [actor.id]);
				await notify(
					trx,
					[
						{
							to: personId,
							kind: 'account.sessions_ended',
							subject: { type: 'person', id: personId },
							href: '/login',
							params: { by: admin?.name ?? '', at: now.toISOString() }
						}
					],
					now
				);
			}
		}
		return { ok: true as const, ended };
	});
}
