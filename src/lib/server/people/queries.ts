import { sql } from 'kysely';
import type { Db } from '../db';
import { newId } from '../db/ids';
import type { GrantedRole, NewPerson, NewRoleGrant, Person, PersonUpdate } from '../db/schema';
import type { Placement, Scope } from './rules';

/** Columns safe to hand to pages: everything but the password hash. */
const publicColumns = [
	'people.id',
	'people.email',
	'people.name',
	'people.job_title',
	'people.team_id',
	'people.manager_id',
	'people.time_zone',
	'people.language',
	'people.active',
	'people.employee_id',
	'people.department',
	'people.created_at',
	'people.updated_at'
] as const;

export type PersonPublic = Omit<Person, 'password_hash'>;

export interface PersonDetail extends PersonPublic {
	team_name: string | null;
	team_kind: string | null;
	unit_id: string | null;
	unit_name: string | null;
	unit_path: string | null;
	manager_name: string | null;
	manager_email: string | null;
	has_password: boolean;
}

/** The person's row as stored, every column: for the personal-data export, which decides what to show. */
export async function getPersonRow(database: Db, id: string): Promise<Person | undefined> {
	return database.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

/** How to reach people and speak to them: for notifications and their emails. */
export async function contactsOf(database: Db, ids: readonly string[]) {
	if (ids.length === 0) return [];
	return database
		.selectFrom('people')
		.select(['id', 'name', 'email', 'language', 'time_zone', 'active'])
		.where('id', 'in', ids)
		.execute();
}

export async function findPersonByEmail(database: Db, email: string): Promise<Person | undefined> {
	return database.selectFrom('people').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function getPersonDetail(database: Db, id: string): Promise<PersonDetail | undefined> {
	const row = await database
		.selectFrom('people')
		.leftJoin('teams', 'teams.id', 'people.team_id')
		.leftJoin('org_units', 'org_units.id', 'teams.org_unit_id')
		.leftJoin('people as manager', 'manager.id', 'people.manager_id')
		.select(publicColumns)
		.select([
			'teams.name as team_name',
			'teams.kind as team_kind',
			'org_units.id as unit_id',
			'org_units.name as unit_name',
			'org_units.path as unit_path',
			'manager.name as manager_name',
			'manager.email as manager_email',
			'people.password_hash'
		])
		.where('people.id', '=', id)
		.executeTakeFirst();
	if (!row) return undefined;
	const { password_hash, ...rest } = row;
	return { ...rest, has_password: password_hash !== null };
}

/** The people with these (already normalised) email addresses, active or not. */
export async function findPeopleByEmails(
	database: Db,
	emails: readonly string[]
): Promise<{ id: string; email: string; active: number }[]> {
	if (emails.length === 0) return [];
	return database.selectFrom('people').select(['id', 'email', 'active']).where('email', 'in', emails).execute();
}

export async function placementOf(database: Db, personId: string): Promise<Placement | undefined> {
	const row = await database
		.selectFrom('people')
		.leftJoin('teams', 'teams.id', 'people.team_id')
		.leftJoin('org_units', 'org_units.id', 'teams.org_unit_id')
		.select(['people.id', 'people.team_id', 'org_units.path'])
		.where('people.id', '=', personId)
		.executeTakeFirst();
	return row && { personId: row.id, teamId: row.team_id, unitPath: row.path };
}

export async function scopeOf(database: Db, personId: string): Promise<Scope> {
	const grants = await database
		.selectFrom('role_grants')
		.leftJoin('org_units', 'org_units.id', 'role_grants.org_unit_id')
		.select(['role_grants.role', 'role_grants.team_id', 'org_units.path'])
		.where('role_grants.person_id', '=', personId)
		.execute();
	return {
		personId,
		isAdmin: grants.some((g) => g.role === 'admin'),
		managedTeamIds: grants.flatMap((g) => (g.role === 'manager' && g.team_id ? [g.team_id] : [])),
		ledUnitPaths: grants.flatMap((g) => (g.role === 'leader' && g.path ? [g.path] : []))
	};
}

export interface PersonListFilters {
	q?: string;
	teamId?: string;
	unitPath?: string;
	role?: 'staff' | GrantedRole;
	active?: boolean;
}

export interface PersonListRow {
	id: string;
	name: string;
	email: string;
	job_title: string;
	active: number;
	team_id: string | null;
	team_name: string | null;
	unit_name: string | null;
}

const listColumns = [
	'people.id',
	'people.name',
	'people.email',
	'people.job_title',
	'people.active',
	'people.team_id',
	'teams.name as team_name',
	'org_units.name as unit_name'
] as const;

export async function listPeople(
	database: Db,
	filters: PersonListFilters,
	page: { limit: number; offset: number }
): Promise<{ rows: PersonListRow[]; total: number }> {
	let base = database
		.selectFrom('people')
		.leftJoin('teams', 'teams.id', 'people.team_id')
		.leftJoin('org_units', 'org_units.id', 'teams.org_unit_id');
	if (filters.q) {
		// Wildcards typed by the person are matched literally (escaped, with an explicit ESCAPE).
		const needle = `%${filters.q
			.trim()
			.toLowerCase()
			.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		base = base.where(
			sql<boolean>`(lower(people.name) like ${needle} escape '\\' or people.email like ${needle} escape '\\' or lower(people.job_title) like ${needle} escape '\\')`
		);
	}
	if (filters.teamId) base = base.where('people.team_id', '=', filters.teamId);
	if (filters.unitPath) base = base.where('org_units.path', 'like', `${filters.unitPath}%`);
	if (filters.active !== undefined) base = base.where('people.active', '=', filters.active ? 1 : 0);
	const role = filters.role;
	if (role && role !== 'staff') {
		base = base.where((eb) =>
			eb.exists(
				eb
					.selectFrom('role_grants')
					.select('role_grants.id')
					.whereRef('role_grants.person_id', '=', 'people.id')
					.where('role_grants.role', '=', role)
			)
		);
	}
	const [rows, count] = await Promise.all([
		base
			.select(listColumns)
			.orderBy('people.name')
			.orderBy('people.id')
			.limit(page.limit)
			.offset(page.offset)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows, total: Number(count.n) };
}

/** Everyone, active or not, with their line manager's email: what an import is checked against. */
export async function peopleWithManagerEmails(database: Db) {
	return database
		.selectFrom('people')
		.leftJoin('people as manager', 'manager.id', 'people.manager_id')
		.select([
			'people.id',
			'people.email',
			'people.name',
			'people.job_title',
			'people.team_id',
			'people.time_zone',
			'people.active',
			'manager.email as manager_email'
		])
		.execute();
}

/** Email -> id for the people with these (already normalised) email addresses. */
export async function personIdsByEmail(database: Db, emails: readonly string[]): Promise<Map<string, string>> {
	return new Map((await findPeopleByEmails(database, emails)).map((m) => [m.email, m.id]));
}

/** What a new person is given; every other column starts empty (see `newPersonRow`). */
export type NewPersonFields = Pick<Person, 'email' | 'name' | 'language'> &
	Partial<Pick<Person, 'job_title' | 'team_id' | 'manager_id' | 'time_zone' | 'employee_id' | 'department'>>;

/**
 * The row of a person about to be added, however they arrive (an admin, single sign-on, a
 * directory): active, with no password (an invitation sets one; single sign-on needs none), and no
 * job title, team, manager, employee number or department unless given; time zone UTC by default.
 */
export function newPersonRow(fields: NewPersonFields, now: Date): Person {
	const at = now.toISOString();
	return {
		id: newId(),
		email: fields.email,
		name: fields.name,
		job_title: fields.job_title ?? '',
		team_id: fields.team_id ?? null,
		manager_id: fields.manager_id ?? null,
		time_zone: fields.time_zone ?? 'UTC',
		language: fields.language,
		active: 1,
		password_hash: null,
		employee_id: fields.employee_id ?? null,
		department: fields.department ?? null,
		created_at: at,
		updated_at: at
	};
}

export async function insertPerson(database: Db, person: NewPerson): Promise<void> {
	await database.insertInto('people').values(person).execute();
}

export async function updatePerson(database: Db, id: string, patch: PersonUpdate): Promise<void> {
	await database.updateTable('people').set(patch).where('id', '=', id).execute();
}

export async function getPasswordHash(database: Db, id: string): Promise<string | null> {
	const row = await database.selectFrom('people').select('password_hash').where('id', '=', id).executeTakeFirst();
	return row?.password_hash ?? null;
}

export interface GrantRow {
	id: string;
	role: GrantedRole;
	team_id: string | null;
	team_name: string | null;
	org_unit_id: string | null;
	unit_name: string | null;
}

export async function listGrants(database: Db, personId: string): Promise<GrantRow[]> {
	return database
		.selectFrom('role_grants')
		.leftJoin('teams', 'teams.id', 'role_grants.team_id')
		.leftJoin('org_units', 'org_units.id', 'role_grants.org_unit_id')
		.select([
			'role_grants.id',
			'role_grants.role',
			'role_grants.team_id',
			'teams.name as team_name',
			'role_grants.org_unit_id',
			'org_units.name as unit_name'
		])
		.where('role_grants.person_id', '=', personId)
		.orderBy('role_grants.role')
		.orderBy('role_grants.created_at')
		.execute();
}

/** Every role grant, for checking an import against. */
export async function allGrants(database: Db) {
	return database.selectFrom('role_grants').select(['person_id', 'role', 'team_id', 'org_unit_id']).execute();
}

/** Replaces every grant a person holds with these. */
export async function replaceGrants(
	database: Db,
	personId: string,
	grants: readonly Omit<NewRoleGrant, 'person_id'>[]
): Promise<void> {
	await database.deleteFrom('role_grants').where('person_id', '=', personId).execute();
	if (grants.length) {
		await database
			.insertInto('role_grants')
			.values(grants.map((g) => ({ ...g, person_id: personId })))
			.execute();
	}
}

export async function insertGrant(database: Db, grant: NewRoleGrant): Promise<void> {
	await database.insertInto('role_grants').values(grant).execute();
}

export async function deleteGrant(database: Db, grantId: string): Promise<void> {
	await database.deleteFrom('role_grants').where('id', '=', grantId).execute();
}

/** Every active person holding the admin role, by name: who can be named a break-glass admin. */
export async function listActiveAdmins(database: Db): Promise<{ id: string; name: string; email: string }[]> {
	return database
		.selectFrom('role_grants')
		.innerJoin('people', 'people.id', 'role_grants.person_id')
		.select(['people.id', 'people.name', 'people.email'])
		.where('role_grants.role', '=', 'admin')
		.where('people.active', '=', 1)
		.distinct()
		.orderBy('people.name')
		.execute();
}

export async function countAdmins(database: Db): Promise<number> {
	const row = await database
		.selectFrom('role_grants')
		.innerJoin('people', 'people.id', 'role_grants.person_id')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('role_grants.role', '=', 'admin')
		.where('people.active', '=', 1)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Active members of the given teams, bounded, for team overviews. */
export async function teamMembers(database: Db, teamIds: readonly string[], limit: number): Promise<PersonListRow[]> {
	if (teamIds.length === 0) return [];
	return database
		.selectFrom('people')
		.leftJoin('teams', 'teams.id', 'people.team_id')
		.leftJoin('org_units', 'org_units.id', 'teams.org_unit_id')
		.select(listColumns)
		.where('people.team_id', 'in', teamIds)
		.where('people.active', '=', 1)
		.orderBy('teams.name')
		.orderBy('people.name')
		.limit(limit)
		.execute();
}

/** The named people with their team's name, for listing them beside each other. */
export async function namesWithTeams(
	database: Db,
	personIds: readonly string[]
): Promise<{ id: string; name: string; team: string | null }[]> {
	if (personIds.length === 0) return [];
	return database
		.selectFrom('people')
		.leftJoin('teams', 'teams.id', 'people.team_id')
		.select(['people.id', 'people.name', 'teams.name as team'])
		.where('people.id', 'in', personIds)
		.execute();
}

export async function countPeople(database: Db): Promise<{ total: number; active: number }> {
	const row = await database
		.selectFrom('people')
		.select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.sum<number>('active').as('active')])
		.executeTakeFirstOrThrow();
	return { total: Number(row.total), active: Number(row.active ?? 0) };
}

/** The active managers of each of these teams, as (team, person) pairs. */
/** Every active manager with each team they manage: who the scheduler's month-start prompts reach. */
export async function activeManagerGrants(database: Db) {
	return database
		.selectFrom('role_grants')
		.innerJoin('people', 'people.id', 'role_grants.person_id')
		.innerJoin('teams', 'teams.id', 'role_grants.team_id')
		.select(['role_grants.person_id as personId', 'teams.id as teamId', 'teams.name as team'])
		.where('role_grants.role', '=', 'manager')
		.where('people.active', '=', 1)
		.execute();
}

/** Every active leader with each unit they lead: who gets a unit's monthly scorecard summary. */
export async function activeLeaderGrants(database: Db) {
	return database
		.selectFrom('role_grants')
		.innerJoin('people', 'people.id', 'role_grants.person_id')
		.innerJoin('org_units', 'org_units.id', 'role_grants.org_unit_id')
		.select([
			'role_grants.person_id as personId',
			'org_units.id as unitId',
			'org_units.name as unit',
			'org_units.path as unitPath'
		])
		.where('role_grants.role', '=', 'leader')
		.where('people.active', '=', 1)
		.execute();
}

export async function teamManagers(database: Db, teamIds: readonly string[]) {
	if (teamIds.length === 0) return [];
	return database
		.selectFrom('role_grants')
		.innerJoin('people', 'people.id', 'role_grants.person_id')
		.select(['role_grants.team_id as teamId', 'role_grants.person_id as personId'])
		.where('role_grants.role', '=', 'manager')
		.where('role_grants.team_id', 'in', teamIds)
		.where('people.active', '=', 1)
		.execute();
}
