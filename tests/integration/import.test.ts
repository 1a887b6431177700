import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupInvite } from '../../src/lib/server/auth/invites';
import type { Db } from '../../src/lib/server/db';
import { applyImport, previewImport } from '../../src/lib/server/people/import';
import {
	addGrant,
	addPerson,
	addTeam,
	addUnit,
	countRows,
	openTempDb,
	T0,
	type TempDb,
	onPostgres,
	plainActor
} from './temp-db';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const admin = { ...plainActor('p-admin', '203.0.113.5', { isAdmin: true }), email: 'admin@example.com' };
const header = 'email,name,job title,team,manager email,time zone,roles';

let temp: TempDb;
let db: Db;

/*
 * Finance (u-fin) with teams Accounts Payable (t-ap) and General Ledger (t-gl);
 * Ada (admin) and Mia, staff in Accounts Payable who is also leader of Finance before the import.
 */
beforeAll(async () => {
	temp = await openTempDb('import');
	db = temp.db;
	await addUnit(db, 'u-fin', 'Finance');
	await addTeam(db, 't-ap', 'Accounts Payable', 'u-fin');
	await addTeam(db, 't-gl', 'General Ledger', 'u-fin');
	await addPerson(db, { id: admin.id, email: admin.email, name: 'Ada Admin' });
	await addGrant(db, admin.id, 'admin');
	await addPerson(db, {
		id: 'p-mia',
		email: 'mia@example.com',
		name: 'Mia Staff',
		job_title: 'Clerk',
		team_id: 't-ap',
		time_zone: 'Europe/London'
	});
	await addGrant(db, 'p-mia', 'leader', { org_unit_id: 'u-fin' });
});

afterAll(async () => {
	await temp?.close();
});

/** Everything an import could touch, for before/after comparisons. */
async function snapshot() {
	return {
		people: await db.selectFrom('people').selectAll().orderBy('id').execute(),
		grants: await db.selectFrom('role_grants').selectAll().orderBy('id').execute(),
		invites: await db.selectFrom('invites').selectAll().orderBy('id').execute(),
		audit: await db.selectFrom('audit_events').selectAll().orderBy('id').execute()
	};
}

async function personByEmail(email: string) {
	return db.selectFrom('people').selectAll().where('email', '=', email).executeTakeFirst();
}

async function grantsOf(personId: string) {
	return db
		.selectFrom('role_grants')
		.select(['role', 'team_id', 'org_unit_id'])
		.where('person_id', '=', personId)
		.orderBy('role')
		.execute();
}

const goodFile = [
	header,
	// Rae's manager Bo only appears further down the file.
	'rae@example.com,Rae Report,Clerk,Accounts Payable,bo@example.com,Europe/Paris,',
	'mia@example.com,Mia Staff,Senior Clerk,General Ledger,bo@example.com,Europe/Amsterdam,manager',
	'admin@example.com,Ada Admin,,,,UTC,admin',
	'bo@example.com,Bo Boss,Team Lead,Accounts Payable,admin@example.com,,manager;leader:Finance'
].join('\n');

describe('previewImport', () => {
	it('plans the file without writing anything', async () => {
		const before = await snapshot();
		const plan = await previewImport(db, admin, goodFile);
		expect(plan.issues).toEqual([]);
		expect(plan.counts).toEqual({ create: 2, update: 1, unchanged: 1 });
		expect(await snapshot()).toEqual(before);
	});
});

describe('applyImport', () => {
	it('changes nothing at all when one row is bad, and says which line and column', async () => {
		const badFile = `${goodFile}\nnew@example.com,Neo New,,Payroll,,,`;
		const before = await snapshot();
		const outcome = await applyImport(db, admin, badFile, NOW);
		expect(outcome.ok).toBe(false);
		expect(outcome.plan.issues).toHaveLength(1);
		expect(outcome.plan.issues[0]).toMatchObject({ line: 6, column: 'team' });
		expect(await snapshot()).toEqual(before);
		expect(await countRows(db, 'people')).toBe(2);
	});

	it('rolls everything back when the database fails part-way through', async () => {
		const before = await snapshot();
		// A trigger that fails the first invite insert, after people and roles were written.
		if (onPostgres()) {
			await sql`create function fail_invites() returns trigger language plpgsql as $$ begin raise exception 'boom'; end $$`.execute(
				db
			);
			await sql`create trigger fail_invites before insert on invites for each row execute function fail_invites()`.execute(
				db
			);
		} else {
			await sql`create trigger fail_invites before insert on invites begin select raise(abort, 'boom'); end`.execute(
				db
			);
		}
		try {
			await expect(applyImport(db, admin, goodFile, NOW)).rejects.toThrow(/boom/);
		} finally {
			await sql`drop trigger fail_invites${onPostgres() ? sql` on invites` : sql``}`.execute(db);
			if (onPostgres()) await sql`drop function fail_invites()`.execute(db);
		}
		expect(await personByEmail('rae@example.com')).toBeUndefined();
		expect(await personByEmail('bo@example.com')).toBeUndefined();
		expect(await snapshot()).toEqual(before);
	});

	it('creates, updates and links people, replaces roles, issues invites and logs one event', async () => {
		const outcome = await applyImport(db, admin, goodFile, NOW);
		expect(outcome.ok).toBe(true);
		if (!outcome.ok) return;
		expect(outcome.plan.counts).toEqual({ create: 2, update: 1, unchanged: 1 });

		const rae = await personByEmail('rae@example.com');
		const bo = await personByEmail('bo@example.com');
		const mia = await personByEmail('mia@example.com');
		const ada = await personByEmail(admin.email);
		expect(rae).toMatchObject({
			name: 'Rae Report',
			job_title: 'Clerk',
			team_id: 't-ap',
			manager_id: bo?.id,
			time_zone: 'Europe/Paris',
			language: 'en',
			active: 1,
			password_hash: null,
			created_at: NOW.toISOString()
		});
		expect(bo).toMatchObject({
			name: 'Bo Boss',
			job_title: 'Team Lead',
			team_id: 't-ap',
			manager_id: admin.id,
			time_zone: 'UTC'
		});
		expect(mia).toMatchObject({
			id: 'p-mia',
			job_title: 'Senior Clerk',
			team_id: 't-gl',
			manager_id: bo?.id,
			time_zone: 'Europe/Amsterdam',
			created_at: T0.toISOString(),
			updated_at: NOW.toISOString()
		});
		// The unchanged row is left alone.
		expect(ada?.updated_at).toBe(T0.toISOString());

		// Roles are replaced, not added to: Mia's leadership of Finance is gone.
		expect(await grantsOf('p-mia')).toEqual([{ role: 'manager', team_id: 't-gl', org_unit_id: null }]);
		expect(await grantsOf(bo!.id)).toEqual([
			{ role: 'leader', team_id: null, org_unit_id: 'u-fin' },
			{ role: 'manager', team_id: 't-ap', org_unit_id: null }
		]);
		expect(await grantsOf(rae!.id)).toEqual([]);
		expect(await grantsOf(admin.id)).toEqual([{ role: 'admin', team_id: null, org_unit_id: null }]);

		// One invite per created person, handed back with a working token.
		expect(outcome.invites.map((i) => i.email).sort()).toEqual(['bo@example.com', 'rae@example.com']);
		const inviteRows = await db.selectFrom('invites').selectAll().execute();
		expect(inviteRows.map((r) => r.person_id).sort()).toEqual([bo!.id, rae!.id].sort());
		for (const row of inviteRows) {
			expect(row).toMatchObject({ created_by: admin.id, used_at: null, created_at: NOW.toISOString() });
		}
		for (const invite of outcome.invites) {
			const found = await lookupInvite(db, invite.token, NOW);
			expect(found).toMatchObject({ status: 'valid', email: invite.email, name: invite.name });
			expect(invite.expiresAt).toEqual(new Date(NOW.getTime() + 7 * 24 * 60 * 60 * 1000));
		}

		const events = await db.selectFrom('audit_events').selectAll().where('action', '=', 'import.applied').execute();
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ actor_id: admin.id, ip: admin.ip, at: NOW.toISOString(), object_type: 'import' });
		expect(events[0]!.summary).toBe('Imported staff: 2 created, 1 changed, 1 unchanged');
		const details = JSON.parse(events[0]!.details ?? '{}') as { created: string[]; changed: { email: string }[] };
		expect(details.created.sort()).toEqual(['bo@example.com', 'rae@example.com']);
		expect(details.changed.map((c) => c.email)).toEqual(['mia@example.com']);
	});

	it('changes nothing and invites no one when the same file is applied again', async () => {
		const before = await snapshot();
		const outcome = await applyImport(db, admin, goodFile, new Date(NOW.getTime() + 60_000));
		expect(outcome.ok).toBe(true);
		if (!outcome.ok) return;
		expect(outcome.plan.counts).toEqual({ create: 0, update: 0, unchanged: 4 });
		expect(outcome.invites).toEqual([]);
		const after = await snapshot();
		expect(after.people).toEqual(before.people);
		expect(after.grants).toEqual(before.grants);
		expect(after.invites).toEqual(before.invites);
		expect(after.audit).toHaveLength(before.audit.length + 1);
	});

	// Known bug (see the report): a deactivated person listed in the file stays deactivated, yet
	// being in the file lets other rows name them as manager.
	it('refuses to make a deactivated person a manager, even when the file lists them', async () => {
		await addPerson(db, { id: 'p-gus', email: 'gus@example.com', name: 'Gus Gone', active: 0 });
		const file = [header, 'neo@example.com,Neo New,,,gus@example.com,,', 'gus@example.com,Gus Gone,,,,,'].join('\n');
		const outcome = await applyImport(db, admin, file, NOW);
		const neo = await personByEmail('neo@example.com');
		await db
			.deleteFrom('invites')
			.where('person_id', '=', neo?.id ?? '')
			.execute();
		await db.deleteFrom('people').where('email', 'in', ['neo@example.com', 'gus@example.com']).execute();
		expect(outcome.ok).toBe(false);
	});

	it('refuses a file that would take away the importing admin’s own admin role', async () => {
		const before = await snapshot();
		const outcome = await applyImport(db, admin, `${header}\nadmin@example.com,Ada Admin,,,,UTC,`, NOW);
		expect(outcome.ok).toBe(false);
		expect(outcome.plan.issues).toEqual([
			{ line: 2, column: 'roles', reason: { code: 'admin_import_keeps_own_admin' } }
		]);
		expect(await snapshot()).toEqual(before);
	});
});
