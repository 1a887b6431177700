import { recordAudit } from '../audit/log';
import type { Actor } from '../auth/actor';
import { generateSecret, hashSecret, secretMatches } from '../auth/tokens';
import type { Db } from '../db';
import { newId } from '../db/ids';
import type { DirectoryConnection } from '../db/schema';

/**
 * Directory connections: each has its own bearer token, shown once when it is made and kept only
 * as a hash, revocable, like the metrics API's integrations. A connection sees and changes only the
 * people it provisioned.
 */

const TOKEN = /^rps_([a-z2-7]{16})_([a-z2-7]{32})$/;

export async function createConnection(
	database: Db,
	actor: Actor,
	input: { name: string; deactivationLimitPercent?: number },
	now: Date
): Promise<{ id: string; token: string }> {
	return database.transaction().execute(async (trx) => {
		const id = newId();
		const secret = generateSecret();
		await trx
			.insertInto('directory_connections')
			.values({
				id,
				name: input.name,
				token_hash: hashSecret(secret),
				deactivation_limit_percent: input.deactivationLimitPercent ?? 20,
				teams_from: 'department',
				created_by: actor.id,
				created_at: now.toISOString(),
				last_used_at: null,
				revoked_at: null
			})
			.execute();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'directory.created',
			objectType: 'directory_connection',
			objectId: id,
			summary: { code: 'admin_audit_directory_created', params: { directory: input.name } },
			ip: actor.ip,
			at: now
		});
		return { id, token: `rps_${id}_${secret}` };
	});
}

export async function revokeConnection(database: Db, actor: Actor, id: string, now: Date): Promise<boolean> {
	return database.transaction().execute(async (trx) => {
		const connection = await trx
			.selectFrom('directory_connections')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirst();
		if (!connection) return false;
		if (connection.revoked_at) return true;
		await trx
			.updateTable('directory_connections')
			.set({ revoked_at: now.toISOString() })
			.where('id', '=', id)
			.execute();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'directory.revoked',
			objectType: 'directory_connection',
			objectId: id,
			summary: { code: 'admin_audit_directory_revoked', params: { directory: connection.name } },
			ip: actor.ip,
			at: now
		});
		return true;
	});
}

/**
 * The live connection an `Authorization: Bearer …` header belongs to, or null for a missing,
 * malformed, unknown or revoked token. Records when the token was last used.
 */
export async function authenticateConnection(
	database: Db,
	authorization: string | null,
	now: Date
): Promise<DirectoryConnection | null> {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
	const token = TOKEN.exec(match?.[1] ?? '');
	if (!token) return null;
	const [, id = '', secret = ''] = token;
	const connection = await database
		.selectFrom('directory_connections')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	if (!connection || connection.revoked_at !== null || !secretMatches(connection.token_hash, secret)) return null;
	const at = now.toISOString();
	await database.updateTable('directory_connections').set({ last_used_at: at }).where('id', '=', id).execute();
	return { ...connection, last_used_at: at };
}
