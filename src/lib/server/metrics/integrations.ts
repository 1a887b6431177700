import { z } from 'zod';
import { recordAudit } from '../audit/log';
import { generateSecret, hashSecret, secretMatches } from '../auth/tokens';
import type { Db } from '../db';
import { newId } from '../db/ids';
import type { Integration } from '../db/schema';
import type { Actor } from '../auth/actor';
import { refuse, type ServiceResult } from '../service-result';
import { m } from '../../paraglide/messages.js';
import { getIntegration, insertIntegration, updateIntegration } from './queries';

export { listIntegrations } from './queries';

/**
 * BI tools that post metric values. Each has a bearer token `rpl_<id>_<secret>`: the id finds the
 * row, and only the SHA-256 of the secret is stored and compared in constant time (as sessions).
 */

export const integrationSchema = z.object({
	name: z
		.string()
		.trim()
		.min(1, { error: () => m.admin_integration_name_required() })
		.max(80, { error: () => m.admin_integration_name_too_long() })
});

const TOKEN = /^rpl_([a-z2-7]{16})_([a-z2-7]{32})$/;

export async function createIntegration(
	database: Db,
	actor: Actor,
	input: z.infer<typeof integrationSchema>,
	now: Date
): Promise<ServiceResult<{ id: string; token: string }>> {
	return database.transaction().execute(async (trx) => {
		const id = newId();
		const secret = generateSecret();
		await insertIntegration(trx, {
			id,
			name: input.name,
			token_hash: hashSecret(secret),
			created_by: actor.id,
			created_at: now.toISOString(),
			last_used_at: null,
			revoked_at: null
		});
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'integration.created',
			objectType: 'integration',
			objectId: id,
			summary: { code: 'admin_audit_integration_created', params: { name: input.name } },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const, id, token: `rpl_${id}_${secret}` };
	});
}

export async function revokeIntegration(
	database: Db,
	actor: Actor,
	id: string,
	now: Date
): Promise<ServiceResult<object>> {
	return database.transaction().execute(async (trx) => {
		const integration = await getIntegration(trx, id);
		if (!integration) return refuse('_form', 'admin_integration_gone');
		if (integration.revoked_at) return { ok: true as const };
		await updateIntegration(trx, id, { revoked_at: now.toISOString() });
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'integration.revoked',
			objectType: 'integration',
			objectId: id,
			summary: { code: 'admin_audit_integration_revoked', params: { name: integration.name } },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const };
	});
}

/**
 * The live integration an `Authorization: Bearer …` header belongs to, or null for a missing,
 * malformed, unknown or revoked token. A successful look-up records when the token was last used.
 */
export async function authenticateIntegration(
	database: Db,
	authorization: string | null,
	now: Date
): Promise<Integration | null> {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
	const token = TOKEN.exec(match?.[1] ?? '');
	if (!token) return null;
	const [, id = '', secret = ''] = token;
	const integration = await getIntegration(database, id);
	if (!integration || integration.revoked_at !== null || !secretMatches(integration.token_hash, secret)) return null;
	const at = now.toISOString();
	await updateIntegration(database, id, { last_used_at: at });
	return { ...integration, last_used_at: at };
}
