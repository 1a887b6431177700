import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/lib/server/auth/session';
import type { Db } from '../../src/lib/server/db';
import type { DirectoryConnection } from '../../src/lib/server/db/schema';
import { connectionDetail, decideHold, saveMapping, saveSettings } from '../../src/lib/server/provisioning/admin';
import { authenticateConnection, createConnection } from '../../src/lib/server/provisioning/connections';
import {
	createGroup,
	deleteGroup,
	getGroup,
	listGroups,
	patchGroup,
	replaceGroup
} from '../../src/lib/server/provisioning/groups';
import { createUser, deleteUser, patchUser, type ScimAnswer } from '../../src/lib/server/provisioning/users';
import { addGrant, addPerson, addTeam, addUnit, openTempDb, plainActor, type TempDb } from './temp-db';
import { fixture } from '../fixtures/scim/read';

/** SCIM Groups (groups → teams) and the safety brake, on both databases, from Entra ID's and Okta's request shapes. */
const BASE = 'https://ripple.test/scim/v2';
const NOW = new Date('2026-12-07T10:00:00.000Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

let temp: TempDb;
let db: Db;
const admin = plainActor('p-admin', '127.0.0.1', { isAdmin: true });

function body(answer: ScimAnswer): Record<string, unknown> {
	if ('problem' in answer) throw new Error(`refused: ${answer.problem.status} ${answer.problem.detail}`);
	return answer.body as Record<string, unknown>;
}

async function connect(name: string, limit = 20): Promise<DirectoryConnection> {
	const made = await createConnection(db, admin, { name, deactivationLimitPercent: limit }, NOW);
	return (await authenticateConnection(db, `Bearer ${made.token}`, NOW))!;
}

async function reload(connection: DirectoryConnection): Promise<DirectoryConnection> {
	return db.selectFrom('directory_connections').selectAll().where('id', '=', connection.id).executeTakeFirstOrThrow();
}

const teamOf = async (id: string) =>
	(await db.selectFrom('people').select('team_id').where('id', '=', id).executeTakeFirstOrThrow()).team_id;
const activeOf = async (id: string) =>
	(await db.selectFrom('people').select('active').where('id', '=', id).executeTakeFirstOrThrow()).active;

beforeAll(async () => {
	temp = await openTempDb('scim-groups');
	db = temp.db;
	const unit = await addUnit(db, 'u-fin', 'Finance');
	await addTeam(db, 't-ap', 'Accounts Payable', unit.id);
	await addTeam(db, 't-ar', 'Accounts Receivable', unit.id);
	await addPerson(db, { id: 'p-admin', email: 'admin@northwind.example', name: 'Ada Admin' });
	await addGrant(db, 'p-admin', 'admin');
	// An organisation of 20 active people besides those the directories provision.
	for (let i = 1; i <= 19; i++)
		await addPerson(db, { id: `p-staff-${i}`, email: `staff${i}@northwind.example`, name: `Staff ${i}` });
});

afterAll(async () => {
	await temp?.close();
});

describe('SCIM Groups', () => {
	let entra: DirectoryConnection;
	let okta: DirectoryConnection;
	let ana: string;
	let ben: string;
	let apGroup: string;
	let arGroup: string;

	beforeAll(async () => {
		entra = await connect('Entra ID', 100);
		okta = await connect('Okta', 100);
		ana = body(await createUser(db, entra, fixture('entra-create-user'), NOW, BASE)).id as string;
		ben = body(await createUser(db, okta, fixture('okta-create-user'), NOW, BASE)).id as string;
	});

	it('creates, finds and reads groups, members left out when asked', async () => {
		const created = await createGroup(db, entra, fixture('entra-create-group'), NOW, BASE);
		expect(created).toMatchObject({ status: 201 });
		apGroup = body(created).id as string;
		expect(body(created)).toMatchObject({ displayName: 'Accounts Payable EMEA', members: [] });
		expect(await createGroup(db, entra, fixture('entra-create-group'), NOW, BASE)).toMatchObject({
			problem: { status: 409, scimType: 'uniqueness' }
		});
		const found = body(
			await listGroups(
				db,
				entra,
				{ filter: 'displayName eq "accounts payable emea"', startIndex: 1, count: 10, withMembers: false },
				BASE
			)
		);
		expect(found).toMatchObject({ totalResults: 1, Resources: [{ id: apGroup }] });
		expect((found.Resources as object[])[0]).not.toHaveProperty('members');
		expect(
			await listGroups(db, entra, { filter: 'userName eq "x"', startIndex: 1, count: 10, withMembers: true }, BASE)
		).toMatchObject({ problem: { status: 400, scimType: 'invalidFilter' } });
		// Another directory's token does not see it.
		expect(await getGroup(db, okta, apGroup, true, BASE)).toMatchObject({ problem: { status: 404 } });
	});

	it('places people in the mapped team as Entra ID adds and removes members, once teams follow groups', async () => {
		await saveSettings(
			db,
			admin,
			entra,
			{ name: 'Entra ID', deactivation_limit_percent: 100, teams_from: 'groups' },
			NOW
		);
		entra = await reload(entra);
		const mapped = await saveMapping(db, admin, entra, 'groups', { keys: [apGroup], teams: ['t-ap'] }, NOW);
		expect(mapped).toMatchObject({ ok: true });
		await db.updateTable('people').set({ team_id: 't-ar' }).where('id', '=', ana).execute();

		expect(
			await patchGroup(db, entra, apGroup, fixture('entra-patch-group-add-member', { MEMBER_ID: ana }), NOW)
		).toMatchObject({
			status: 204
		});
		expect(await teamOf(ana)).toBe('t-ap');
		expect(body(await getGroup(db, entra, apGroup, true, BASE))).toMatchObject({
			members: [{ value: ana, display: 'Ana López' }]
		});
		// Leaving the group keeps the team: the directory or an admin settles where they go.
		await patchGroup(db, entra, apGroup, fixture('entra-patch-group-remove-member', { MEMBER_ID: ana }), NOW);
		expect(await teamOf(ana)).toBe('t-ap');
		expect(body(await getGroup(db, entra, apGroup, true, BASE))).toMatchObject({ members: [] });
		// Departments no longer move people on this connection.
		await patchUser(
			db,
			entra,
			ana,
			{
				Operations: [
					{
						op: 'Replace',
						path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
						value: 'Accounts Receivable'
					}
				]
			},
			NOW,
			BASE
		);
		expect(await teamOf(ana)).toBe('t-ap');
	});

	it('follows Okta’s group push: create with members, rename without a path, remove by path filter', async () => {
		okta = await reload(okta);
		await saveSettings(db, admin, okta, { name: 'Okta', deactivation_limit_percent: 100, teams_from: 'groups' }, NOW);
		okta = await reload(okta);
		const created = body(await createGroup(db, okta, fixture('okta-create-group', { MEMBER_ID: ben }), NOW, BASE));
		arGroup = created.id as string;
		expect(created).toMatchObject({ members: [{ value: ben }] });
		// Mapping an existing group places its members at once.
		await saveMapping(db, admin, okta, 'groups', { keys: [arGroup], teams: ['t-ar'] }, NOW);
		expect(await teamOf(ben)).toBe('t-ar');
		await patchGroup(db, okta, arGroup, fixture('okta-patch-group-rename', { GROUP_ID: arGroup }), NOW);
		expect(body(await getGroup(db, okta, arGroup, false, BASE))).toMatchObject({
			displayName: 'Accounts Receivable NA'
		});
		await patchGroup(db, okta, arGroup, fixture('okta-patch-group-remove-member', { MEMBER_ID: ben }), NOW);
		expect(body(await getGroup(db, okta, arGroup, true, BASE))).toMatchObject({ members: [] });
	});

	it('refuses members it does not provision and malformed patches, writing nothing', async () => {
		const members = await db.selectFrom('directory_group_members').selectAll().execute();
		expect(
			await patchGroup(db, entra, apGroup, fixture('entra-patch-group-add-member', { MEMBER_ID: ben }), NOW)
		).toMatchObject({ problem: { status: 400, scimType: 'invalidValue' } });
		expect(
			await patchGroup(db, entra, apGroup, { Operations: [{ op: 'remove', path: 'displayName' }] }, NOW)
		).toMatchObject({ problem: { status: 400, scimType: 'mutability' } });
		expect(await patchGroup(db, entra, apGroup, { Operations: [] }, NOW)).toMatchObject({
			problem: { status: 400, scimType: 'invalidSyntax' }
		});
		expect(await createGroup(db, entra, { members: [] }, NOW, BASE)).toMatchObject({
			problem: { status: 400, scimType: 'invalidValue' }
		});
		expect(await db.selectFrom('directory_group_members').selectAll().execute()).toEqual(members);
	});

	it('replaces a group whole and deletes it, leaving its members and their teams', async () => {
		expect(
			body(await replaceGroup(db, entra, apGroup, { displayName: 'AP EMEA', members: [{ value: ana }] }, NOW, BASE))
		).toMatchObject({ displayName: 'AP EMEA', members: [{ value: ana }] });
		expect(await deleteGroup(db, entra, apGroup)).toMatchObject({ status: 204 });
		expect(await getGroup(db, entra, apGroup, true, BASE)).toMatchObject({ problem: { status: 404 } });
		expect(await teamOf(ana)).toBe('t-ap');
		expect(await activeOf(ana)).toBe(1);
	});

	it('maps departments to teams, moving the people of a department when it is mapped', async () => {
		const hr = await connect('HR system', 100);
		const made = body(
			await createUser(
				db,
				hr,
				{
					userName: 'cleo@northwind.example',
					displayName: 'Cleo',
					'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Receivables' }
				},
				NOW,
				BASE
			)
		);
		expect(await teamOf(made.id as string)).toBeNull();
		const detail = await connectionDetail(db, hr, 0);
		expect(detail.departments).toEqual([{ key: 'receivables', department: 'Receivables', teamId: null, people: 1 }]);
		expect(
			await saveMapping(db, admin, hr, 'department', { keys: ['receivables'], teams: ['t-nope'] }, NOW)
		).toMatchObject({
			ok: false
		});
		expect(
			await saveMapping(db, admin, hr, 'department', { keys: ['receivables'], teams: ['t-ar'] }, NOW)
		).toMatchObject({
			ok: true,
			moved: 1
		});
		expect(await teamOf(made.id as string)).toBe('t-ar');
	});
});

describe('the safety brake', () => {
	let hr: DirectoryConnection;
	const leavers: string[] = [];

	beforeAll(async () => {
		hr = await connect('Workday', 20);
		for (let i = 1; i <= 8; i++)
			leavers.push(
				body(
					await createUser(db, hr, { userName: `leaver${i}@northwind.example`, displayName: `Leaver ${i}` }, NOW, BASE)
				).id as string
			);
	});

	it('lets a few deactivations through, then holds the burst with a retry-later answer', async () => {
		const active = Number(
			(
				await db
					.selectFrom('people')
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.where('active', '=', 1)
					.executeTakeFirstOrThrow()
			).n
		);
		// At 20 %, the burst may reach a fifth of the people active before it began.
		const allowed = Math.floor((active * 20) / 100);
		expect(allowed).toBeGreaterThan(1);
		expect(allowed).toBeLessThan(leavers.length);
		await createSession(db, leavers[allowed]!, NOW);
		const answers: ScimAnswer[] = [];
		for (const [i, id] of leavers.entries())
			answers.push(
				i % 2 === 0
					? await patchUser(db, hr, id, fixture('entra-patch-disable'), later(i), BASE)
					: await deleteUser(db, hr, id, later(i))
			);
		const statuses = answers.map((a) => ('problem' in a ? a.problem.status : a.status));
		expect(statuses.slice(0, allowed).every((s) => s === 200 || s === 204)).toBe(true);
		expect(statuses.slice(allowed).every((s) => s === 503)).toBe(true);
		expect(answers[allowed]).toMatchObject({ headers: { 'retry-after': '3600' } });
		for (const id of leavers.slice(allowed)) expect(await activeOf(id)).toBe(1);
		// Held means nothing happened: the session is still there.
		expect(
			await db.selectFrom('sessions').select('id').where('person_id', '=', leavers[allowed]!).execute()
		).toHaveLength(1);

		const detail = await connectionDetail(db, hr, 0);
		expect(detail.hold?.people.map((p) => p.id).sort()).toEqual(leavers.slice(allowed).sort());
		const audit = await db.selectFrom('audit_events').select('action').where('action', '=', 'directory.held').execute();
		expect(audit).toHaveLength(1);
		// The admin hears of it once, however many requests joined the hold.
		const told = await db
			.selectFrom('notifications')
			.select(['person_id', 'kind', 'href'])
			.where('kind', '=', 'directory.held')
			.execute();
		expect(told).toEqual([{ person_id: 'p-admin', kind: 'directory.held', href: `/admin/provisioning/${hr.id}` }]);
	});

	it('takes a held deactivation back when the directory reactivates the person', async () => {
		const last = leavers.at(-1)!;
		await patchUser(db, hr, last, { Operations: [{ op: 'replace', path: 'active', value: true }] }, later(20), BASE);
		const detail = await connectionDetail(db, hr, 0);
		expect(detail.hold?.people.map((p) => p.id)).not.toContain(last);
	});

	it('applies every held change on approval, and measures the next burst from there', async () => {
		const detail = await connectionDetail(db, hr, 0);
		const held = detail.hold!.people.map((p) => p.id);
		expect(await decideHold(db, admin, hr, detail.hold!.id, true, later(30))).toMatchObject({
			ok: true,
			count: held.length
		});
		for (const id of held) expect(await activeOf(id)).toBe(0);
		expect(await db.selectFrom('sessions').select('id').where('person_id', 'in', held).execute()).toEqual([]);
		// The approved wave does not trip the brake for the next leaver.
		expect(await patchUser(db, hr, leavers.at(-1)!, fixture('entra-patch-disable'), later(31), BASE)).toMatchObject({
			status: 200
		});
		// A decided hold cannot be decided again.
		expect(await decideHold(db, admin, hr, detail.hold!.id, false, later(32))).toMatchObject({ ok: false });
	});

	it('keeps people active on rejection, and holds them again if the directory insists', async () => {
		const strict = await connect('Strict directory', 1);
		const person = body(
			await createUser(db, strict, { userName: 'kept@northwind.example', displayName: 'Kept' }, NOW, BASE)
		).id as string;
		expect(await patchUser(db, strict, person, fixture('entra-patch-disable'), later(40), BASE)).toMatchObject({
			problem: { status: 503 }
		});
		const hold = (await connectionDetail(db, strict, 0)).hold!;
		expect(await decideHold(db, admin, strict, hold.id, false, later(41))).toMatchObject({ ok: true, count: 1 });
		expect(await activeOf(person)).toBe(1);
		await db
			.updateTable('directory_connections')
			.set({ deactivation_limit_percent: 100 })
			.where('id', '=', strict.id)
			.execute();
		const relaxed = await reload(strict);
		// Even with the brake off, a rejected person's deactivation waits for an admin again.
		expect(await deleteUser(db, relaxed, person, later(50))).toMatchObject({ problem: { status: 503 } });
		expect(await activeOf(person)).toBe(1);
		const decisions = await db
			.selectFrom('audit_events')
			.select(['action', 'actor_id'])
			.where('object_id', '=', strict.id)
			.where('action', 'in', ['directory.held', 'directory.hold_rejected'])
			.orderBy('at')
			.execute();
		expect(decisions).toEqual([
			{ action: 'directory.held', actor_id: null },
			{ action: 'directory.hold_rejected', actor_id: 'p-admin' },
			{ action: 'directory.held', actor_id: null }
		]);
	});
});
