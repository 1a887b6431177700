import type { z } from 'zod';
import type { grantSchema, PersonInput } from '../../schemas/people';
import { recordAudit } from '../audit/log';
import { issueInvite } from '../auth/invites';
import { invalidatePersonSessions } from '../auth/session';
import type { Db } from '../db';
import { newId } from '../db/ids';
import type { FieldErrors } from '../forms';
import type { Actor } from '../auth/actor';
import { rejected, type ServiceResult } from '../service-result';
import { getTeam, getUnit } from '../org/directory';
import {
	countAdmins,
	findPersonByEmail,
	getPersonDetail,
	insertGrant,
	insertPerson,
	listGrants,
	updatePerson,
	deleteGrant
} from './queries';

async function resolveReferences(
	database: Db,
	input: PersonInput,
	selfId: string | null
): Promise<{ errors: FieldErrors; managerId: string | null }> {
	const errors: FieldErrors = {};
	const existing = await findPersonByEmail(database, input.email);
	if (existing && existing.id !== selfId) errors.email = 'Someone already has this email address';
	if (input.team_id && !(await getTeam(database, input.team_id))) errors.team_id = 'Choose a team from the list';
	let managerId: string | null = null;
	if (input.manager_email) {
		const manager = await findPersonByEmail(database, input.manager_email);
		if (!manager || manager.active !== 1) errors.manager_email = 'No active person has this email address';
		else if (manager.id === selfId) errors.manager_email = 'A person cannot be their own manager';
		else managerId = manager.id;
	}
	return { errors, managerId };
}

/** Creates a person and their one-time invite link, or nothing at all. */
export async function createPerson(
	database: Db,
	actor: Actor,
	input: PersonInput,
	now: Date
): Promise<ServiceResult<{ personId: string; inviteToken: string; inviteExpiresAt: Date }>> {
	return database.transaction().execute(async (trx) => {
		const { errors, managerId } = await resolveReferences(trx, input, null);
		if (Object.keys(errors).length) return { ok: false as const, errors };
		const id = newId();
		const at = now.toISOString();
		await insertPerson(trx, {
			id,
			email: input.email,
			name: input.name,
			job_title: input.job_title,
			team_id: input.team_id,
			manager_id: managerId,
			time_zone: input.time_zone,
			language: input.language,
			active: 1,
			password_hash: null,
			created_at: at,
			updated_at: at
		});
		const invite = await issueInvite(trx, id, actor.id, now);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'person.created',
			objectType: 'person',
			objectId: id,
			summary: `Created ${input.name} <${input.email}>`,
			details: { email: input.email, team_id: input.team_id, manager_id: managerId },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const, personId: id, inviteToken: invite.token, inviteExpiresAt: invite.expiresAt };
	});
}

/** Updates a person's details; the audit entry lists exactly the fields that changed. */
export async function editPerson(
	database: Db,
	actor: Actor,
	personId: string,
	input: PersonInput,
	now: Date
): Promise<ServiceResult<{ changed: string[] }>> {
	return database.transaction().execute(async (trx) => {
		const before = await getPersonDetail(trx, personId);
		if (!before) return rejected({ _form: 'This person no longer exists' });
		const { errors, managerId } = await resolveReferences(trx, input, personId);
		if (Object.keys(errors).length) return { ok: false as const, errors };
		const next = {
			email: input.email,
			name: input.name,
			job_title: input.job_title,
			team_id: input.team_id,
			manager_id: managerId,
			time_zone: input.time_zone,
			language: input.language
		};
		const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== before[k]);
		if (changed.length === 0) return { ok: true as const, changed };
		await updatePerson(trx, personId, { ...next, updated_at: now.toISOString() });
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'person.updated',
			objectType: 'person',
			objectId: personId,
			summary: `Updated ${input.name}: ${changed.join(', ')}`,
			details: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: next[k] }])),
			ip: actor.ip,
			at: now
		});
		return { ok: true as const, changed };
	});
}

/** Deactivating ends every session of the person at once; reactivating does not sign anyone in. */
export async function setPersonActive(
	database: Db,
	actor: Actor,
	personId: string,
	active: boolean,
	now: Date
): Promise<ServiceResult<object>> {
	if (!active && personId === actor.id) {
		return { ok: false, errors: { _form: 'You cannot deactivate your own account' } };
	}
	return database.transaction().execute(async (trx) => {
		const person = await getPersonDetail(trx, personId);
		if (!person) return rejected({ _form: 'This person no longer exists' });
		if ((person.active === 1) === active) return { ok: true as const };
		await updatePerson(trx, personId, { active: active ? 1 : 0, updated_at: now.toISOString() });
		if (!active) await invalidatePersonSessions(trx, personId);
		await recordAudit(trx, {
			actorId: actor.id,
			action: active ? 'person.reactivated' : 'person.deactivated',
			objectType: 'person',
			objectId: personId,
			summary: `${active ? 'Reactivated' : 'Deactivated'} ${person.name}`,
			ip: actor.ip,
			at: now
		});
		return { ok: true as const };
	});
}

/** A fresh invite link for a person (for a lost link, or someone created by import). */
export async function reissueInvite(
	database: Db,
	actor: Actor,
	personId: string,
	now: Date
): Promise<ServiceResult<{ inviteToken: string; inviteExpiresAt: Date }>> {
	return database.transaction().execute(async (trx) => {
		const person = await getPersonDetail(trx, personId);
		if (!person || person.active !== 1) {
			return rejected({ _form: 'Only active people can be invited' });
		}
		const invite = await issueInvite(trx, personId, actor.id, now);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'invite.created',
			objectType: 'person',
			objectId: personId,
			summary: `Created a set-password link for ${person.name}`,
			ip: actor.ip,
			at: now
		});
		return { ok: true as const, inviteToken: invite.token, inviteExpiresAt: invite.expiresAt };
	});
}

export type GrantInput = z.infer<typeof grantSchema>;

export async function grantRole(
	database: Db,
	actor: Actor,
	personId: string,
	input: GrantInput,
	now: Date
): Promise<ServiceResult<object>> {
	return database.transaction().execute(async (trx) => {
		const person = await getPersonDetail(trx, personId);
		if (!person) return rejected({ _form: 'This person no longer exists' });
		const existing = await listGrants(trx, personId);
		let scopeLabel = '';
		let team_id: string | null = null;
		let org_unit_id: string | null = null;
		if (input.role === 'manager') {
			const team = await getTeam(trx, input.team_id);
			if (!team) return rejected({ team_id: 'Choose a team from the list' });
			team_id = team.id;
			scopeLabel = ` of ${team.name}`;
		} else if (input.role === 'leader') {
			const unit = await getUnit(trx, input.org_unit_id);
			if (!unit) return rejected({ org_unit_id: 'Choose a unit from the list' });
			org_unit_id = unit.id;
			scopeLabel = ` of ${unit.name}`;
		}
		const duplicate = existing.some(
			(g) => g.role === input.role && g.team_id === team_id && g.org_unit_id === org_unit_id
		);
		if (duplicate) return { ok: false as const, errors: { role: `${person.name} already has this role` } };
		await insertGrant(trx, {
			id: newId(),
			person_id: personId,
			role: input.role,
			team_id,
			org_unit_id,
			created_at: now.toISOString()
		});
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'role.granted',
			objectType: 'person',
			objectId: personId,
			summary: `Made ${person.name} ${input.role}${scopeLabel}`,
			details: { role: input.role, team_id, org_unit_id },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const };
	});
}

export async function revokeRole(
	database: Db,
	actor: Actor,
	personId: string,
	grantId: string,
	now: Date
): Promise<ServiceResult<object>> {
	return database.transaction().execute(async (trx) => {
		const person = await getPersonDetail(trx, personId);
		const grant = (await listGrants(trx, personId)).find((g) => g.id === grantId);
		if (!person || !grant) return rejected({ _form: 'That role was already removed' });
		if (grant.role === 'admin') {
			if (personId === actor.id) {
				return rejected({ _form: 'You cannot remove your own admin role' });
			}
			if (person.active === 1 && (await countAdmins(trx)) <= 1) {
				return rejected({ _form: 'Ripple needs at least one active admin' });
			}
		}
		await deleteGrant(trx, grantId);
		const scope = grant.team_name ?? grant.unit_name;
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'role.revoked',
			objectType: 'person',
			objectId: personId,
			summary: `Removed ${grant.role}${scope ? ` of ${scope}` : ''} from ${person.name}`,
			details: { role: grant.role, team_id: grant.team_id, org_unit_id: grant.org_unit_id },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const };
	});
}
