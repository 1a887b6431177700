import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { Actor } from '../../src/lib/server/auth/actor';
import { openDatabase, type Db } from '../../src/lib/server/db';
import type { GrantedRole, NewPerson } from '../../src/lib/server/db/schema';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import { childPath } from '../../src/lib/server/org/rules';
import { scopeOf } from '../../src/lib/server/people/credentials';
import type { Scope } from '../../src/lib/server/people/rules';

/**
 * Test support for the integration suites: a fresh, migrated database per call and small inserts.
 * The `integration` project gets a SQLite file in a temp directory (a real file, not :memory:, so WAL
 * and foreign keys behave as in production); the `postgres` project gets a new database in the
 * throwaway cluster its global setup started.
 */
export interface TempDb {
	db: Db;
	/** The DATABASE_URL of this database, for code that opens its own connection. */
	url: string;
	/** A scratch directory for files the test writes, removed on close. */
	dir: string;
	close(): Promise<void>;
}

export function onPostgres(): boolean {
	return process.env.RIPPLE_TEST_DATABASE === 'postgres';
}

let counter = 0;

/** Runs one statement on the cluster's maintenance database (CREATE / DROP DATABASE cannot run in a pool transaction). */
async function maintenance(statement: string): Promise<void> {
	const client = new pg.Client(inject('postgresUrl'));
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}

export async function openTempDb(prefix: string, migrate = true): Promise<TempDb> {
	const dir = mkdtempSync(join(tmpdir(), `ripple-${prefix}-`));
	let url = join(dir, 'test.db');
	let dropDatabase = async () => {};
	if (onPostgres()) {
		const name =
			`t_${prefix.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}_${++counter}_${Date.now().toString(36)}`.slice(
				0,
				63
			);
		await maintenance(`create database "${name}"`);
		url = inject('postgresUrl').replace(/\/postgres$/, `/${name}`);
		dropDatabase = () => maintenance(`drop database if exists "${name}" with (force)`);
	}
	const db = openDatabase(url, { poolSize: 5 });
	if (migrate) await migrateToLatest(db);
	return {
		db,
		url,
		dir,
		async close() {
			await db.destroy();
			await dropDatabase();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/**
 * A test database that the app's own `db()` opens too, for route handlers and loads called as
 * SvelteKit would: `db()` opens DATABASE_URL on first use, so the variable points here until the
 * database is closed, and then goes back to what it was.
 */
export async function openTempDbForApp(prefix: string): Promise<TempDb> {
	const temp = await openTempDb(prefix);
	const previous = process.env.DATABASE_URL;
	process.env.DATABASE_URL = temp.url;
	return {
		...temp,
		async close() {
			if (previous === undefined) delete process.env.DATABASE_URL;
			else process.env.DATABASE_URL = previous;
			await temp.close();
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

/** A person as the app's hook would hand them to a service: their scope and time zone, from a test address. */
export async function actorFor(db: Db, personId: string, ip: string | null = '127.0.0.1'): Promise<Actor> {
	const person = await db.selectFrom('people').select('time_zone').where('id', '=', personId).executeTakeFirst();
	return { id: personId, ip, scope: await scopeOf(db, personId), timeZone: person?.time_zone ?? 'UTC', locale: 'en' };
}

/** An actor built without the database, for services that only record who acted and from where. */
export function plainActor(id: string, ip: string | null = '127.0.0.1', scope: Partial<Scope> = {}): Actor {
	return {
		id,
		ip,
		scope: { personId: id, isAdmin: false, managedTeamIds: [], ledUnitPaths: [], ...scope },
		timeZone: 'UTC',
		locale: 'en'
	};
}
