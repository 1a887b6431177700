import { recordAudit } from '../audit/log';
import type { Db } from '../db';
import type { DirectoryConnection, DirectoryPerson, HeldChangeKind, Person } from '../db/schema';
import { defaultLocale } from '../org/settings';
import { findPersonByEmail, getPersonRow, insertPerson, newPersonRow, updatePerson } from '../people/queries';
import { fieldInText, withdrawFromWhatIsAhead, type AuditedPersonField } from '../people/service';
import { brakeHolds, dropHeldChange, heldProblem, holdChange, recordDeactivation, RETRY_AFTER_SECONDS } from './brake';
import {
	listResponse,
	problem,
	readFilter,
	readUser,
	readUserPatch,
	SCIM,
	type DirectoryUser,
	type ScimProblem,
	type UserChange
} from './scim';

/**
 * SCIM Users over Ripple's people, for one directory connection at a time: a connection sees only
 * the people it provisioned (its `directory_people`), so one directory's token can neither read nor
 * change another's. A User's id is the person's id. Every change is one transaction and audited;
 * a refused request changes nothing. Deleting a User deactivates the person and forgets the
 * directory's link: their history stays in Ripple.
 */

export type ScimAnswer =
	| { status: number; body?: unknown; resourceId?: string }
	| { problem: ScimProblem; resourceId?: string; headers?: Record<string, string> };

type Provisioned = { person: Person; link: DirectoryPerson };

/** The User resource of a provisioned person. */
export function userResource({ person, link }: Provisioned, baseUrl: string) {
	return {
		schemas: [SCIM.user, SCIM.enterprise],
		id: person.id,
		externalId: link.external_id ?? undefined,
		userName: link.user_name,
		name: {
			formatted: person.name,
			...(link.given_name ? { givenName: link.given_name } : {}),
			...(link.family_name ? { familyName: link.family_name } : {})
		},
		displayName: person.name,
		emails: [{ value: person.email, type: 'work', primary: true }],
		...(person.job_title ? { title: person.job_title } : {}),
		active: person.active === 1,
		[SCIM.enterprise]: {
			...(person.employee_id ? { employeeNumber: person.employee_id } : {}),
			...(person.department ? { department: person.department } : {}),
			...(person.manager_id
				? { manager: { value: person.manager_id, $ref: `${baseUrl}/Users/${person.manager_id}` } }
				: {})
		},
		meta: {
			resourceType: 'User',
			created: link.created_at,
			lastModified: person.updated_at > link.updated_at ? person.updated_at : link.updated_at,
			location: `${baseUrl}/Users/${person.id}`
		}
	};
}

async function provisioned(
	database: Db,
	connection: DirectoryConnection,
	personId: string
): Promise<Provisioned | undefined> {
	const link = await database
		.selectFrom('directory_people')
		.selectAll()
		.where('connection_id', '=', connection.id)
		.where('person_id', '=', personId)
		.executeTakeFirst();
	const person = link ? await getPersonRow(database, personId) : undefined;
	return person && link ? { person, link } : undefined;
}

const notFound = (id: string): ScimAnswer => ({
	problem: problem(404, `No User with id ${id.slice(0, 64)}.`),
	resourceId: id
});

export async function getUser(
	database: Db,
	connection: DirectoryConnection,
	id: string,
	baseUrl: string
): Promise<ScimAnswer> {
	const found = await provisioned(database, connection, id);
	return found ? { status: 200, body: userResource(found, baseUrl), resourceId: id } : notFound(id);
}

export async function listUsers(
	database: Db,
	connection: DirectoryConnection,
	query: { filter: string | null; startIndex: number; count: number },
	baseUrl: string
): Promise<ScimAnswer> {
	let base = database
		.selectFrom('directory_people')
		.innerJoin('people', 'people.id', 'directory_people.person_id')
		.where('directory_people.connection_id', '=', connection.id);
	if (query.filter !== null) {
		const filter = readFilter(query.filter);
		if (!filter.ok) return { problem: filter.problem };
		const { attribute, value } = filter.value;
		// userName is not case-exact in SCIM (RFC 7643 §4.1.1); externalId and id are.
		if (attribute === 'userName')
			base = base.where((eb) => eb(eb.fn('lower', ['directory_people.user_name']), '=', value.toLowerCase()));
		else if (attribute === 'externalId') base = base.where('directory_people.external_id', '=', value);
		else if (attribute === 'id') base = base.where('people.id', '=', value);
		else base = base.where('people.name', '=', value);
	}
	const [page, total] = await Promise.all([
		base
			.select('people.id')
			.orderBy('directory_people.created_at')
			.orderBy('people.id')
			.limit(query.count)
			.offset(query.startIndex - 1)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	const ids = page.map((row) => row.id);
	const [people, links] = ids.length
		? await Promise.all([
				database.selectFrom('people').selectAll().where('id', 'in', ids).execute(),
				database
					.selectFrom('directory_people')
					.selectAll()
					.where('connection_id', '=', connection.id)
					.where('person_id', 'in', ids)
					.execute()
			])
		: [[], []];
	const personById = new Map(people.map((p) => [p.id, p]));
	const linkById = new Map(links.map((l) => [l.person_id, l]));
	const resources = ids.map((id) => userResource({ person: personById.get(id)!, link: linkById.get(id)! }, baseUrl));
	return { status: 200, body: listResponse(resources, Number(total.n), query.startIndex) };
}

/** The Ripple name a directory's User carries: its display name, else its name parts, else userName. */
function nameOf(user: Pick<DirectoryUser, 'displayName' | 'givenName' | 'familyName' | 'userName'>): string {
	if (user.displayName) return user.displayName;
	const parts = [user.givenName, user.familyName].filter((p): p is string => !!p);
	return parts.length > 0 ? parts.join(' ') : user.userName;
}

/** A refusal thrown inside a change's transaction, which rolls it back and answers the problem. */
export class Refused extends Error {
	constructor(readonly problem: ScimProblem) {
		super(problem.detail);
	}
}

/**
 * Applies a change from the directory to a person, in the caller's transaction: uniqueness and
 * references are checked first (a `Refused` rolls everything back), then the person, their link and
 * the audit entries are written. Deactivation takes them out of what is ahead, as an admin's does.
 */
async function applyChange(
	trx: Db,
	connection: DirectoryConnection,
	target: Provisioned,
	change: UserChange,
	now: Date
): Promise<void> {
	const { person, link } = target;
	const at = now.toISOString();
	const patch: Partial<Pick<Person, AuditedPersonField>> = {};

	if (change.email !== undefined) {
		if (change.email === null) throw new Refused(problem(400, 'A User needs an email address.', 'invalidValue'));
		if (change.email !== person.email) {
			const other = await findPersonByEmail(trx, change.email);
			if (other && other.id !== person.id)
				throw new Refused(problem(409, `Another person in Ripple has the email ${change.email}.`, 'uniqueness'));
			patch.email = change.email;
		}
	}
	if (change.userName !== undefined && change.userName !== null && change.userName !== link.user_name) {
		const taken = await trx
			.selectFrom('directory_people')
			.select('person_id')
			.where('connection_id', '=', connection.id)
			.where((eb) => eb(eb.fn('lower', ['user_name']), '=', change.userName!.toLowerCase()))
			.where('person_id', '!=', person.id)
			.executeTakeFirst();
		if (taken) throw new Refused(problem(409, `userName ${change.userName} is taken.`, 'uniqueness'));
	}
	const displayName = change.displayName !== undefined ? change.displayName : link.display_name;
	const givenName = change.givenName !== undefined ? change.givenName : link.given_name;
	const familyName = change.familyName !== undefined ? change.familyName : link.family_name;
	if (change.displayName !== undefined || change.givenName !== undefined || change.familyName !== undefined) {
		const name = nameOf({ displayName, givenName, familyName, userName: change.userName ?? link.user_name });
		if (name !== person.name) patch.name = name;
	}
	if (change.title !== undefined && (change.title ?? '') !== person.job_title) patch.job_title = change.title ?? '';
	if (change.employeeNumber !== undefined && change.employeeNumber !== person.employee_id) {
		if (change.employeeNumber !== null) {
			const other = await trx
				.selectFrom('people')
				.select('id')
				.where('employee_id', '=', change.employeeNumber)
				.executeTakeFirst();
			if (other && other.id !== person.id)
				throw new Refused(problem(409, `Another person has employee number ${change.employeeNumber}.`, 'uniqueness'));
		}
		patch.employee_id = change.employeeNumber;
	}
	if (change.department !== undefined && change.department !== person.department) {
		patch.department = change.department;
		if (change.department !== null) {
			const mapped = await trx
				.selectFrom('directory_departments')
				.select('team_id')
				.where('connection_id', '=', connection.id)
				.where('department_key', '=', change.department.toLowerCase())
				.executeTakeFirst();
			// A department without a mapping leaves the team as it is, for an admin to place; where
			// teams follow groups, the department is only kept.
			if (connection.teams_from === 'department' && mapped && mapped.team_id !== person.team_id)
				patch.team_id = mapped.team_id;
		}
	}
	if (change.managerId !== undefined && change.managerId !== person.manager_id) {
		if (change.managerId !== null) {
			if (change.managerId === person.id)
				throw new Refused(problem(400, 'A person cannot be their own manager.', 'invalidValue'));
			const manager = await getPersonRow(trx, change.managerId);
			if (!manager)
				throw new Refused(
					problem(400, `The manager ${change.managerId.slice(0, 64)} is not a User Ripple knows.`, 'invalidValue')
				);
		}
		patch.manager_id = change.managerId;
	}

	const changed = Object.keys(patch) as AuditedPersonField[];
	if (changed.length > 0) await updatePerson(trx, person.id, { ...patch, updated_at: at });
	await trx
		.updateTable('directory_people')
		.set({
			user_name: change.userName ?? link.user_name,
			external_id: change.externalId !== undefined ? change.externalId : link.external_id,
			display_name: displayName,
			given_name: givenName,
			family_name: familyName,
			updated_at: at
		})
		.where('connection_id', '=', connection.id)
		.where('person_id', '=', person.id)
		.execute();
	const name = patch.name ?? person.name;
	if (changed.length > 0)
		await recordAudit(trx, {
			actorId: null,
			action: 'person.updated',
			objectType: 'person',
			objectId: person.id,
			summary: {
				code: 'admin_audit_directory_person_updated',
				params: { directory: connection.name, name, fields: changed.map((f) => fieldInText[f]) }
			},
			details: { directory: connection.id, changed },
			at: now
		});

	if (change.active !== undefined && change.active !== (person.active === 1)) {
		await updatePerson(trx, person.id, { active: change.active ? 1 : 0, updated_at: at });
		const withdrawn = change.active ? null : await withdrawFromWhatIsAhead(trx, person.id, now);
		if (!change.active) await recordDeactivation(trx, connection, person.id, now);
		await recordAudit(trx, {
			actorId: null,
			action: change.active ? 'person.reactivated' : 'person.deactivated',
			objectType: 'person',
			objectId: person.id,
			summary: {
				code: change.active ? 'admin_audit_directory_person_reactivated' : 'admin_audit_directory_person_deactivated',
				params: { directory: connection.name, name }
			},
			details: { directory: connection.id, ...(withdrawn ?? {}) },
			at: now
		});
	}
}

/** Runs a change in one transaction; a `Refused` rolls it back and becomes the answer. */
export async function inChange(database: Db, work: (trx: Db) => Promise<ScimAnswer>): Promise<ScimAnswer> {
	try {
		return await database.transaction().execute(work);
	} catch (err) {
		if (err instanceof Refused) return { problem: err.problem };
		throw err;
	}
}

/**
 * POST /Users. A person already in Ripple with the User's email (added by an admin or an import)
 * is adopted rather than duplicated, unless another directory provisions them.
 */
export async function createUser(
	database: Db,
	connection: DirectoryConnection,
	body: unknown,
	now: Date,
	baseUrl: string
): Promise<ScimAnswer> {
	const read = readUser(body);
	if (!read.ok) return { problem: read.problem };
	const user = read.value;
	if (!user.email)
		return {
			problem: problem(400, 'A User needs an email address (emails, or a userName that is one).', 'invalidValue')
		};
	return inChange(database, async (trx) => {
		const clash = await trx
			.selectFrom('directory_people')
			.select('person_id')
			.where('connection_id', '=', connection.id)
			.where((eb) => eb(eb.fn('lower', ['user_name']), '=', user.userName.toLowerCase()))
			.executeTakeFirst();
		if (clash)
			return {
				problem: problem(409, `A User with userName ${user.userName} exists.`, 'uniqueness'),
				resourceId: clash.person_id
			};

		const at = now.toISOString();
		let person = await findPersonByEmail(trx, user.email!);
		if (person) {
			const elsewhere = await trx
				.selectFrom('directory_people')
				.select('connection_id')
				.where('person_id', '=', person.id)
				.executeTakeFirst();
			if (elsewhere)
				return {
					problem: problem(
						409,
						`${user.email} is already provisioned by ${elsewhere.connection_id === connection.id ? 'this' : 'another'} directory.`,
						'uniqueness'
					)
				};
		} else {
			person = newPersonRow({ email: user.email!, name: nameOf(user), language: await defaultLocale(trx) }, now);
			await insertPerson(trx, person);
			await recordAudit(trx, {
				actorId: null,
				action: 'person.created',
				objectType: 'person',
				objectId: person.id,
				summary: {
					code: 'admin_audit_directory_person_created',
					params: { directory: connection.name, name: person.name, email: person.email }
				},
				details: { directory: connection.id },
				at: now
			});
		}
		const link: DirectoryPerson = {
			connection_id: connection.id,
			person_id: person.id,
			user_name: user.userName,
			external_id: null,
			display_name: null,
			given_name: null,
			family_name: null,
			created_at: at,
			updated_at: at
		};
		await trx.insertInto('directory_people').values(link).execute();
		await applyChange(trx, connection, { person, link }, user, now);
		const created = await provisioned(trx, connection, person.id);
		return { status: 201, body: userResource(created!, baseUrl), resourceId: person.id };
	});
}

/** PUT /Users/{id}: the User as sent, attributes left out are cleared. */
export async function replaceUser(
	database: Db,
	connection: DirectoryConnection,
	id: string,
	body: unknown,
	now: Date,
	baseUrl: string
): Promise<ScimAnswer> {
	const read = readUser(body);
	if (!read.ok) return { problem: read.problem, resourceId: id };
	if (!read.value.email)
		return { problem: problem(400, 'A User needs an email address.', 'invalidValue'), resourceId: id };
	return changeUser(database, connection, id, 'replace', read.value, now, baseUrl);
}

/** PATCH /Users/{id}. */
export async function patchUser(
	database: Db,
	connection: DirectoryConnection,
	id: string,
	body: unknown,
	now: Date,
	baseUrl: string
): Promise<ScimAnswer> {
	const read = readUserPatch(body);
	if (!read.ok) return { problem: read.problem, resourceId: id };
	return changeUser(database, connection, id, 'patch', read.value, now, baseUrl);
}

/**
 * The safety brake's answer when this change would deactivate the person and must wait for an
 * admin (the change is held, nothing else of it applied); undefined when it may go ahead. A change
 * that keeps the person active takes back a deactivation the connection had held for them.
 */
async function heldInstead(
	trx: Db,
	connection: DirectoryConnection,
	{ person }: Provisioned,
	kind: HeldChangeKind,
	change: UserChange,
	now: Date
): Promise<ScimAnswer | undefined> {
	if (change.active === true) await dropHeldChange(trx, connection, person.id);
	const deactivates = (kind === 'delete' || change.active === false) && person.active === 1;
	if (!deactivates || !(await brakeHolds(trx, connection, person.id, now))) return undefined;
	await holdChange(trx, connection, person.id, kind, change, now);
	return {
		problem: heldProblem(connection),
		resourceId: person.id,
		headers: { 'retry-after': String(RETRY_AFTER_SECONDS) }
	};
}

/** Applies a change the safety brake held, once an admin approved it (in their transaction). */
export async function applyHeldChange(
	trx: Db,
	connection: DirectoryConnection,
	personId: string,
	kind: HeldChangeKind,
	change: UserChange,
	now: Date
): Promise<boolean> {
	const target = await provisioned(trx, connection, personId);
	if (!target) return false;
	if (kind === 'delete') {
		await removeUser(trx, connection, target, now);
		return true;
	}
	try {
		await applyChange(trx, connection, target, change, now);
	} catch (err) {
		// The rest of the change no longer fits (an email taken meanwhile): the deactivation still does.
		if (!(err instanceof Refused)) throw err;
		await applyChange(trx, connection, target, { active: false }, now);
	}
	return true;
}

async function changeUser(
	database: Db,
	connection: DirectoryConnection,
	id: string,
	kind: 'patch' | 'replace',
	change: UserChange,
	now: Date,
	baseUrl: string
): Promise<ScimAnswer> {
	const answer = await inChange(database, async (trx) => {
		const target = await provisioned(trx, connection, id);
		if (!target) return notFound(id);
		const held = await heldInstead(trx, connection, target, kind, change, now);
		if (held) return held;
		await applyChange(trx, connection, target, change, now);
		return { status: 200, body: userResource((await provisioned(trx, connection, id))!, baseUrl), resourceId: id };
	});
	return 'problem' in answer ? { ...answer, resourceId: id } : answer;
}

/** DELETE /Users/{id}: the person is deactivated and the directory's link to them forgotten. */
export async function deleteUser(
	database: Db,
	connection: DirectoryConnection,
	id: string,
	now: Date
): Promise<ScimAnswer> {
	return inChange(database, async (trx) => {
		const target = await provisioned(trx, connection, id);
		if (!target) return notFound(id);
		const held = await heldInstead(trx, connection, target, 'delete', {}, now);
		if (held) return held;
		await removeUser(trx, connection, target, now);
		return { status: 204, resourceId: id };
	});
}

/** Deactivates a provisioned person and forgets the directory's link and group memberships. */
async function removeUser(trx: Db, connection: DirectoryConnection, target: Provisioned, now: Date): Promise<void> {
	await applyChange(trx, connection, target, { active: false }, now);
	const personId = target.person.id;
	await trx
		.deleteFrom('directory_group_members')
		.where('person_id', '=', personId)
		.where('group_id', 'in', (eb) =>
			eb.selectFrom('directory_groups').select('id').where('connection_id', '=', connection.id)
		)
		.execute();
	await trx
		.deleteFrom('directory_people')
		.where('connection_id', '=', connection.id)
		.where('person_id', '=', personId)
		.execute();
}
