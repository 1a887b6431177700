import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personSchema, type PersonInput } from '../../src/lib/schemas/people';
import { lookupInvite } from '../../src/lib/server/auth/invites';
import type { Db } from '../../src/lib/server/db';
import { createUnit, editUnit } from '../../src/lib/server/org/service';
import { getUnit } from '../../src/lib/server/org/queries';
import { personForViewer } from '../../src/lib/server/people/access';
import { listPeople, scopeOf } from '../../src/lib/server/people/queries';
import { createPerson, editPerson, grantRole, revokeRole } from '../../src/lib/server/people/service';
import { addGrant, addPerson, addTeam, addUnit, countRows, openTempDb, type TempDb, plainActor } from './temp-db';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const ada = plainActor('p-ada', '203.0.113.5', { isAdmin: true });
const ben = plainActor('p-ben', '203.0.113.6', { isAdmin: true });

let temp: TempDb;
let db: Db;

/*
 * Company (u-co) › Finance (u-fin) › Payables (u-pay); Company › HR (u-hr).
 * Teams: Accounts Payable (t-ap, in Payables), General Ledger (t-gl, in Finance), Recruiting (t-rec, in HR).
 * Ada and Ben are admins; Mo manages General Ledger; Gil works in General Ledger, Pia in Accounts
 * Payable, Hana in Recruiting.
 */
beforeAll(async () => {
	temp = await openTempDb('people');
	db = temp.db;
	const co = await addUnit(db, 'u-co', 'Company');
	const fin = await addUnit(db, 'u-fin', 'Finance', co);
	await addUnit(db, 'u-pay', 'Payables', fin);
	await addUnit(db, 'u-hr', 'HR', co);
	await addTeam(db, 't-ap', 'Accounts Payable', 'u-pay');
	await addTeam(db, 't-gl', 'General Ledger', 'u-fin');
	await addTeam(db, 't-rec', 'Recruiting', 'u-hr');
	await addPerson(db, { id: ada.id, email: 'ada@example.com', name: 'Ada Admin' });
	await addPerson(db, { id: ben.id, email: 'ben@example.com', name: 'Ben Admin' });
	await addGrant(db, ada.id, 'admin');
	await addGrant(db, ben.id, 'admin');
	await addPerson(db, { id: 'p-mo', email: 'mo@example.com', name: 'Mo Manager', team_id: 't-gl' });
	await addGrant(db, 'p-mo', 'manager', { team_id: 't-gl' });
	await addPerson(db, {
		id: 'p-gil',
		email: 'gil@example.com',
		name: 'Gil Ledger',
		team_id: 't-gl',
		manager_id: 'p-mo'
	});
	await addPerson(db, { id: 'p-pia', email: 'pia@example.com', name: 'Pia Payables', team_id: 't-ap' });
	await addPerson(db, { id: 'p-hana', email: 'hana@example.com', name: 'Hana HR', team_id: 't-rec' });
	await addPerson(db, { id: 'p-old', email: 'old@example.com', name: 'Old Timer', active: 0 });
});

afterAll(async () => {
	await temp?.close();
});

/** A person form as submitted, validated by the same schema the page uses. */
function personInput(overrides: Partial<Record<keyof PersonInput, string>> = {}): PersonInput {
	return personSchema.parse({
		name: 'Neo New',
		email: 'neo@example.com',
		job_title: 'Analyst',
		team_id: 't-gl',
		manager_email: 'mo@example.com',
		time_zone: 'Europe/London',
		language: 'en',
		...overrides
	});
}

async function counts() {
	return {
		people: await countRows(db, 'people'),
		invites: await countRows(db, 'invites'),
		audit: await countRows(db, 'audit_events')
	};
}

async function auditFor(objectId: string, action: string) {
	return db
		.selectFrom('audit_events')
		.selectAll()
		.where('object_id', '=', objectId)
		.where('action', '=', action)
		.execute();
}

async function adminGrantId(personId: string): Promise<string> {
	const row = await db
		.selectFrom('role_grants')
		.select('id')
		.where('person_id', '=', personId)
		.where('role', '=', 'admin')
		.executeTakeFirstOrThrow();
	return row.id;
}

describe('createPerson', () => {
	it('refuses an email someone already has (in any case) and leaves nothing behind', async () => {
		const before = await counts();
		const result = await createPerson(db, ada, personInput({ email: 'GIL@example.com' }), NOW);
		expect(result).toEqual({ ok: false, errors: { email: { code: 'admin_person_email_taken' } } });
		expect(await counts()).toEqual(before);
	});

	it('refuses an unknown or deactivated manager email and leaves nothing behind', async () => {
		const before = await counts();
		for (const manager_email of ['nobody@example.com', 'old@example.com']) {
			const result = await createPerson(db, ada, personInput({ manager_email }), NOW);
			expect(result).toEqual({ ok: false, errors: { manager_email: { code: 'admin_person_manager_unknown' } } });
		}
		expect(await counts()).toEqual(before);
		expect(
			await db.selectFrom('people').select('id').where('email', '=', 'neo@example.com').executeTakeFirst()
		).toBeUndefined();
	});

	it('reports every bad field at once', async () => {
		const result = await createPerson(
			db,
			ada,
			personInput({ email: 'pia@example.com', team_id: 't-missing', manager_email: 'nobody@example.com' }),
			NOW
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.errors).sort()).toEqual(['email', 'manager_email', 'team_id']);
	});

	it('creates the person with their manager, a working invite and an audit event', async () => {
		const result = await createPerson(db, ada, personInput(), NOW);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const neo = await db.selectFrom('people').selectAll().where('id', '=', result.personId).executeTakeFirstOrThrow();
		expect(neo).toMatchObject({
			email: 'neo@example.com',
			team_id: 't-gl',
			manager_id: 'p-mo',
			active: 1,
			password_hash: null
		});
		expect(await lookupInvite(db, result.inviteToken, NOW)).toMatchObject({
			status: 'valid',
			personId: result.personId
		});
		expect(await auditFor(result.personId, 'person.created')).toHaveLength(1);
	});
});

describe('editPerson', () => {
	it('refuses making a person their own manager', async () => {
		const result = await editPerson(
			db,
			ada,
			'p-gil',
			personInput({ email: 'gil@example.com', name: 'Gil Ledger', manager_email: 'gil@example.com' }),
			NOW
		);
		expect(result).toEqual({ ok: false, errors: { manager_email: { code: 'admin_person_own_manager' } } });
	});
});

describe('grantRole and revokeRole', () => {
	it('grants a role with an audit event, and refuses the same grant twice', async () => {
		const result = await grantRole(db, ada, 'p-pia', { role: 'manager', team_id: 't-ap' }, NOW);
		expect(result).toEqual({ ok: true });
		const events = await auditFor('p-pia', 'role.granted');
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ actor_id: ada.id, summary: 'Made Pia Payables manager of Accounts Payable' });
		// The summary is stored in English, and as a message for each reader to see in their language.
		expect(JSON.parse(events[0]!.details ?? '{}')).toEqual({
			role: 'manager',
			team_id: 't-ap',
			org_unit_id: null,
			wording: {
				code: 'admin_audit_role_granted_manager',
				params: { name: 'Pia Payables', team: 'Accounts Payable' }
			}
		});

		const again = await grantRole(db, ada, 'p-pia', { role: 'manager', team_id: 't-ap' }, NOW);
		expect(again).toEqual({
			ok: false,
			errors: { role: { code: 'admin_person_role_held', params: { name: 'Pia Payables' } } }
		});
		expect(await auditFor('p-pia', 'role.granted')).toHaveLength(1);
	});

	it('refuses a grant for a team or unit that does not exist', async () => {
		expect(await grantRole(db, ada, 'p-pia', { role: 'manager', team_id: 't-missing' }, NOW)).toEqual({
			ok: false,
			errors: { team_id: { code: 'admin_choose_team_from_list' } }
		});
		expect(await grantRole(db, ada, 'p-pia', { role: 'leader', org_unit_id: 'u-missing' }, NOW)).toEqual({
			ok: false,
			errors: { org_unit_id: { code: 'admin_choose_unit_from_list' } }
		});
	});

	it('revokes a role with an audit event', async () => {
		const grant = await db
			.selectFrom('role_grants')
			.select('id')
			.where('person_id', '=', 'p-pia')
			.where('role', '=', 'manager')
			.executeTakeFirstOrThrow();
		expect(await revokeRole(db, ada, 'p-pia', grant.id, NOW)).toEqual({ ok: true });
		expect((await scopeOf(db, 'p-pia')).managedTeamIds).toEqual([]);
		const events = await auditFor('p-pia', 'role.revoked');
		expect(events).toHaveLength(1);
		expect(events[0]!.summary).toBe('Removed manager of Accounts Payable from Pia Payables');
	});

	it('refuses to let an admin remove their own admin role', async () => {
		const result = await revokeRole(db, ada, ada.id, await adminGrantId(ada.id), NOW);
		expect(result).toEqual({ ok: false, errors: { _form: { code: 'admin_person_admin_self' } } });
		expect((await scopeOf(db, ada.id)).isAdmin).toBe(true);
	});

	it('refuses to remove the last active admin', async () => {
		// Ada removes Ben's admin role: allowed, two admins were active.
		expect(await revokeRole(db, ada, ben.id, await adminGrantId(ben.id), NOW)).toEqual({ ok: true });
		// Ben, on a page loaded before that, now tries to remove Ada's: she is the last admin.
		const result = await revokeRole(db, ben, ada.id, await adminGrantId(ada.id), NOW);
		expect(result).toEqual({ ok: false, errors: { _form: { code: 'admin_person_last_admin' } } });
		expect((await scopeOf(db, ada.id)).isAdmin).toBe(true);
		expect(await auditFor(ada.id, 'role.revoked')).toEqual([]);
	});
});

describe('admin roles of deactivated people', () => {
	// Known bug (see the report): revokeRole counts active admins without asking whether the grant
	// being removed belongs to an active person, so the only active admin cannot clean up the admin
	// role of a deactivated colleague: service.ts refuses with "needs at least one active admin".
	it('lets the only active admin remove the admin role of a deactivated person', async () => {
		await addPerson(db, { id: 'p-ex', email: 'ex-admin@example.com', name: 'Ex Admin', active: 0 });
		const grantId = await addGrant(db, 'p-ex', 'admin');
		// Ada is the only active admin at this point (Ben's role was revoked above).
		expect(await revokeRole(db, ada, 'p-ex', grantId, NOW)).toEqual({ ok: true });
	});
});

describe('listPeople search', () => {
	// Known bug (see the report): queries.ts escapes % and _ with a backslash but the LIKE has no
	// ESCAPE clause, so any search containing _ or % matches nothing.
	it('finds a person by an email address containing an underscore', async () => {
		await addPerson(db, { id: 'p-under', email: 'jane_doe@example.com', name: 'Jane Doe' });
		const { rows } = await listPeople(db, { q: 'jane_doe' }, { limit: 10, offset: 0 });
		expect(rows.map((r) => r.id)).toEqual(['p-under']);
	});

	it('finds people by part of their name, email or job title, ignoring case', async () => {
		const byName = await listPeople(db, { q: 'LEDGER' }, { limit: 10, offset: 0 });
		expect(byName.rows.map((r) => r.id)).toEqual(['p-gil']);
		const byEmail = await listPeople(db, { q: 'hana@' }, { limit: 10, offset: 0 });
		expect(byEmail.rows.map((r) => r.id)).toEqual(['p-hana']);
	});
});

describe('personForViewer', () => {
	it('shows a manager the people in their own team', async () => {
		const seen = await personForViewer(db, await scopeOf(db, 'p-mo'), 'p-gil');
		expect(seen?.person).toMatchObject({
			id: 'p-gil',
			name: 'Gil Ledger',
			team_name: 'General Ledger',
			manager_name: 'Mo Manager'
		});
		expect(seen?.person).not.toHaveProperty('password_hash');
	});

	it('hides people in other teams from a manager, as if they did not exist', async () => {
		const mo = await scopeOf(db, 'p-mo');
		expect(await personForViewer(db, mo, 'p-pia')).toBeUndefined();
		expect(await personForViewer(db, mo, 'p-hana')).toBeUndefined();
		expect(await personForViewer(db, mo, 'p-nobody')).toBeUndefined();
	});

	it('shows staff only themselves', async () => {
		const gil = await scopeOf(db, 'p-gil');
		expect((await personForViewer(db, gil, 'p-gil'))?.person.id).toBe('p-gil');
		expect(await personForViewer(db, gil, 'p-mo')).toBeUndefined();
	});

	it('shows an admin anyone, with their grants', async () => {
		const seen = await personForViewer(db, await scopeOf(db, ada.id), 'p-mo');
		expect(seen?.grants).toMatchObject([{ role: 'manager', team_id: 't-gl', team_name: 'General Ledger' }]);
	});
});

describe('editUnit', () => {
	it('refuses to move a unit under itself or its own descendant, and changes nothing', async () => {
		const before = await db.selectFrom('org_units').selectAll().orderBy('id').execute();
		for (const parent_id of ['u-pay', 'u-fin']) {
			const result = await editUnit(db, ada, 'u-fin', { name: 'Finance', kind: 'department', parent_id }, NOW);
			expect(result).toEqual({
				ok: false,
				errors: { parent_id: { code: 'admin_org_unit_parent_loop' } }
			});
		}
		expect(await db.selectFrom('org_units').selectAll().orderBy('id').execute()).toEqual(before);
	});

	it('moves a unit with its whole subtree, so leaders of the new parent see its people', async () => {
		await addPerson(db, { id: 'p-lee', email: 'lee@example.com', name: 'Lee Leader' });
		await addGrant(db, 'p-lee', 'leader', { org_unit_id: 'u-hr' });
		expect(await personForViewer(db, await scopeOf(db, 'p-lee'), 'p-pia')).toBeUndefined();

		const result = await editUnit(db, ada, 'u-fin', { name: 'Finance', kind: 'department', parent_id: 'u-hr' }, NOW);
		expect(result).toEqual({ ok: true });

		expect(await getUnit(db, 'u-fin')).toMatchObject({ parent_id: 'u-hr', path: '/u-co/u-hr/u-fin/' });
		expect(await getUnit(db, 'u-pay')).toMatchObject({ parent_id: 'u-fin', path: '/u-co/u-hr/u-fin/u-pay/' });
		expect(await getUnit(db, 'u-hr')).toMatchObject({ parent_id: 'u-co', path: '/u-co/u-hr/' });
		expect((await auditFor('u-fin', 'org_unit.updated'))[0]?.summary).toBe('Unit Finance: moved under HR');

		expect((await personForViewer(db, await scopeOf(db, 'p-lee'), 'p-pia'))?.person.id).toBe('p-pia');
		expect((await personForViewer(db, await scopeOf(db, 'p-lee'), 'p-gil'))?.person.id).toBe('p-gil');
	});

	it('moves a unit to the top level, and refuses the old child as parent afterwards too', async () => {
		expect(await editUnit(db, ada, 'u-fin', { name: 'Finance', kind: 'department', parent_id: null }, NOW)).toEqual({
			ok: true
		});
		expect(await getUnit(db, 'u-fin')).toMatchObject({ parent_id: null, path: '/u-fin/' });
		expect(await getUnit(db, 'u-pay')).toMatchObject({ path: '/u-fin/u-pay/' });
		const loop = await editUnit(db, ada, 'u-fin', { name: 'Finance', kind: 'department', parent_id: 'u-pay' }, NOW);
		expect(loop.ok).toBe(false);
	});

	it('builds paths for units created through the service', async () => {
		const created = await createUnit(db, ada, { name: 'Travel', kind: 'department', parent_id: 'u-pay' }, NOW);
		expect(created.ok).toBe(true);
		if (!created.ok) return;
		expect(await getUnit(db, created.id)).toMatchObject({ parent_id: 'u-pay', path: `/u-fin/u-pay/${created.id}/` });
	});
});
