import type { z } from 'zod';
import type { grantSchema, PersonInput } from '../../schemas/people';
import { recordAudit, type AuditWording } from '../audit/log';
import { issueInvite } from '../auth/invites';
import { invalidatePersonSessions } from '../auth/session';
import type { Db } from '../db';
import { newId } from '../db/ids';
import type { Actor } from '../auth/actor';
import { refuse, type Refusals, type ServiceResult } from '../service-result';
import { getTeam, getUnit } from '../org/directory';
import {
	countAdmins,
	findPersonByEmail,
	getPersonDetail,
	insertGrant,
	insertPerson,
	listGrants,
	newPersonRow,
	updatePerson,
	deleteGrant
} from './queries';
import { leaveOpenCycles } from '../buddies/service';
import { cancelUpcomingPlacesOf } from '../lunch-and-learn/service';
import { cancelUpcomingVisitsOf, withdrawUpcomingSlotsOf } from '../shadowing/service';

async function resolveReferences(
	database: Db,
	input: PersonInput,
	selfId: string | null
): Promise<{ errors: Refusals; managerId: string | null }> {
	const errors: Refusals = {};
	const existing = await findPersonByEmail(database, input.email);
	if (existing && existing.id !== selfId) errors.email = { code: 'admin_person_email_taken' };
	if (input.team_id && !(await getTeam(database, input.team_id))) {
		errors.team_id = { code: 'admin_choose_team_from_list' };
	}
	let managerId: string | null = null;
	if (input.manager_email) {
		const manager = await findPersonByEmail(database, input.manager_email);
		if (!manager || manager.active !== 1) errors.manager_email = { code: 'admin_person_manager_unknown' };
		else if (manager.id === selfId) errors.manager_email = { code: 'admin_person_own_manager' };
		else managerId = manager.id;
	}
	return { errors, managerId };
}

/** The columns an admin's form sets, with the manager (named by email) resolved to their id. */
function columnsOf(input: PersonInput, managerId: string | null) {
	return {
		email: input.email,
		name: input.name,
		job_title: input.job_title,
		team_id: input.team_id,
		manager_id: managerId,
		time_zone: input.time_zone,
		language: input.language
	};
}

/**
 * The person's fields as an audit summary lists them, worded for each reader ("job title"), for
 * every change to a person: an admin's and a directory's.
 */
export const fieldInText = {
	email: { code: 'admin_field_email_in_text' },
	name: { code: 'admin_field_name_in_text' },
	job_title: { code: 'admin_field_job_title_in_text' },
	team_id: { code: 'admin_field_team_in_text' },
	manager_id: { code: 'admin_field_manager_in_text' },
	time_zone: { code: 'admin_field_time_zone_in_text' },
	language: { code: 'admin_field_language_in_text' },
	department: { code: 'admin_field_department_in_text' },
	employee_id: { code: 'admin_field_employee_id_in_text' }
} as const satisfies Record<string, AuditWording>;

/** A field of a person that audit summaries name (a key of `fieldInText`). */
export type AuditedPersonField = keyof typeof fieldInText;

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
		const person = newPersonRow(columnsOf(input, managerId), now);
		await insertPerson(trx, person);
		const { id } = person;
		const invite = await issueInvite(trx, id, actor.id, now);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'person.created',
			objectType: 'person',
			objectId: id,
			summary: { code: 'admin_audit_person_created', params: { name: input.name, email: input.email } },
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
		if (!before) return refuse('_form', 'admin_person_gone');
		const { errors, managerId } = await resolveReferences(trx, input, personId);
		if (Object.keys(errors).length) return { ok: false as const, errors };
		const next = columnsOf(input, managerId);
		const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== before[k]);
		if (changed.length === 0) return { ok: true as const, changed };
		await updatePerson(trx, personId, { ...next, updated_at: now.toISOString() });
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'person.updated',
			objectType: 'person',
			objectId: personId,
			summary: {
				code: 'admin_audit_person_updated',
				params: { name: input.name, fields: changed.map((field) => fieldInText[field]) }
			},
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
	if (!active && personId === actor.id) return refuse('_form', 'admin_person_deactivate_self');
	return database.transaction().execute(async (trx) => {
		const person = await getPersonDetail(trx, personId);
		if (!person) return refuse('_form', 'admin_person_gone');
		if ((person.active === 1) === active) return { ok: true as const };
		await updatePerson(trx, personId, { active: active ? 1 : 0, updated_at: now.toISOString() });
		const withdrawn = active ? null : await withdrawFromWhatIsAhead(trx, personId, now);
		await recordAudit(trx, {
			actorId: actor.id,
			action: active ? 'person.reactivated' : 'person.deactivated',
			objectType: 'person',
			objectId: personId,
			summary: {
				code: active ? 'admin_audit_person_reactivated' : 'admin_audit_person_deactivated',
				params: { name: person.name }
			},
			...(withdrawn ? { details: withdrawn } : {}),
			ip: actor.ip,
			at: now
		});
		return { ok: true as const };
	});
}

/**
 * What deactivation takes a person out of, in the deactivating transaction: every session (they are
 * signed out everywhere), the buddy cycles still open, and the shadowing visits and session places
 * still to come (each given back as if they had cancelled it, so others are told and move up). The
 * shadowing slots they were to host are withdrawn, and their visitors told the host is no longer
 * available. What happened stays: completed learning, visits made and hosted, meetings held.
 * Counts for the audit entry.
 */
export async function withdrawFromWhatIsAhead(trx: Db, personId: string, now: Date) {
	await invalidatePersonSessions(trx, personId);
	const buddyCycles = await leaveOpenCycles(trx, personId);
	const visits = await cancelUpcomingVisitsOf(trx, personId, now);
	const hosted = await withdrawUpcomingSlotsOf(trx, personId, now);
	const sessionPlaces = await cancelUpcomingPlacesOf(trx, personId, now);
	return { buddyCycles, visits, hostedSlots: hosted.slots, hostedVisits: hosted.visits, sessionPlaces };
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
		if (!person || person.active !== 1) return refuse('_form', 'admin_person_invite_inactive');
		const invite = await issueInvite(trx, personId, actor.id, now);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'invite.created',
			objectType: 'person',
			objectId: personId,
			summary: { code: 'admin_audit_invite_created', params: { name: person.name } },
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
		if (!person) return refuse('_form', 'admin_person_gone');
		const existing = await listGrants(trx, personId);
		let summary: AuditWording = { code: 'admin_audit_role_granted_admin', params: { name: person.name } };
		let team_id: string | null = null;
		let org_unit_id: string | null = null;
		if (input.role === 'manager') {
			const team = await getTeam(trx, input.team_id);
			if (!team) return refuse('team_id', 'admin_choose_team_from_list');
			team_id = team.id;
			summary = { code: 'admin_audit_role_granted_manager', params: { name: person.name, team: team.name } };
		} else if (input.role === 'leader') {
			const unit = await getUnit(trx, input.org_unit_id);
			if (!unit) return refuse('org_unit_id', 'admin_choose_unit_from_list');
			org_unit_id = unit.id;
			summary = { code: 'admin_audit_role_granted_leader', params: { name: person.name, unit: unit.name } };
		}
		const duplicate = existing.some(
			(g) => g.role === input.role && g.team_id === team_id && g.org_unit_id === org_unit_id
		);
		if (duplicate) return refuse('role', 'admin_person_role_held', { name: person.name });
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
			summary,
			details: { role: input.role, team_id, org_unit_id },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const };
	});
}

/** "Removed manager of Payroll from Pia Payables", worded for each reader. */
function revokedSummary(
	grant: { role: 'manager' | 'leader' | 'admin'; team_name: string | null; unit_name: string | null },
	name: string
): AuditWording {
	if (grant.role === 'manager') {
		return grant.team_name === null
			? { code: 'admin_audit_role_revoked_manager_unscoped', params: { name } }
			: { code: 'admin_audit_role_revoked_manager', params: { name, team: grant.team_name } };
	}
	if (grant.role === 'leader') {
		return grant.unit_name === null
			? { code: 'admin_audit_role_revoked_leader_unscoped', params: { name } }
			: { code: 'admin_audit_role_revoked_leader', params: { name, unit: grant.unit_name } };
	}
	return { code: 'admin_audit_role_revoked_admin', params: { name } };
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
		if (!person || !grant) return refuse('_form', 'admin_person_role_gone');
		if (grant.role === 'admin') {
			if (personId === actor.id) return refuse('_form', 'admin_person_admin_self');
			if (person.active === 1 && (await countAdmins(trx)) <= 1) return refuse('_form', 'admin_person_last_admin');
		}
		await deleteGrant(trx, grantId);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'role.revoked',
			objectType: 'person',
			objectId: personId,
			summary: revokedSummary(grant, person.name),
			details: { role: grant.role, team_id: grant.team_id, org_unit_id: grant.org_unit_id },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const };
	});
}
