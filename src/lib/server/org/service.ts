import type { z } from 'zod';
import type { teamSchema, unitSchema } from '../../schemas/org';
import { recordAudit } from '../audit/log';
import type { Db } from '../db';
import { newId } from '../db/ids';
import type { Actor } from '../auth/actor';
import { rejected, type ServiceResult } from '../service-result';
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
): Promise<string | null> {
	const sibling = await findSiblingByName(database, parent?.id ?? null, name);
	if (!sibling || sibling.id === selfId) return null;
	return `A unit called ${sibling.name} already exists ${parent ? `under ${parent.name}` : 'at the top level'}`;
}

export async function createUnit(
	database: Db,
	actor: Actor,
	input: UnitInput,
	now: Date
): Promise<ServiceResult<{ id: string }>> {
	return database.transaction().execute(async (trx) => {
		const parent = input.parent_id ? await getUnit(trx, input.parent_id) : null;
		if (input.parent_id && !parent) return rejected({ parent_id: 'Choose a parent unit from the list' });
		const clash = await unitNameClash(trx, input.name, parent ?? null, null);
		if (clash) return rejected({ name: clash });
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
			summary: `Created unit ${input.name}${parent ? ` under ${parent.name}` : ''}`,
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
		if (!unit) return rejected({ _form: 'This unit no longer exists' });
		const parent = input.parent_id ? await getUnit(trx, input.parent_id) : null;
		if (input.parent_id && !parent) return rejected({ parent_id: 'Choose a parent unit from the list' });
		if (!canMoveUnder(unit.path, parent?.path ?? null)) {
			return rejected({ parent_id: 'A unit cannot sit under itself or one of its own sub-units' });
		}
		const clash = await unitNameClash(trx, input.name, parent ?? null, id);
		if (clash) return rejected({ name: clash });
		const changes: string[] = [];
		if (input.name !== unit.name || input.kind !== unit.kind) {
			await updateUnit(trx, id, { name: input.name, kind: input.kind });
			if (input.name !== unit.name) changes.push(`renamed from ${unit.name}`);
			if (input.kind !== unit.kind) changes.push(`kind ${unit.kind} → ${input.kind}`);
		}
		const newParentId = parent?.id ?? null;
		if (newParentId !== unit.parent_id) {
			await moveUnitSubtree(trx, unit, newParentId, childPath(parent?.path ?? null, id));
			changes.push(parent ? `moved under ${parent.name}` : 'moved to the top level');
		}
		if (changes.length) {
			await recordAudit(trx, {
				actorId: actor.id,
				action: 'org_unit.updated',
				objectType: 'org_unit',
				objectId: id,
				summary: `Unit ${input.name}: ${changes.join(', ')}`,
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
		if (!unit) return rejected({ _form: 'This unit no longer exists' });
		const usage = await unitUsage(trx, id);
		if (usage.children > 0 || usage.teams > 0) {
			return {
				ok: false as const,
				errors: {
					_form: `${unit.name} still has ${usage.children} sub-units and ${usage.teams} teams; move or remove them first`
				}
			};
		}
		await deleteUnit(trx, id);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'org_unit.deleted',
			objectType: 'org_unit',
			objectId: id,
			summary: `Deleted unit ${unit.name}`,
			ip: actor.ip,
			at: now
		});
		return { ok: true as const };
	});
}

/** Why a team cannot take this name: another team has it already, in any case. */
async function teamNameClash(database: Db, name: string, selfId: string | null): Promise<string | null> {
	const existing = await findTeamByName(database, name);
	return existing && existing.id !== selfId ? `A team called ${existing.name} already exists` : null;
}

export async function createTeam(
	database: Db,
	actor: Actor,
	input: TeamInput,
	now: Date
): Promise<ServiceResult<{ id: string }>> {
	return database.transaction().execute(async (trx) => {
		const unit = await getUnit(trx, input.org_unit_id);
		if (!unit) return rejected({ org_unit_id: 'Choose a unit from the list' });
		const clash = await teamNameClash(trx, input.name, null);
		if (clash) return rejected({ name: clash });
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
			summary: `Created team ${input.name} in ${unit.name}`,
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
		if (!team) return rejected({ _form: 'This team no longer exists' });
		const unit = await getUnit(trx, input.org_unit_id);
		if (!unit) return rejected({ org_unit_id: 'Choose a unit from the list' });
		const clash = await teamNameClash(trx, input.name, id);
		if (clash) return rejected({ name: clash });
		await updateTeam(trx, id, { name: input.name, kind: input.kind, org_unit_id: unit.id });
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'team.updated',
			objectType: 'team',
			objectId: id,
			summary: `Updated team ${input.name}`,
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
		if (!team) return rejected({ _form: 'This team no longer exists' });
		const members = await teamMemberCount(trx, id);
		if (members > 0) {
			return {
				ok: false as const,
				errors: { _form: `${team.name} still has ${members} people; move them to another team first` }
			};
		}
		await deleteTeam(trx, id);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'team.deleted',
			objectType: 'team',
			objectId: id,
			summary: `Deleted team ${team.name}`,
			ip: actor.ip,
			at: now
		});
		return { ok: true as const };
	});
}
