import { groupBy } from '../../group';
import { recordAudit } from '../audit/log';
import type { Db } from '../db';
import { newId } from '../db/ids';
import type { DirectoryConnection, DirectoryGroup } from '../db/schema';
import { updatePerson } from '../people/queries';
import { fieldInText } from '../people/service';
import {
	GROUP_FILTERS,
	listResponse,
	problem,
	readFilter,
	readGroup,
	readGroupPatch,
	SCIM,
	type MemberStep
} from './scim';
import { inChange, Refused, type ScimAnswer } from './users';

/**
 * SCIM Groups for one directory connection at a time: its groups and their members (Users the
 * same connection provisions). Where the connection's teams follow groups, an admin maps groups to
 * teams and a person's team follows their membership: joining a mapped group moves them to its
 * team unless they are already in the team of another mapped group of theirs; leaving every mapped
 * group leaves the team as it is, for the directory or an admin to settle.
 */

export interface GroupQuery {
	filter: string | null;
	startIndex: number;
	count: number;
	/** `excludedAttributes=members`, which Entra ID sends when it only checks a group exists. */
	withMembers: boolean;
}

async function groupOf(database: Db, connection: DirectoryConnection, id: string) {
	return database
		.selectFrom('directory_groups')
		.selectAll()
		.where('connection_id', '=', connection.id)
		.where('id', '=', id)
		.executeTakeFirst();
}

const notFound = (id: string): ScimAnswer => ({
	problem: problem(404, `No Group with id ${id.slice(0, 64)}.`),
	resourceId: id
});

async function membersOf(database: Db, groupIds: string[]) {
	if (groupIds.length === 0) return new Map<string, { id: string; name: string }[]>();
	const rows = await database
		.selectFrom('directory_group_members')
		.innerJoin('people', 'people.id', 'directory_group_members.person_id')
		.select(['directory_group_members.group_id', 'people.id', 'people.name'])
		.where('directory_group_members.group_id', 'in', groupIds)
		.orderBy('people.name')
		.execute();
	const byGroup = new Map<string, { id: string; name: string }[]>();
	for (const row of rows) {
		const list = byGroup.get(row.group_id) ?? [];
		list.push({ id: row.id, name: row.name });
		byGroup.set(row.group_id, list);
	}
	return byGroup;
}

function groupResource(group: DirectoryGroup, members: { id: string; name: string }[] | null, baseUrl: string) {
	return {
		schemas: [SCIM.group],
		id: group.id,
		...(group.external_id ? { externalId: group.external_id } : {}),
		displayName: group.display_name,
		...(members
			? { members: members.map((m) => ({ value: m.id, display: m.name, $ref: `${baseUrl}/Users/${m.id}` })) }
			: {}),
		meta: {
			resourceType: 'Group',
			created: group.created_at,
			lastModified: group.updated_at,
			location: `${baseUrl}/Groups/${group.id}`
		}
	};
}

async function resource(database: Db, group: DirectoryGroup, withMembers: boolean, baseUrl: string) {
	const members = withMembers ? ((await membersOf(database, [group.id])).get(group.id) ?? []) : null;
	return groupResource(group, members, baseUrl);
}

export async function getGroup(
	database: Db,
	connection: DirectoryConnection,
	id: string,
	withMembers: boolean,
	baseUrl: string
): Promise<ScimAnswer> {
	const group = await groupOf(database, connection, id);
	if (!group) return notFound(id);
	return { status: 200, body: await resource(database, group, withMembers, baseUrl), resourceId: id };
}

export async function listGroups(
	database: Db,
	connection: DirectoryConnection,
	query: GroupQuery,
	baseUrl: string
): Promise<ScimAnswer> {
	let base = database.selectFrom('directory_groups').where('connection_id', '=', connection.id);
	if (query.filter !== null) {
		const filter = readFilter(query.filter, GROUP_FILTERS);
		if (!filter.ok) return { problem: filter.problem };
		const { attribute, value } = filter.value;
		if (attribute === 'displayName')
			base = base.where((eb) => eb(eb.fn('lower', ['display_name']), '=', value.toLowerCase()));
		else if (attribute === 'externalId') base = base.where('external_id', '=', value);
		else base = base.where('id', '=', value);
	}
	const [groups, total] = await Promise.all([
		base
			.selectAll()
			.orderBy('created_at')
			.orderBy('id')
			.limit(query.count)
			.offset(query.startIndex - 1)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	const members = query.withMembers
		? await membersOf(
				database,
				groups.map((g) => g.id)
			)
		: null;
	const resources = groups.map((g) => groupResource(g, members ? (members.get(g.id) ?? []) : null, baseUrl));
	return { status: 200, body: listResponse(resources, Number(total.n), query.startIndex) };
}

/** Refuses members that are not Users this connection provisions. */
async function checkMembers(trx: Db, connection: DirectoryConnection, ids: string[]): Promise<void> {
	if (ids.length === 0) return;
	const known = await trx
		.selectFrom('directory_people')
		.select('person_id')
		.where('connection_id', '=', connection.id)
		.where('person_id', 'in', ids)
		.execute();
	const found = new Set(known.map((k) => k.person_id));
	const unknown = ids.find((id) => !found.has(id));
	if (unknown !== undefined)
		throw new Refused(
			problem(400, `The member ${unknown.slice(0, 64)} is not a User of this directory.`, 'invalidValue')
		);
}

/**
 * Applies member steps to a group, in order; returns the people whose membership changed, for
 * their teams to follow.
 */
async function changeMembers(
	trx: Db,
	connection: DirectoryConnection,
	groupId: string,
	steps: MemberStep[],
	now: Date
): Promise<Set<string>> {
	const touched = new Set<string>();
	const at = now.toISOString();
	for (const step of steps) {
		const current = new Set(
			(
				await trx.selectFrom('directory_group_members').select('person_id').where('group_id', '=', groupId).execute()
			).map((r) => r.person_id)
		);
		const wanted = step.op === 'clear' ? [] : step.ids;
		if (step.op !== 'remove' && step.op !== 'clear') await checkMembers(trx, connection, wanted);
		const adds = step.op === 'add' || step.op === 'set' ? wanted.filter((id) => !current.has(id)) : [];
		const removes =
			step.op === 'remove'
				? wanted.filter((id) => current.has(id))
				: step.op === 'clear'
					? [...current]
					: step.op === 'set'
						? [...current].filter((id) => !wanted.includes(id))
						: [];
		for (let i = 0; i < adds.length; i += 500)
			await trx
				.insertInto('directory_group_members')
				.values(adds.slice(i, i + 500).map((person_id) => ({ group_id: groupId, person_id, added_at: at })))
				.execute();
		for (let i = 0; i < removes.length; i += 500)
			await trx
				.deleteFrom('directory_group_members')
				.where('group_id', '=', groupId)
				.where('person_id', 'in', removes.slice(i, i + 500))
				.execute();
		for (const id of [...adds, ...removes]) touched.add(id);
	}
	return touched;
}

/**
 * Moves people to the team their mapped groups say, where the connection's teams follow groups:
 * a person already in the team of one of their mapped groups stays; otherwise the team of the
 * group they joined most recently. Audited per person, as the directory's change.
 */
export async function placeByGroups(
	trx: Db,
	connection: DirectoryConnection,
	personIds: Iterable<string>,
	now: Date
): Promise<number> {
	if (connection.teams_from !== 'groups') return 0;
	const ids = [...personIds];
	let moved = 0;
	for (let i = 0; i < ids.length; i += 500) {
		const chunk = ids.slice(i, i + 500);
		const [memberships, people] = await Promise.all([
			trx
				.selectFrom('directory_group_members')
				.innerJoin('directory_groups', 'directory_groups.id', 'directory_group_members.group_id')
				.select(['directory_group_members.person_id', 'directory_groups.team_id', 'directory_group_members.added_at'])
				.where('directory_groups.connection_id', '=', connection.id)
				.where('directory_groups.team_id', 'is not', null)
				.where('directory_group_members.person_id', 'in', chunk)
				.orderBy('directory_group_members.added_at', 'desc')
				.orderBy('directory_groups.id')
				.execute(),
			trx.selectFrom('people').select(['id', 'name', 'team_id']).where('id', 'in', chunk).execute()
		]);
		const byPerson = groupBy(memberships, (m) => m.person_id);
		for (const person of people) {
			const teams = (byPerson.get(person.id) ?? []).map((m) => m.team_id!);
			if (teams.length === 0 || (person.team_id !== null && teams.includes(person.team_id))) continue;
			await moveToTeam(trx, connection, person, teams[0]!, now);
			moved += 1;
		}
	}
	return moved;
}

/** Puts a provisioned person in a team, audited as the directory's change. */
export async function moveToTeam(
	trx: Db,
	connection: DirectoryConnection,
	person: { id: string; name: string },
	teamId: string,
	now: Date
): Promise<void> {
	await updatePerson(trx, person.id, { team_id: teamId, updated_at: now.toISOString() });
	await recordAudit(trx, {
		actorId: null,
		action: 'person.updated',
		objectType: 'person',
		objectId: person.id,
		summary: {
			code: 'admin_audit_directory_person_updated',
			params: { directory: connection.name, name: person.name, fields: [fieldInText.team_id] }
		},
		details: { directory: connection.id, changed: ['team_id'] },
		at: now
	});
}

/** POST /Groups. */
export async function createGroup(
	database: Db,
	connection: DirectoryConnection,
	body: unknown,
	now: Date,
	baseUrl: string
): Promise<ScimAnswer> {
	const read = readGroup(body);
	if (!read.ok) return { problem: read.problem };
	const input = read.value;
	return inChange(database, async (trx) => {
		const clash = await trx
			.selectFrom('directory_groups')
			.select('id')
			.where('connection_id', '=', connection.id)
			.where((eb) => eb(eb.fn('lower', ['display_name']), '=', input.displayName.toLowerCase()))
			.executeTakeFirst();
		if (clash)
			return {
				problem: problem(409, `A Group named ${input.displayName} exists.`, 'uniqueness'),
				resourceId: clash.id
			};
		const at = now.toISOString();
		const group: DirectoryGroup = {
			id: newId(),
			connection_id: connection.id,
			display_name: input.displayName,
			external_id: input.externalId,
			team_id: null,
			created_at: at,
			updated_at: at
		};
		await trx.insertInto('directory_groups').values(group).execute();
		await changeMembers(trx, connection, group.id, [{ op: 'set', ids: input.members }], now);
		return { status: 201, body: await resource(trx, group, true, baseUrl), resourceId: group.id };
	});
}

/** PUT /Groups/{id}: the name and members as sent. */
export async function replaceGroup(
	database: Db,
	connection: DirectoryConnection,
	id: string,
	body: unknown,
	now: Date,
	baseUrl: string
): Promise<ScimAnswer> {
	const read = readGroup(body);
	if (!read.ok) return { problem: read.problem, resourceId: id };
	const input = read.value;
	return changeGroup(
		database,
		connection,
		id,
		{ displayName: input.displayName, externalId: input.externalId, members: [{ op: 'set', ids: input.members }] },
		now,
		baseUrl
	);
}

/** PATCH /Groups/{id}: answered 204, as directories patch large groups member by member. */
export async function patchGroup(
	database: Db,
	connection: DirectoryConnection,
	id: string,
	body: unknown,
	now: Date
): Promise<ScimAnswer> {
	const read = readGroupPatch(body);
	if (!read.ok) return { problem: read.problem, resourceId: id };
	return changeGroup(database, connection, id, read.value, now, null);
}

async function changeGroup(
	database: Db,
	connection: DirectoryConnection,
	id: string,
	change: { displayName?: string; externalId?: string | null; members: MemberStep[] },
	now: Date,
	baseUrl: string | null
): Promise<ScimAnswer> {
	const answer = await inChange(database, async (trx) => {
		const group = await groupOf(trx, connection, id);
		if (!group) return notFound(id);
		if (change.displayName !== undefined && change.displayName.toLowerCase() !== group.display_name.toLowerCase()) {
			const clash = await trx
				.selectFrom('directory_groups')
				.select('id')
				.where('connection_id', '=', connection.id)
				.where((eb) => eb(eb.fn('lower', ['display_name']), '=', change.displayName!.toLowerCase()))
				.executeTakeFirst();
			if (clash) throw new Refused(problem(409, `A Group named ${change.displayName} exists.`, 'uniqueness'));
		}
		const touched = await changeMembers(trx, connection, id, change.members, now);
		const updated: DirectoryGroup = {
			...group,
			display_name: change.displayName ?? group.display_name,
			external_id: change.externalId !== undefined ? change.externalId : group.external_id,
			updated_at: now.toISOString()
		};
		await trx
			.updateTable('directory_groups')
			.set({ display_name: updated.display_name, external_id: updated.external_id, updated_at: updated.updated_at })
			.where('id', '=', id)
			.execute();
		if (group.team_id !== null) await placeByGroups(trx, connection, touched, now);
		return baseUrl === null
			? { status: 204, resourceId: id }
			: { status: 200, body: await resource(trx, updated, true, baseUrl), resourceId: id };
	});
	return 'problem' in answer ? { ...answer, resourceId: id } : answer;
}

/** DELETE /Groups/{id}: the group and its memberships go; its members stay in their teams. */
export async function deleteGroup(database: Db, connection: DirectoryConnection, id: string): Promise<ScimAnswer> {
	return inChange(database, async (trx) => {
		const group = await groupOf(trx, connection, id);
		if (!group) return notFound(id);
		await trx.deleteFrom('directory_groups').where('id', '=', id).execute();
		return { status: 204, resourceId: id };
	});
}
