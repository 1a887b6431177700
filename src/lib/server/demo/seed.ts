/**
 * Loads the Northwind Group demo organisation (see `northwind/`) into a database, and clears a
 * database for a fresh start. Relative imports only: this also runs from the `tsx` CLI.
 */
import type { Db } from '../db';
import type { NewOrgUnit, NewPerson, NewRoleGrant, NewTeam } from '../db/schema';
import { newId } from '../db/ids';
import { inTransaction } from '../db/transaction';
import { hashPassword } from '../auth/password';
import { childPath } from '../org/rules';
import { DEMO_META_KEY, DEMO_PASSWORD } from './accounts';
import { seedDemoBuddies } from './buddies';
import { seedDemoConnect } from './connect';
import { seedDemoLearning } from './learning';
import { seedDemoMeasure } from './measure';
import { seedDemoNotifications } from './notifications';
import { demoTeams, demoUnits, type DemoPerson } from './northwind/org';
import { demoPeople } from './northwind/people';
import { seedDemoShadowing } from './shadowing';

/** True when there is no organisation yet: no people, teams or org units. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
	const [person, team, unit] = await Promise.all([
		db.selectFrom('people').select('id').limit(1).executeTakeFirst(),
		db.selectFrom('teams').select('id').limit(1).executeTakeFirst(),
		db.selectFrom('org_units').select('id').limit(1).executeTakeFirst()
	]);
	return !person && !team && !unit;
}

/** Deletes every row of every table, children before parents, so foreign keys never object. */
export async function clearDatabase(db: Db): Promise<void> {
	await inTransaction(db, async (trx) => {
		for (const table of [
			'app_meta',
			'learning_rollup',
			'team_window_rollup',
			'feedback_month_rollup',
			'team_rollup_gen',
			'audit_events',
			'login_failures',
			'invites',
			'sessions',
			'role_grants',
			'email_deliveries',
			'notification_ledger',
			'notification_categories',
			'identity_providers',
			'sso_logins',
			'provisioning_log',
			'directory_held_changes',
			'directory_holds',
			'directory_deactivations',
			'directory_group_members',
			'directory_groups',
			'directory_departments',
			'directory_people',
			'directory_connections'
		] as const) {
			await trx.deleteFrom(table).execute();
		}
		// Self-references: unhook managers and parent units first, then any delete order is safe.
		await trx.updateTable('people').set({ manager_id: null }).execute();
		await trx.deleteFrom('people').execute();
		await trx.deleteFrom('teams').execute();
		await trx.updateTable('org_units').set({ parent_id: null }).execute();
		await trx.deleteFrom('org_units').execute();
	});
}

/** Orders people so every manager comes before their reports; throws on a loop or a dangling email. */
function managersFirst(people: readonly DemoPerson[]): DemoPerson[] {
	const byEmail = new Map(people.map((p) => [p.email, p]));
	const depth = new Map<string, number>();
	const depthOf = (person: DemoPerson, seen: Set<string>): number => {
		const known = depth.get(person.email);
		if (known !== undefined) return known;
		if (seen.has(person.email)) throw new Error(`Demo data: management loop through ${person.email}`);
		seen.add(person.email);
		let result = 0;
		if (person.manager !== null) {
			const manager = byEmail.get(person.manager);
			if (!manager) throw new Error(`Demo data: ${person.email} reports to unknown ${person.manager}`);
			result = depthOf(manager, seen) + 1;
		}
		depth.set(person.email, result);
		return result;
	};
	for (const person of people) depthOf(person, new Set());
	return [...people].sort((a, b) => (depth.get(a.email) ?? 0) - (depth.get(b.email) ?? 0));
}

function lookup(ids: Map<string, string>, key: string, what: string): string {
	const id = ids.get(key);
	if (id === undefined) throw new Error(`Demo data: unknown ${what} "${key}"`);
	return id;
}

/**
 * Inserts the demo organisation in one transaction and marks the database as demo data.
 * Expects an empty organisation (see `isDatabaseEmpty`); throws otherwise rather than mixing
 * demo people into real ones.
 */
export async function seedDemo(db: Db, now: Date): Promise<{ people: number; teams: number; units: number }> {
	// One argon2 hash shared by everyone: each demo account can sign in, and seeding stays fast.
	// Hashed before the transaction so the write lock is not held during the slow part.
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const at = now.toISOString();

	const units: NewOrgUnit[] = [];
	const unitIds = new Map<string, string>();
	const unitPaths = new Map<string, string>();
	for (const unit of demoUnits) {
		const id = newId();
		const parentId = unit.parent === null ? null : lookup(unitIds, unit.parent, 'unit');
		const path = childPath(unit.parent === null ? null : (unitPaths.get(unit.parent) ?? null), id);
		unitIds.set(unit.name, id);
		unitPaths.set(unit.name, path);
		units.push({ id, name: unit.name, kind: unit.kind, parent_id: parentId, path, created_at: at });
	}

	const teamIds = new Map<string, string>();
	const teams: NewTeam[] = demoTeams.map((team) => {
		if (teamIds.has(team.name)) throw new Error(`Demo data: duplicate team "${team.name}"`);
		const id = newId();
		teamIds.set(team.name, id);
		return { id, name: team.name, kind: team.kind, org_unit_id: lookup(unitIds, team.unit, 'unit'), created_at: at };
	});

	const ordered = managersFirst(demoPeople);
	const personIds = new Map<string, string>();
	for (const person of ordered) {
		if (personIds.has(person.email)) throw new Error(`Demo data: duplicate email ${person.email}`);
		personIds.set(person.email, newId());
	}
	const people: NewPerson[] = ordered.map((person) => ({
		id: lookup(personIds, person.email, 'person'),
		email: person.email,
		name: person.name,
		job_title: person.jobTitle,
		team_id: lookup(teamIds, person.team, 'team'),
		manager_id: person.manager === null ? null : lookup(personIds, person.manager, 'person'),
		time_zone: person.timeZone,
		language: person.language,
		active: 1,
		password_hash: passwordHash,
		created_at: at,
		updated_at: at
	}));

	const grants: NewRoleGrant[] = ordered.flatMap((person) =>
		(person.grants ?? []).map((grant) => ({
			id: newId(),
			person_id: lookup(personIds, person.email, 'person'),
			role: grant.role,
			team_id: grant.role === 'manager' ? lookup(teamIds, grant.team, 'team') : null,
			org_unit_id: grant.role === 'leader' ? lookup(unitIds, grant.unit, 'unit') : null,
			created_at: at
		}))
	);

	await inTransaction(db, async (trx) => {
		if (!(await isDatabaseEmpty(trx))) {
			throw new Error('The database already holds an organisation; clear it before loading the demo.');
		}
		// Parents before children, managers before reports: foreign keys hold after every statement.
		for (const unit of units) await trx.insertInto('org_units').values(unit).execute();
		await trx.insertInto('teams').values(teams).execute();
		await trx.insertInto('people').values(people).execute();
		if (grants.length > 0) await trx.insertInto('role_grants').values(grants).execute();
		const members = new Map<string, string[]>();
		for (const person of people) {
			const team = demoTeams.find((t) => teamIds.get(t.name) === person.team_id)?.name;
			if (team) members.set(team, [...(members.get(team) ?? []), person.id]);
		}
		await seedDemoLearning(trx, { people: personIds, teams: teamIds, members }, now);
		await seedDemoConnect(trx, { people: personIds, members }, now);
		await seedDemoShadowing(trx, { people: personIds, members }, now);
		await seedDemoBuddies(trx, { people: personIds, members }, now);
		await seedDemoMeasure(trx, { people: personIds, teams: teamIds, members }, now);
		await seedDemoNotifications(trx, now);
		await trx
			.insertInto('app_meta')
			.values({ key: DEMO_META_KEY, value: '1' })
			.onConflict((oc) => oc.column('key').doUpdateSet({ value: '1' }))
			.execute();
	});

	return { people: people.length, teams: teams.length, units: units.length };
}
