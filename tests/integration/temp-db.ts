import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/lib/server/db';
import type { GrantedRole, NewPerson } from '../../src/lib/server/db/schema';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import { childPath } from '../../src/lib/server/org/rules';

/**
 * Test support for the integration suites: a migrated SQLite file in a fresh temp directory (a
 * real file, not :memory:, so WAL and foreign keys behave as in production) and small inserts.
 */
export interface TempDb {
	db: Db;
	dir: string;
	close(): Promise<void>;
}

export async function openTempDb(prefix: string, migrate = true): Promise<TempDb> {
	const dir = mkdtempSync(join(tmpdir(), `ripple-${prefix}-`));
	const db = openDatabase(join(dir, 'test.db'));
	if (migrate) await migrateToLatest(db);
	return {
		db,
		dir,
		async close() {
			await db.destroy();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

export const T0 = new Date('2026-11-23T09:00:00.000Z');

export async function addUnit(db: Db, id: string, name: string, parent: { id: string; path: string } | null = null) {
	const unit = {
		id,
		name,
		kind: parent ? ('department' as const) : ('company' as const),
		parent_id: parent?.id ?? null,
		path: childPath(parent?.path ?? null, id),
		created_at: T0.toISOString()
	};
	await db.insertInto('org_units').values(unit).execute();
	return unit;
}

export async function addTeam(db: Db, id: string, name: string, orgUnitId: string) {
	const team = { id, name, kind: 'back_office' as const, org_unit_id: orgUnitId, created_at: T0.toISOString() };
	await db.insertInto('teams').values(team).execute();
	return team;
}

export async function addPerson(db: Db, person: Partial<NewPerson> & { id: string; email: string; name: string }) {
	const row: NewPerson = {
		job_title: '',
		team_id: null,
		manager_id: null,
		time_zone: 'UTC',
		language: 'en',
		active: 1,
		password_hash: null,
		created_at: T0.toISOString(),
		updated_at: T0.toISOString(),
		...person
	};
	await db.insertInto('people').values(row).execute();
	return row;
}

export async function addGrant(
	db: Db,
	personId: string,
	role: GrantedRole,
	scope: { team_id?: string; org_unit_id?: string } = {}
): Promise<string> {
	const id = `g-${personId}-${role}-${scope.team_id ?? scope.org_unit_id ?? 'all'}`;
	await db
		.insertInto('role_grants')
		.values({
			id,
			person_id: personId,
			role,
			team_id: scope.team_id ?? null,
			org_unit_id: scope.org_unit_id ?? null,
			created_at: T0.toISOString()
		})
		.execute();
	return id;
}

export async function countRows(
	db: Db,
	table: 'people' | 'role_grants' | 'invites' | 'audit_events' | 'sessions' | 'login_failures'
): Promise<number> {
	const row = await db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
