import { recordAudit } from './audit/log';
import { hashPassword } from './auth/password';
import { createSession } from './auth/session';
import type { Db } from './db';
import { newId } from './db/ids';
import { childPath } from './org/rules';

/** True while nobody exists yet: the only time first-run setup is offered. */
export async function needsSetup(database: Db): Promise<boolean> {
	const someone = await database.selectFrom('people').select('id').limit(1).executeTakeFirst();
	return someone === undefined;
}

export interface SetupInput {
	organisation: string;
	name: string;
	email: string;
	password: string;
	time_zone: string;
}

/**
 * First run on an empty database: creates the organisation's top unit and its first admin, and
 * signs them in. Refuses (returns null) once anyone exists, so the page cannot be replayed later.
 */
export async function setUpRipple(
	database: Db,
	input: SetupInput,
	ip: string | null,
	now: Date
): Promise<{ token: string } | null> {
	const passwordHash = await hashPassword(input.password);
	return database.transaction().execute(async (trx) => {
		if (!(await needsSetup(trx))) return null;
		const at = now.toISOString();
		const unitId = newId();
		const personId = newId();
		await trx
			.insertInto('org_units')
			.values({
				id: unitId,
				name: input.organisation,
				kind: 'company',
				parent_id: null,
				path: childPath(null, unitId),
				created_at: at
			})
			.execute();
		await trx
			.insertInto('people')
			.values({
				id: personId,
				email: input.email,
				name: input.name,
				job_title: '',
				team_id: null,
				manager_id: null,
				time_zone: input.time_zone,
				language: 'en',
				active: 1,
				password_hash: passwordHash,
				created_at: at,
				updated_at: at
			})
			.execute();
		await trx
			.insertInto('role_grants')
			.values({ id: newId(), person_id: personId, role: 'admin', team_id: null, org_unit_id: null, created_at: at })
			.execute();
		await recordAudit(trx, {
			actorId: personId,
			action: 'person.created',
			objectType: 'person',
			objectId: personId,
			summary: { code: 'auth_audit_set_up', params: { organisation: input.organisation, name: input.name } },
			ip,
			at: now
		});
		const { token } = await createSession(trx, personId, now);
		return { token };
	});
}
