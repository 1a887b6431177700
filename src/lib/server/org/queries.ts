import type { Db } from '../db';
import type { NewOrgUnit, NewTeam, OrgUnit, Team, TeamKind } from '../db/schema';
import { departmentFromPath, sameName } from './rules';

export async function listUnits(database: Db): Promise<OrgUnit[]> {
	return database.selectFrom('org_units').selectAll().orderBy('path').execute();
}

/** Every unit as stored, in no particular order: for lookups by id or name. */
export async function allUnits(database: Db): Promise<OrgUnit[]> {
	return database.selectFrom('org_units').selectAll().execute();
}

export async function getUnit(database: Db, id: string): Promise<OrgUnit | undefined> {
	return database.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The units with these ids (unknown ids are left out). */
export async function unitsWithIds(database: Db, ids: readonly string[]): Promise<{ id: string; path: string }[]> {
	if (ids.length === 0) return [];
	return database.selectFrom('org_units').select(['id', 'path']).where('id', 'in', ids).execute();
}

export async function findUnitByName(database: Db, name: string): Promise<OrgUnit | undefined> {
	return database.selectFrom('org_units').selectAll().where('name', '=', name).executeTakeFirst();
}

/** The unit under `parentId` (null: at the top level) with this name, ignoring case (see sameName). */
export async function findSiblingByName(
	database: Db,
	parentId: string | null,
	name: string
): Promise<OrgUnit | undefined> {
	const query = database.selectFrom('org_units').selectAll();
	const siblings = await (
		parentId === null ? query.where('parent_id', 'is', null) : query.where('parent_id', '=', parentId)
	).execute();
	return siblings.find((u) => sameName(u.name, name));
}

export async function insertUnit(database: Db, unit: NewOrgUnit): Promise<void> {
	await database.insertInto('org_units').values(unit).execute();
}

export async function updateUnit(
	database: Db,
	id: string,
	patch: Partial<Pick<OrgUnit, 'name' | 'kind'>>
): Promise<void> {
	await database.updateTable('org_units').set(patch).where('id', '=', id).execute();
}

/** Re-parents a unit: rewrites the path prefix of the unit and everything below it. */
export async function moveUnitSubtree(
	database: Db,
	unit: OrgUnit,
	newParentId: string | null,
	newPath: string
): Promise<void> {
	const descendants = await database
		.selectFrom('org_units')
		.select(['id', 'path'])
		.where('path', 'like', `${unit.path}%`)
		.execute();
	await database.updateTable('org_units').set({ parent_id: newParentId }).where('id', '=', unit.id).execute();
	for (const d of descendants) {
		await database
			.updateTable('org_units')
			.set({ path: newPath + d.path.slice(unit.path.length) })
			.where('id', '=', d.id)
			.execute();
	}
}

export async function unitUsage(database: Db, id: string): Promise<{ children: number; teams: number }> {
	const [children, teams] = await Promise.all([
		database
			.selectFrom('org_units')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('parent_id', '=', id)
			.executeTakeFirstOrThrow(),
		database
			.selectFrom('teams')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('org_unit_id', '=', id)
			.executeTakeFirstOrThrow()
	]);
	return { children: Number(children.n), teams: Number(teams.n) };
}

export async function deleteUnit(database: Db, id: string): Promise<void> {
	await database.deleteFrom('role_grants').where('org_unit_id', '=', id).execute();
	await database.deleteFrom('org_units').where('id', '=', id).execute();
}

export interface TeamRow extends Team {
	unit_name: string;
	unit_path: string;
	member_count: number;
}

function teamsWithCounts(database: Db) {
	return database
		.selectFrom('teams')
		.innerJoin('org_units', 'org_units.id', 'teams.org_unit_id')
		.selectAll('teams')
		.select(['org_units.name as unit_name', 'org_units.path as unit_path'])
		.select((eb) =>
			eb
				.selectFrom('people')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('people.team_id', '=', 'teams.id')
				.where('people.active', '=', 1)
				.as('member_count')
		);
}

export async function listTeams(database: Db): Promise<TeamRow[]> {
	const rows = await teamsWithCounts(database).orderBy('teams.name').execute();
	return rows.map((r) => ({ ...r, member_count: Number(r.member_count ?? 0) }));
}

/**
 * The teams a person's grants name: those with the given ids and those under the given unit
 * paths, by name. Reads only those teams, so a page about one's own teams costs the same in an
 * organisation of 500 teams as in one of 5.
 */
export async function teamsInGrants(
	database: Db,
	grants: { teamIds: readonly string[]; unitPaths: readonly string[] }
): Promise<TeamRow[]> {
	if (grants.teamIds.length === 0 && grants.unitPaths.length === 0) return [];
	const rows = await teamsWithCounts(database)
		.where((eb) =>
			eb.or([
				...(grants.teamIds.length ? [eb('teams.id', 'in', grants.teamIds)] : []),
				...grants.unitPaths.map((path) => eb('org_units.path', 'like', `${path}%`))
			])
		)
		.orderBy('teams.name')
		.execute();
	return rows.map((r) => ({ ...r, member_count: Number(r.member_count ?? 0) }));
}

export async function countTeams(database: Db): Promise<number> {
	const row = await database
		.selectFrom('teams')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function getTeam(database: Db, id: string): Promise<TeamRow | undefined> {
	const row = await teamsWithCounts(database).where('teams.id', '=', id).executeTakeFirst();
	return row && { ...row, member_count: Number(row.member_count ?? 0) };
}

/** Every team as stored, without member counts, in no particular order: for lookups by id or name. */
export async function allTeams(database: Db): Promise<Team[]> {
	return database.selectFrom('teams').selectAll().execute();
}

/** The team with this name, ignoring case (see sameName; compared here, not with SQL's lower()). */
export async function findTeamByName(database: Db, name: string): Promise<Team | undefined> {
	return (await allTeams(database)).find((t) => sameName(t.name, name));
}

export async function insertTeam(database: Db, team: NewTeam): Promise<void> {
	await database.insertInto('teams').values(team).execute();
}

export async function updateTeam(
	database: Db,
	id: string,
	patch: { name: string; kind: TeamKind; org_unit_id: string }
): Promise<void> {
	await database.updateTable('teams').set(patch).where('id', '=', id).execute();
}

export async function teamMemberCount(database: Db, id: string): Promise<number> {
	const row = await database
		.selectFrom('people')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('team_id', '=', id)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function deleteTeam(database: Db, id: string): Promise<void> {
	await database.deleteFrom('role_grants').where('team_id', '=', id).execute();
	await database.deleteFrom('teams').where('id', '=', id).execute();
}

/** Managers of each team (from manager role grants), for listing. */
export async function teamManagers(
	database: Db,
	teamIds: readonly string[]
): Promise<Map<string, { id: string; name: string }[]>> {
	const byTeam = new Map<string, { id: string; name: string }[]>();
	if (teamIds.length === 0) return byTeam;
	const rows = await database
		.selectFrom('role_grants')
		.innerJoin('people', 'people.id', 'role_grants.person_id')
		.select(['role_grants.team_id', 'people.id', 'people.name'])
		.where('role_grants.role', '=', 'manager')
		.where('role_grants.team_id', 'in', teamIds)
		.orderBy('people.name')
		.execute();
	for (const row of rows) {
		if (!row.team_id) continue;
		const list = byTeam.get(row.team_id) ?? [];
		list.push({ id: row.id, name: row.name });
		byTeam.set(row.team_id, list);
	}
	return byTeam;
}

/** Each person's department id (see departmentFromPath); null for people without a team. */
export async function departmentsOf(database: Db, personIds: readonly string[]): Promise<Map<string, string | null>> {
	const result = new Map<string, string | null>();
	if (personIds.length === 0) return result;
	const [people, units] = await Promise.all([
		database
			.selectFrom('people')
			.leftJoin('teams', 'teams.id', 'people.team_id')
			.leftJoin('org_units', 'org_units.id', 'teams.org_unit_id')
			.select(['people.id', 'org_units.path'])
			.where('people.id', 'in', personIds)
			.execute(),
		database.selectFrom('org_units').select(['id', 'kind']).execute()
	]);
	const kinds = new Map(units.map((u) => [u.id, u.kind]));
	for (const p of people) result.set(p.id, p.path ? departmentFromPath(p.path, (id) => kinds.get(id)) : null);
	return result;
}
