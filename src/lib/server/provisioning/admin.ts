import { z } from 'zod';
import { recordAudit } from '../audit/log';
import type { Actor } from '../auth/actor';
import type { Db } from '../db';
import type { DirectoryConnection, DirectoryHeldChange, TeamsFrom } from '../db/schema';
import { refuse, type ServiceResult } from '../service-result';
import { m } from '../../paraglide/messages.js';
import { createConnection } from './connections';
import { moveToTeam, placeByGroups } from './groups';
import type { UserChange } from './scim';
import { applyHeldChange } from './users';

/**
 * Provisioning as admins run it: directory connections (made with a token shown once, revoked),
 * how a connection's departments or groups become teams, the safety brake's limit and its held
 * deactivations (previewed, then approved or rejected), and the provisioning log. Every change is
 * audited; a mapping that changes takes effect for the people it concerns at once.
 */

const name = z
	.string()
	.trim()
	.min(1, { error: () => m.admin_provisioning_name_required() })
	.max(80, { error: () => m.admin_provisioning_name_too_long() });
const limit = z.coerce
	.number({ error: () => m.admin_provisioning_limit_invalid() })
	.int({ error: () => m.admin_provisioning_limit_invalid() })
	.min(1, { error: () => m.admin_provisioning_limit_invalid() })
	.max(100, { error: () => m.admin_provisioning_limit_invalid() });

export const connectionFormSchema = z.object({ name, deactivation_limit_percent: limit });
export const settingsFormSchema = z.object({
	name,
	deactivation_limit_percent: limit,
	teams_from: z.enum(['department', 'groups'], { error: () => m.admin_provisioning_teams_from_invalid() })
});

export interface ConnectionListing {
	id: string;
	name: string;
	createdAt: string;
	lastUsedAt: string | null;
	revokedAt: string | null;
	people: number;
	groups: number;
	held: number;
}

export async function listConnections(database: Db): Promise<ConnectionListing[]> {
	const [connections, people, groups, held] = await Promise.all([
		database
			.selectFrom('directory_connections')
			.select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
			.orderBy('created_at')
			.execute(),
		countBy(database, 'directory_people'),
		countBy(database, 'directory_groups'),
		database
			.selectFrom('directory_held_changes')
			.innerJoin('directory_holds', 'directory_holds.id', 'directory_held_changes.hold_id')
			.select(['directory_holds.connection_id', (eb) => eb.fn.countAll<number>().as('n')])
			.where('directory_holds.status', '=', 'held')
			.groupBy('directory_holds.connection_id')
			.execute()
	]);
	const heldBy = new Map(held.map((h) => [h.connection_id, Number(h.n)]));
	return connections.map((c) => ({
		id: c.id,
		name: c.name,
		createdAt: c.created_at,
		lastUsedAt: c.last_used_at,
		revokedAt: c.revoked_at,
		people: people.get(c.id) ?? 0,
		groups: groups.get(c.id) ?? 0,
		held: heldBy.get(c.id) ?? 0
	}));
}

async function countBy(database: Db, table: 'directory_people' | 'directory_groups') {
	const rows = await database
		.selectFrom(table)
		.select(['connection_id', (eb) => eb.fn.countAll<number>().as('n')])
		.groupBy('connection_id')
		.execute();
	return new Map(rows.map((r) => [r.connection_id, Number(r.n)]));
}

export async function getConnection(database: Db, id: string): Promise<DirectoryConnection | undefined> {
	return database.selectFrom('directory_connections').selectAll().where('id', '=', id).executeTakeFirst();
}

export const LOG_PAGE = 50;

/** One connection as its admin page shows it (never its token's hash). */
export async function connectionDetail(database: Db, connection: DirectoryConnection, logOffset: number) {
	const [departments, groups, hold, log, logTotal] = await Promise.all([
		departmentsOf(database, connection.id),
		database
			.selectFrom('directory_groups')
			.leftJoin('directory_group_members', 'directory_group_members.group_id', 'directory_groups.id')
			.select([
				'directory_groups.id',
				'directory_groups.display_name',
				'directory_groups.team_id',
				(eb) => eb.fn.count<number>('directory_group_members.person_id').as('members')
			])
			.where('directory_groups.connection_id', '=', connection.id)
			.groupBy(['directory_groups.id', 'directory_groups.display_name', 'directory_groups.team_id'])
			.orderBy('directory_groups.display_name')
			.execute(),
		heldPreview(database, connection.id),
		database
			.selectFrom('provisioning_log')
			.select(['id', 'at', 'method', 'path', 'status', 'scim_type', 'detail'])
			.where('connection_id', '=', connection.id)
			.orderBy('at', 'desc')
			.orderBy('id', 'desc')
			.limit(LOG_PAGE)
			.offset(logOffset)
			.execute(),
		database
			.selectFrom('provisioning_log')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('connection_id', '=', connection.id)
			.executeTakeFirstOrThrow()
	]);
	return {
		connection: {
			id: connection.id,
			name: connection.name,
			limitPercent: connection.deactivation_limit_percent,
			teamsFrom: connection.teams_from,
			createdAt: connection.created_at,
			lastUsedAt: connection.last_used_at,
			revokedAt: connection.revoked_at
		},
		departments,
		groups: groups.map((g) => ({ id: g.id, name: g.display_name, teamId: g.team_id, members: Number(g.members) })),
		hold,
		log,
		logTotal: Number(logTotal.n)
	};
}

/** Every department the directory sent, and every one mapped before, once each (ignoring case). */
async function departmentsOf(database: Db, connectionId: string) {
	const [sent, mapped] = await Promise.all([
		database
			.selectFrom('directory_people')
			.innerJoin('people', 'people.id', 'directory_people.person_id')
			.select(['people.department', (eb) => eb.fn.countAll<number>().as('n')])
			.where('directory_people.connection_id', '=', connectionId)
			.where('people.department', 'is not', null)
			.groupBy('people.department')
			.execute(),
		database
			.selectFrom('directory_departments')
			.select(['department_key', 'department', 'team_id'])
			.where('connection_id', '=', connectionId)
			.execute()
	]);
	const byKey = new Map<string, { key: string; department: string; teamId: string | null; people: number }>();
	for (const d of mapped)
		byKey.set(d.department_key, { key: d.department_key, department: d.department, teamId: d.team_id, people: 0 });
	for (const d of sent) {
		const key = d.department!.toLowerCase();
		const entry = byKey.get(key) ?? { key, department: d.department!, teamId: null, people: 0 };
		entry.people += Number(d.n);
		byKey.set(key, entry);
	}
	return [...byKey.values()].sort((a, b) => a.department.localeCompare(b.department));
}

/** The open hold of a connection with who it would deactivate, as the admin decides on it. */
async function heldPreview(database: Db, connectionId: string) {
	const hold = await database
		.selectFrom('directory_holds')
		.selectAll()
		.where('connection_id', '=', connectionId)
		.where('status', '=', 'held')
		.executeTakeFirst();
	if (!hold) return null;
	const people = await database
		.selectFrom('directory_held_changes')
		.innerJoin('people', 'people.id', 'directory_held_changes.person_id')
		.leftJoin('teams', 'teams.id', 'people.team_id')
		.select([
			'people.id',
			'people.name',
			'people.email',
			'teams.name as team',
			'directory_held_changes.kind',
			'directory_held_changes.received_at'
		])
		.where('directory_held_changes.hold_id', '=', hold.id)
		.orderBy('people.name')
		.execute();
	return {
		id: hold.id,
		createdAt: hold.created_at,
		limitPercent: hold.limit_percent,
		activePeople: hold.active_people,
		people
	};
}

export async function createDirectory(
	database: Db,
	actor: Actor,
	input: z.infer<typeof connectionFormSchema>,
	now: Date
) {
	return createConnection(
		database,
		actor,
		{ name: input.name, deactivationLimitPercent: input.deactivation_limit_percent },
		now
	);
}

async function audited(
	trx: Db,
	actor: Actor,
	connection: DirectoryConnection,
	now: Date,
	details: Record<string, unknown>
) {
	await recordAudit(trx, {
		actorId: actor.id,
		action: 'directory.updated',
		objectType: 'directory_connection',
		objectId: connection.id,
		summary: { code: 'admin_audit_directory_updated', params: { directory: connection.name } },
		details,
		ip: actor.ip,
		at: now
	});
}

/** Name, limit and where teams come from; switching to groups places members of mapped groups. */
export async function saveSettings(
	database: Db,
	actor: Actor,
	connection: DirectoryConnection,
	input: z.infer<typeof settingsFormSchema>,
	now: Date
): Promise<void> {
	await database.transaction().execute(async (trx) => {
		await trx
			.updateTable('directory_connections')
			.set({
				name: input.name,
				deactivation_limit_percent: input.deactivation_limit_percent,
				teams_from: input.teams_from
			})
			.where('id', '=', connection.id)
			.execute();
		const updated = { ...connection, ...input };
		await audited(trx, actor, updated, now, {
			limitPercent: input.deactivation_limit_percent,
			teamsFrom: input.teams_from
		});
		await placeAll(trx, updated, now);
	});
}

/** Puts every person the connection provisions in the team its mapping gives them now. */
async function placeAll(trx: Db, connection: DirectoryConnection, now: Date): Promise<number> {
	if (connection.teams_from === 'groups') {
		const members = await trx
			.selectFrom('directory_group_members')
			.innerJoin('directory_groups', 'directory_groups.id', 'directory_group_members.group_id')
			.select('directory_group_members.person_id')
			.distinct()
			.where('directory_groups.connection_id', '=', connection.id)
			.where('directory_groups.team_id', 'is not', null)
			.execute();
		return placeByGroups(
			trx,
			connection,
			members.map((r) => r.person_id),
			now
		);
	}
	const misplaced = await trx
		.selectFrom('directory_people')
		.innerJoin('people', 'people.id', 'directory_people.person_id')
		.innerJoin('directory_departments', (join) =>
			join
				.onRef('directory_departments.connection_id', '=', 'directory_people.connection_id')
				.on((eb) => eb(eb.fn('lower', ['people.department']), '=', eb.ref('directory_departments.department_key')))
		)
		.select(['people.id', 'people.name', 'people.team_id', 'directory_departments.team_id as mapped'])
		.where('directory_people.connection_id', '=', connection.id)
		.execute();
	let moved = 0;
	for (const person of misplaced) {
		if (person.team_id === person.mapped) continue;
		await moveToTeam(trx, connection, person, person.mapped, now);
		moved += 1;
	}
	return moved;
}

export interface MappingInput {
	/** Department keys or group ids, with the team each maps to ('' for none). */
	keys: string[];
	teams: string[];
}

/** The department → team or group → team mapping, as the admin set it; people follow at once. */
export async function saveMapping(
	database: Db,
	actor: Actor,
	connection: DirectoryConnection,
	kind: TeamsFrom,
	input: MappingInput,
	now: Date
): Promise<ServiceResult<{ moved: number }>> {
	if (input.keys.length !== input.teams.length) return refuse('_form', 'admin_provisioning_mapping_invalid');
	const chosen = [...new Set(input.teams.filter((t) => t !== ''))];
	const teams = chosen.length
		? await database.selectFrom('teams').select('id').where('id', 'in', chosen).execute()
		: [];
	if (teams.length !== chosen.length) return refuse('_form', 'admin_provisioning_mapping_invalid');
	return database.transaction().execute(async (trx) => {
		if (kind === 'department') {
			const names = new Map((await departmentsOf(trx, connection.id)).map((d) => [d.key, d.department]));
			for (const [i, key] of input.keys.entries()) {
				const department = names.get(key);
				if (department === undefined) continue;
				await trx
					.deleteFrom('directory_departments')
					.where('connection_id', '=', connection.id)
					.where('department_key', '=', key)
					.execute();
				if (input.teams[i])
					await trx
						.insertInto('directory_departments')
						.values({ connection_id: connection.id, department_key: key, department, team_id: input.teams[i]! })
						.execute();
			}
		} else {
			for (const [i, id] of input.keys.entries())
				await trx
					.updateTable('directory_groups')
					.set({ team_id: input.teams[i] || null })
					.where('connection_id', '=', connection.id)
					.where('id', '=', id)
					.execute();
		}
		await audited(trx, actor, connection, now, { mapping: kind });
		const moved = connection.teams_from === kind ? await placeAll(trx, connection, now) : 0;
		return { ok: true as const, moved };
	});
}

/** Applies every change the open hold kept, or none; the burst is measured afresh from here. */
export async function decideHold(
	database: Db,
	actor: Actor,
	connection: DirectoryConnection,
	holdId: string,
	approve: boolean,
	now: Date
): Promise<ServiceResult<{ count: number }>> {
	return database.transaction().execute(async (trx) => {
		const hold = await trx
			.selectFrom('directory_holds')
			.selectAll()
			.where('id', '=', holdId)
			.where('connection_id', '=', connection.id)
			.executeTakeFirst();
		if (!hold || hold.status !== 'held') return refuse('_form', 'admin_provisioning_hold_gone');
		const changes: DirectoryHeldChange[] = await trx
			.selectFrom('directory_held_changes')
			.selectAll()
			.where('hold_id', '=', hold.id)
			.orderBy('received_at')
			.execute();
		let count = changes.length;
		if (approve) {
			count = 0;
			for (const change of changes) {
				const read = change.change === null ? {} : (JSON.parse(change.change) as UserChange);
				if (await applyHeldChange(trx, connection, change.person_id, change.kind, read, now)) count += 1;
			}
		}
		await trx
			.updateTable('directory_holds')
			.set({ status: approve ? 'approved' : 'rejected', decided_at: now.toISOString(), decided_by: actor.id })
			.where('id', '=', hold.id)
			.execute();
		await recordAudit(trx, {
			actorId: actor.id,
			action: approve ? 'directory.hold_approved' : 'directory.hold_rejected',
			objectType: 'directory_connection',
			objectId: connection.id,
			summary: {
				code: approve ? 'admin_audit_directory_hold_approved' : 'admin_audit_directory_hold_rejected',
				params: { directory: connection.name, count }
			},
			details: { hold: hold.id, people: changes.map((c) => c.person_id) },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const, count };
	});
}
