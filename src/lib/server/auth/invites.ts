import type { Db } from '../db';
import { newId } from '../db/ids';
import { inviteExpiry, inviteStatus, type InviteStatus } from './invite-policy';
import { generateSecret, hashSecret } from './tokens';
import { queueEmailOnly } from '../notifications/notify';
import { contactsOf } from '../people/directory';

/**
 * Issues a one-time "set your password" token and emails it to the person. Earlier unused invites
 * of the same person stop working, so only the newest link handed over is live. Returns the raw
 * token: it is stored only as a hash, and in the invitation email waiting in the outbox.
 */
export async function issueInvite(
	database: Db,
	personId: string,
	createdBy: string | null,
	now: Date
): Promise<{ token: string; expiresAt: Date }> {
	const token = generateSecret();
	const expiresAt = inviteExpiry(now);
	await database
		.updateTable('invites')
		.set({ expires_at: now.toISOString() })
		.where('person_id', '=', personId)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now.toISOString())
		.execute();
	await database
		.insertInto('invites')
		.values({
			id: newId(),
			person_id: personId,
			token_hash: hashSecret(token),
			created_by: createdBy,
			created_at: now.toISOString(),
			expires_at: expiresAt.toISOString(),
			used_at: null
		})
		.execute();
	// The invitation is emailed to the person, in the transaction the caller holds.
	const contacts = await contactsOf(database, createdBy ? [personId, createdBy] : [personId]);
	const person = contacts.find((c) => c.id === personId);
	if (person)
		await queueEmailOnly(
			database,
			{
				personId,
				address: person.email,
				kind: 'account.invitation',
				href: `/invite/${token}`,
				params: { by: contacts.find((c) => c.id === createdBy)?.name ?? null, expires_at: expiresAt.toISOString() }
			},
			now
		);
	return { token, expiresAt };
}

export type InviteLookup =
	| { status: 'valid'; inviteId: string; personId: string; name: string; email: string }
	| { status: Exclude<InviteStatus, 'valid'> | 'unknown' };

/** Finds an invite by its raw token (looked up by hash) and says whether it can still be used. */
export async function lookupInvite(database: Db, token: string, now: Date): Promise<InviteLookup> {
	if (!/^[a-z2-7]{32}$/.test(token)) return { status: 'unknown' };
	const row = await database
		.selectFrom('invites')
		.innerJoin('people', 'people.id', 'invites.person_id')
		.select([
			'invites.id',
			'invites.person_id',
			'invites.expires_at',
			'invites.used_at',
			'people.name',
			'people.email',
			'people.active'
		])
		.where('invites.token_hash', '=', hashSecret(token))
		.executeTakeFirst();
	if (!row || row.active !== 1) return { status: 'unknown' };
	const status = inviteStatus(row, now);
	if (status !== 'valid') return { status };
	return { status, inviteId: row.id, personId: row.person_id, name: row.name, email: row.email };
}

/**
 * Marks an invite used. The `used_at is null` condition makes this the single winner when the
 * same link is submitted twice at once; returns false for the loser.
 */
export async function consumeInvite(database: Db, inviteId: string, now: Date): Promise<boolean> {
	const result = await database
		.updateTable('invites')
		.set({ used_at: now.toISOString() })
		.where('id', '=', inviteId)
		.where('used_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}
