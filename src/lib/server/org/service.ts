import type { z } from 'zod';
import type { teamSchema, unitSchema } from '../../schemas/org';
import { recordAudit } from '../audit/log';
import type { Db } from '../db';
import { newId } from '../db/ids';
import type { Actor } from '../auth/actor';
import { refuse, type Refusal, type ServiceResult } from '../service-result';
import { isUnitKind, type UnitKind } from '../../schemas/org';
import type { AuditWording } from '../audit/log';
import {
	deleteTeam,
	deleteUnit,
	findSiblingByName,
	findTeamByName,
	getTeam,
	getUnit,
	insertTeam,
	insertUnit,
	moveUnitSubtree,
	teamMemberCount,
	unitUsage,
	updateTeam,
	updateUnit
} from './queries';
import { canMoveUnder, childPath } from './rules';

type UnitInput = z.infer<typeof unitSchema>;
type TeamInput = z.infer<typeof teamSchema>;

/** Why a unit cannot take this name under this parent: a sibling has it already, in any case. */
async function unitNameClash(
	database: Db,
	name: string,
	parent: { id: string; name: string } | null,
	selfId: string | null
): Promise<Refusal | null> {
	const sibling = await findSiblingByName(database, parent?.id ?? null, name);
	if (!sibling || sibling.id === selfId) return null;
	return parent
		? { code: 'admin_org_unit_name_taken_under', params: { name: sibling.name, parent: parent.name } }
		: { code: 'admin_org_unit_name_taken_top', params: { name: sibling.name } };
}

/** A kind of unit inside an audit summary, worded for each reader ("department"). */
function kindInText(kind: string): AuditWording | string {
	if (!isUnitKind(kind)) return kind;
	const codes = {
		company: 'admin_unit_kind_company_in_text',
		region: 'admin_unit_kind_region_in_text',
		division: 'admin_unit_kind_division_in_text',
		department: 'admin_unit_kind_department_in_text'
	} as const satisfies Record<UnitKind, AuditWording['code']>;
	return { code: codes[kind] };
}

export async function createUnit(
	database: Db,
	actor: Actor,
	input: UnitInput,
	now: Date
): Promise<ServiceResult<{ id: string }>> {
	return database.transaction().execute(async (trx) => {
		const parent = input.parent_id ? await getUnit(trx, input.parent_id) : null;
		if (input.parent_id && !parent) return refuse('parent_id', 'admin_org_unit_parent_unknown');
		const clash = await unitNameClash(trx, input.name, parent ?? null, null);
		if (clash) return { ok: false as const, errors: { name: clash } };
		const id = newId();
		await insertUnit(trx, {
			id,
			name: input.name,
			kind: input.kind,
			parent_id: parent?.id ?? null,
			path: childPath(parent?.path ?? null, id),
			created_at: now.toISOString()
		});
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'org_unit.created',
			objectType: 'org_unit',
			objectId: id,
			summary: parent
				? { code: 'admin_audit_unit_created_under', params: { name: input.name, parent: parent.name } }
				: { code: 'admin_audit_unit_created', params: { name: input.name } },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const, id };
	});
}

export async function editUnit(
	database: Db,
	actor: Actor,
	id: string,
	input: UnitInput,
	now: Date
): Promise<ServiceResult<object>> {
	return database.transaction().execute(async (trx) => {
		const unit = await getUnit(trx, id);
		if (!unit) return refuse('_form', 'admin_org_unit_gone');
		const parent = input.parent_id ? await getUnit(trx, input.parent_id) : null;
		if (input.parent_id && !parent) return refuse('parent_id', 'admin_org_unit_parent_unknown');
		if (!canMoveUnder(unit.path, parent?.path ?? null)) return refuse('parent_id', 'admin_org_unit_parent_loop');
		const clash = await unitNameClash(trx, input.name, parent ?? null, id);
		if (clash) return { ok: false as const, errors: { name: clash } };
		const changes: AuditWording[] = [];
		if (input.name !== unit.name || input.kind !== unit.kind) {
			await updateUnit(trx, id, { name: input.name, kind: input.kind });
			if (input.name !== unit.name) changes.push({ code: 'admin_audit_unit_renamed', params: { from: unit.name } });
			if (input.kind !== unit.kind) {
				changes.push({
					code: 'admin_audit_unit_kind_changed',
					params: { from: kindInText(unit.kind), to: kindInText(input.kind) }
				});
			}
		}
		const newParentId = parent?.id ?? null;
		if (newParentId !== unit.parent_id) {
			await moveUnitSubtree(trx, unit, newParentId, childPath(parent?.path ?? null, id));
			changes.push(
				parent
					? { code: 'admin_audit_unit_moved_under', params: { parent: parent.name } }
					: { code: 'admin_audit_unit_moved_top' }
			);
		}
		if (changes.length) {
			await recordAudit(trx, {
				actorId: actor.id,
				action: 'org_unit.updated',
				objectType: 'org_unit',
				objectId: id,
				summary: { code: 'admin_audit_unit_updated', params: { name: input.name, changes } },
				ip: actor.ip,
				at: now
			});
		}
		return { ok: true as const };
	});
}

export async function removeUnit(database: Db, actor: Actor, id: string, now: Date): Promise<ServiceResult<object>> {
	return database.transaction().execute(async (trx) => {
		const unit = await getUnit(trx, id);
		if (!unit) return refuse('_form', 'admin_org_unit_gone');
		const usage = await unitUsage(trx, id);
		if (usage.children > 0 || usage.teams > 0) {
			return refuse('_form', 'admin_org_unit_not_empty', {
				name: unit.name,
				units: usage.children,
				teams: usage.teams
			});
		}
		await deleteUnit(trx, id);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'org_unit.deleted',
			objectType: 'org_unit',
			objectId: id,
			summary: { code: 'admin_audit_unit_deleted', params: { name: unit.name } },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const };
	});
}

/** Why a team cannot take this name: another team has it already, in any case. */
async function teamNameClash(database: Db, name: string, selfId: string | null): Promise<Refusal | null> {
	const existing = await findTeamByName(database, name);
	return existing && existing.id !== selfId
		? { code: 'admin_org_team_name_taken', params: { name: existing.name } }
		: null;
}

export async function createTeam(
	database: Db,
	actor: Actor,
	input: TeamInput,
	now: Date
): Promise<ServiceResult<{ id: string }>> {
	return database.transaction().execute(async (trx) => {
		const unit = await getUnit(trx, input.org_unit_id);
		if (!unit) return refuse('org_unit_id', 'admin_choose_unit_from_list');
		const clash = await teamNameClash(trx, input.name, null);
		if (clash) return { ok: false as const, errors: { name: clash } };
		const id = newId();
		await insertTeam(trx, {
			id,
			name: input.name,
			kind: input.kind,
			org_unit_id: unit.id,
			created_at: now.toISOString()
		});
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'team.created',
			objectType: 'team',
			objectId: id,
			summary: { code: 'admin_audit_team_created', params: { name: input.name, unit: unit.name } },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const, id };
	});
}

export async function editTeam(
	database: Db,
	actor: Actor,
	id: string,
	input: TeamInput,
	now: Date
): Promise<ServiceResult<object>> {
	return database.transaction().execute(async (trx) => {
		const team = await getTeam(trx, id);
		if (!team) return refuse('_form', 'admin_org_team_gone');
		const unit = await getUnit(trx, input.org_unit_id);
		if (!unit) return refuse('org_unit_id', 'admin_choose_unit_from_list');
		const clash = await teamNameClash(trx, input.name, id);
		if (clash) return { ok: false as const, errors: { name: clash } };
		await updateTeam(trx, id, { name: input.name, kind: input.kind, org_unit_id: unit.id });
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'team.updated',
			objectType: 'team',
			objectId: id,
			summary: { code: 'admin_audit_team_updated', params: { name: input.name } },
			details: {
				from: { name: team.name, kind: team.kind, org_unit_id: team.org_unit_id },
				to: { name: input.name, kind: input.kind, org_unit_id: unit.id }
			},
			ip: actor.ip,
			at: now
		});
		return { ok: true as const };
	});
}

export async function removeTeam(database: Db, actor: Actor, id: string, now: Date): Promise<ServiceResult<object>> {
	return database.transaction().execute(async (trx) => {
		const team = await getTeam(trx, id);
		if (!team) return refuse('_form', 'admin_org_team_gone');
		const members = await teamMemberCount(trx, id);
		if (members > 0) return refuse('_form', 'admin_org_team_not_empty', { name: team.name, count: members });
		await deleteTeam(trx, id);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'team.deleted',
			objectType: 'team',
			objectId: id,
			summary: { code: 'admin_audit_team_deleted', params: { name: team.name } },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const };
	});
}
