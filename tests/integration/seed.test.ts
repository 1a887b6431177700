import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/lib/server/auth/password';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import { demoAccounts, DEMO_PASSWORD, demoPeople } from '../../src/lib/server/demo/data';
import { clearDatabase, hasDemoData, isDatabaseEmpty, seedDemo } from '../../src/lib/server/demo/seed';
import { languages } from '../../src/lib/locale';

let dir: string;
let db: Db;

beforeAll(async () => {
	// A real file, not :memory:, so WAL and foreign keys behave as they do in production.
	dir = mkdtempSync(join(tmpdir(), 'ripple-seed-'));
	db = openDatabase(join(dir, 'seed.db'));
	await migrateToLatest(db);
});

afterAll(async () => {
	await db?.destroy();
	rmSync(dir, { recursive: true, force: true });
});

async function personByEmail(email: string) {
	return db.selectFrom('people').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
}

async function grantsOf(personId: string) {
	return db.selectFrom('role_grants').select(['role', 'team_id', 'org_unit_id']).where('person_id', '=', personId).execute();
}

describe('demo data', () => {
	it('has unique lower-case ASCII emails, known time zones and offered languages', () => {
		const emails = demoPeople.map((p) => p.email);
		expect(new Set(emails).size).toBe(emails.length);
		for (const email of emails) expect(email).toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+$/);
		const codes: readonly string[] = languages.map((l) => l.code);
		for (const person of demoPeople) {
			// Checked with Intl itself: Node 20 omits Asia/Kolkata from supportedValuesOf (it lists the
			// old alias Asia/Calcutta) although every engine accepts it.
			expect(() => new Intl.DateTimeFormat('en', { timeZone: person.timeZone }), person.timeZone).not.toThrow();
			expect(codes).toContain(person.language);
		}
		expect(demoAccounts.map((a) => a.role)).toEqual(['staff', 'manager', 'leader', 'admin']);
	});
});

describe('seeding the demo organisation', () => {
	it('starts from an empty database', async () => {
		expect(await isDatabaseEmpty(db)).toBe(true);
		expect(await hasDemoData(db)).toBe(false);
	});

	it('inserts the company, four departments, teams of both kinds and about 80 people', async () => {
		const counts = await seedDemo(db, new Date('2026-11-23T09:00:00.000Z'));

		const people = await db.selectFrom('people').selectAll().execute();
		expect(people.length).toBe(counts.people);
		expect(people.length).toBeGreaterThanOrEqual(70);
		expect(people.length).toBeLessThanOrEqual(100);

		const units = await db.selectFrom('org_units').selectAll().execute();
		expect(units.length).toBe(counts.units);
		const company = units.filter((u) => u.kind === 'company');
		expect(company.map((u) => u.name)).toEqual(['Northwind Group']);
		const departments = units.filter((u) => u.kind === 'department');
		expect(departments.map((d) => d.name).sort()).toEqual(
			['Customer Operations', 'Finance Shared Services', 'HR Services', 'IT & Digital'].sort()
		);
		for (const d of departments) {
			expect(d.parent_id).toBe(company[0]?.id);
			expect(d.path).toBe(`/${company[0]?.id}/${d.id}/`);
		}

		const teams = await db.selectFrom('teams').selectAll().execute();
		expect(teams.length).toBe(counts.teams);
		expect(teams.length).toBeGreaterThanOrEqual(10);
		expect(new Set(teams.map((t) => t.kind))).toEqual(new Set(['back_office', 'customer_facing']));

		// Everyone is active, placed in a team, and can sign in; only the company leader has no manager.
		const withoutManager = people.filter((p) => p.manager_id === null);
		expect(withoutManager).toHaveLength(1);
		const topGrants = await grantsOf(withoutManager[0]!.id);
		expect(topGrants).toContainEqual({ role: 'leader', team_id: null, org_unit_id: company[0]?.id });
		for (const p of people) {
			expect(p.active).toBe(1);
			expect(p.team_id).not.toBeNull();
			expect(p.password_hash).toBeTruthy();
			expect(p.created_at).toBe('2026-11-23T09:00:00.000Z');
		}

		// Every team has at least one manager.
		const managerGrants = await db.selectFrom('role_grants').select('team_id').where('role', '=', 'manager').execute();
		for (const t of teams) expect(managerGrants.some((g) => g.team_id === t.id), t.name).toBe(true);
	});

	it('creates the four demo accounts with their roles and a working password', async () => {
		const staff = await personByEmail('staff@ripple.test');
		const manager = await personByEmail('manager@ripple.test');
		const leader = await personByEmail('leader@ripple.test');
		const admin = await personByEmail('admin@ripple.test');

		const staffTeam = await db.selectFrom('teams').selectAll().where('id', '=', staff.team_id!).executeTakeFirstOrThrow();
		expect(staffTeam.name).toBe('Accounts Payable');
		expect(staffTeam.kind).toBe('back_office');

		expect(await grantsOf(staff.id)).toEqual([]);
		expect(staff.manager_id).toBe(manager.id);

		expect(await grantsOf(manager.id)).toEqual([{ role: 'manager', team_id: staffTeam.id, org_unit_id: null }]);
		expect(manager.manager_id).toBe(leader.id);

		const finance = await db.selectFrom('org_units').selectAll().where('id', '=', staffTeam.org_unit_id).executeTakeFirstOrThrow();
		expect(finance.name).toBe('Finance Shared Services');
		expect(await grantsOf(leader.id)).toEqual([{ role: 'leader', team_id: null, org_unit_id: finance.id }]);

		expect(await grantsOf(admin.id)).toEqual([{ role: 'admin', team_id: null, org_unit_id: null }]);

		expect(await verifyPassword(staff.password_hash!, DEMO_PASSWORD)).toBe(true);
		expect(await verifyPassword(staff.password_hash!, 'not-the-password')).toBe(false);
	});

	it('marks the database as demo data and refuses to seed on top of it', async () => {
		expect(await isDatabaseEmpty(db)).toBe(false);
		expect(await hasDemoData(db)).toBe(true);
		await expect(seedDemo(db, new Date())).rejects.toThrow(/already holds/);
	});

	it('clears every table and can seed again afterwards', async () => {
		await db.insertInto('audit_events').values({
			id: 'a1', at: new Date().toISOString(), actor_id: (await personByEmail('admin@ripple.test')).id,
			action: 'test', object_type: 'test', object_id: null, summary: 'test', details: null, ip: null
		}).execute();

		await clearDatabase(db);
		expect(await isDatabaseEmpty(db)).toBe(true);
		expect(await hasDemoData(db)).toBe(false);
		for (const table of ['role_grants', 'audit_events', 'app_meta'] as const) {
			const rows = await db.selectFrom(table).selectAll().execute();
			expect(rows, table).toEqual([]);
		}

		const again = await seedDemo(db, new Date());
		expect(again.people).toBe(demoPeople.length);
		expect(await hasDemoData(db)).toBe(true);
	});
});
