import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/lib/server/auth/session';
import type { Db } from '../../src/lib/server/db';
import type { DirectoryConnection } from '../../src/lib/server/db/schema';
import {
	authenticateConnection,
	createConnection,
	revokeConnection
} from '../../src/lib/server/provisioning/connections';
import {
	createUser,
	deleteUser,
	getUser,
	listUsers,
	patchUser,
	replaceUser,
	type ScimAnswer
} from '../../src/lib/server/provisioning/users';
import { addGrant, addPerson, addTeam, addUnit, countRows, openTempDb, plainActor, type TempDb } from './temp-db';
import { fixture } from '../fixtures/scim/read';

/** SCIM Users against both databases, from the request shapes Entra ID and Okta send (tests/fixtures/scim). */
const BASE = 'https://ripple.test/scim/v2';
const NOW = new Date('2026-12-07T10:00:00.000Z');

let temp: TempDb;
let db: Db;
let entra: DirectoryConnection;
let okta: DirectoryConnection;
let entraToken: string;

function body(answer: ScimAnswer): Record<string, unknown> {
	if ('problem' in answer) throw new Error(`refused: ${answer.problem.status} ${answer.problem.detail}`);
	return answer.body as Record<string, unknown>;
}

beforeAll(async () => {
	temp = await openTempDb('scim');
	db = temp.db;
	const unit = await addUnit(db, 'u-fin', 'Finance');
	await addTeam(db, 't-ap', 'Accounts Payable', unit.id);
	await addTeam(db, 't-ar', 'Accounts Receivable', unit.id);
	await addPerson(db, { id: 'p-admin', email: 'admin@northwind.example', name: 'Ada Admin' });
	await addGrant(db, 'p-admin', 'admin');
	const admin = plainActor('p-admin', '127.0.0.1', { isAdmin: true });
	const made = await createConnection(db, admin, { name: 'Entra ID' }, NOW);
	entraToken = made.token;
	entra = (await authenticateConnection(db, `Bearer ${made.token}`, NOW))!;
	const other = await createConnection(db, admin, { name: 'Okta' }, NOW);
	okta = (await authenticateConnection(db, `Bearer ${other.token}`, NOW))!;
	await db
		.insertInto('directory_departments')
		.values([
			{ connection_id: entra.id, department_key: 'accounts payable', department: 'Accounts Payable', team_id: 't-ap' },
			{
				connection_id: entra.id,
				department_key: 'accounts receivable',
				department: 'Accounts Receivable',
				team_id: 't-ar'
			}
		])
		.execute();
});

afterAll(async () => {
	await temp?.close();
});

describe('directory connections', () => {
	it('authenticate by their own token only, until revoked', async () => {
		expect(entra.name).toBe('Entra ID');
		expect(await authenticateConnection(db, null, NOW)).toBeNull();
		expect(await authenticateConnection(db, `Bearer ${entraToken}x`, NOW)).toBeNull();
		expect(await authenticateConnection(db, entraToken, NOW)).toBeNull();
		const admin = plainActor('p-admin', '127.0.0.1', { isAdmin: true });
		const spare = await createConnection(db, admin, { name: 'Spare' }, NOW);
		await revokeConnection(db, admin, spare.token.split('_')[1]!, NOW);
		expect(await authenticateConnection(db, `Bearer ${spare.token}`, NOW)).toBeNull();
	});
});

describe('SCIM Users', () => {
	let ana: string;
	let ben: string;

	it('creates a person from Entra ID, in the team their department maps to', async () => {
		const answer = await createUser(db, entra, fixture('entra-create-user'), NOW, BASE);
		expect(answer).toMatchObject({ status: 201 });
		const user = body(answer);
		ana = user.id as string;
		expect(user).toMatchObject({
			userName: 'ana.lopez@northwind.example',
			active: true,
			externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef'
		});
		const person = await db.selectFrom('people').selectAll().where('id', '=', ana).executeTakeFirstOrThrow();
		expect(person).toMatchObject({
			email: 'ana.lopez@northwind.example',
			name: 'Ana López',
			job_title: 'Accounts Payable Specialist',
			employee_id: '100234',
			department: 'Accounts Payable',
			team_id: 't-ap',
			password_hash: null,
			active: 1
		});
		// The same userName again is a conflict, and writes nothing.
		const people = await countRows(db, 'people');
		expect(await createUser(db, entra, fixture('entra-create-user'), NOW, BASE)).toMatchObject({
			problem: { status: 409, scimType: 'uniqueness' }
		});
		expect(await countRows(db, 'people')).toBe(people);
	});

	it('adopts a person already in Ripple with the same email instead of making a second', async () => {
		await addPerson(db, { id: 'p-ben', email: 'ben.okafor@northwind.example', name: 'Ben O.' });
		const people = await countRows(db, 'people');
		const answer = await createUser(db, okta, fixture('okta-create-user'), NOW, BASE);
		expect(body(answer)).toMatchObject({ id: 'p-ben', displayName: 'Ben Okafor' });
		ben = 'p-ben';
		expect(await countRows(db, 'people')).toBe(people);
		// Another directory may not take them over.
		expect(await createUser(db, entra, fixture('okta-create-user'), NOW, BASE)).toMatchObject({
			problem: { status: 409 }
		});
	});

	it('finds users by userName (any case) and externalId, a page at a time, and only its own', async () => {
		for (const n of [1, 2, 3])
			await createUser(db, entra, { userName: `temp${n}@northwind.example`, displayName: `Temp ${n}` }, NOW, BASE);
		expect(
			body(
				await listUsers(
					db,
					entra,
					{ filter: 'userName eq "ANA.LOPEZ@northwind.example"', startIndex: 1, count: 100 },
					BASE
				)
			)
		).toMatchObject({ totalResults: 1, Resources: [{ id: ana }] });
		expect(
			body(
				await listUsers(
					db,
					entra,
					{ filter: 'externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"', startIndex: 1, count: 100 },
					BASE
				)
			)
		).toMatchObject({ totalResults: 1 });
		const page = body(await listUsers(db, entra, { filter: null, startIndex: 2, count: 2 }, BASE));
		expect(page).toMatchObject({ totalResults: 4, startIndex: 2, itemsPerPage: 2 });
		expect(await listUsers(db, entra, { filter: 'title eq "x"', startIndex: 1, count: 10 }, BASE)).toMatchObject({
			problem: { status: 400, scimType: 'invalidFilter' }
		});
		// Okta's connection sees Ben only; Entra's cannot read him.
		expect(body(await listUsers(db, okta, { filter: null, startIndex: 1, count: 100 }, BASE))).toMatchObject({
			totalResults: 1
		});
		expect(await getUser(db, entra, ben, BASE)).toMatchObject({ problem: { status: 404 } });
		expect(await patchUser(db, entra, ben, fixture('okta-patch-deactivate'), NOW, BASE)).toMatchObject({
			problem: { status: 404 }
		});
	});

	it('moves a person with Entra ID’s patches: email, name part, title, department (and so team) and manager', async () => {
		expect(body(await patchUser(db, entra, ana, fixture('entra-patch-update'), NOW, BASE))).toMatchObject({
			name: { formatted: 'Ana López', familyName: 'López García' }
		});
		let person = await db.selectFrom('people').selectAll().where('id', '=', ana).executeTakeFirstOrThrow();
		expect(person).toMatchObject({
			email: 'ana.lopez-garcia@northwind.example',
			job_title: 'Senior Accounts Payable Specialist',
			department: 'Accounts Receivable',
			team_id: 't-ar'
		});
		const manager = body(
			await createUser(db, entra, { userName: 'mia.manager@northwind.example', displayName: 'Mia Manager' }, NOW, BASE)
		);
		await patchUser(db, entra, ana, fixture('entra-patch-manager', { MANAGER_ID: manager.id as string }), NOW, BASE);
		person = await db.selectFrom('people').selectAll().where('id', '=', ana).executeTakeFirstOrThrow();
		expect(person.manager_id).toBe(manager.id);
		expect(
			await patchUser(db, entra, ana, fixture('entra-patch-manager', { MANAGER_ID: 'nobody-known' }), NOW, BASE)
		).toMatchObject({
			problem: { status: 400, scimType: 'invalidValue' }
		});
	});

	it('refuses malformed patches and clashes in SCIM’s format, with nothing half-written', async () => {
		const before = await db.selectFrom('people').selectAll().where('id', '=', ana).executeTakeFirstOrThrow();
		expect(
			await patchUser(db, entra, ana, { Operations: [{ op: 'move', path: 'title', value: 'x' }] }, NOW, BASE)
		).toMatchObject({
			problem: { status: 400, scimType: 'invalidSyntax' }
		});
		// The title would change, but the employee number is Ben's: neither is written.
		await db.updateTable('people').set({ employee_id: 'E-BEN' }).where('id', '=', ben).execute();
		const clash = {
			Operations: [
				{ op: 'replace', path: 'title', value: 'Changed' },
				{
					op: 'replace',
					path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber',
					value: 'E-BEN'
				}
			]
		};
		expect(await patchUser(db, entra, ana, clash, NOW, BASE)).toMatchObject({
			problem: { status: 409, scimType: 'uniqueness' }
		});
		expect(await db.selectFrom('people').selectAll().where('id', '=', ana).executeTakeFirstOrThrow()).toEqual(before);
	});

	it('deactivates on Entra ID’s text "False", ending sessions; Okta’s PUT and path-less patch work too', async () => {
		await createSession(db, ana, NOW);
		expect(body(await patchUser(db, entra, ana, fixture('entra-patch-disable-legacy'), NOW, BASE))).toMatchObject({
			active: false
		});
		expect(await db.selectFrom('sessions').select('id').where('person_id', '=', ana).execute()).toEqual([]);

		expect(
			body(await replaceUser(db, okta, ben, fixture('okta-put-user', { PERSON_ID: ben }), NOW, BASE))
		).toMatchObject({
			displayName: 'Benjamin Okafor',
			name: { givenName: 'Benjamin' }
		});
		expect(body(await patchUser(db, okta, ben, fixture('okta-patch-deactivate'), NOW, BASE))).toMatchObject({
			active: false
		});
	});

	it('deletes by deactivating and forgetting the link: the person and their history stay', async () => {
		expect(await deleteUser(db, entra, ana, NOW)).toMatchObject({ status: 204 });
		expect(await getUser(db, entra, ana, BASE)).toMatchObject({ problem: { status: 404 } });
		expect(await db.selectFrom('people').select('active').where('id', '=', ana).executeTakeFirstOrThrow()).toEqual({
			active: 0
		});
	});
});
