import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../src/lib/server/auth/sign-in';
import type { Db } from '../../src/lib/server/db';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { seedLargeOrganisation, type LargeOrgSummary } from '../../src/lib/server/demo/large';
import { LARGE_ACCOUNTS } from '../../src/lib/server/demo/large/plan';
import { courseContent } from '../../src/lib/server/learning/content';
import { periodsEndingWith, weeksOfMonth } from '../../src/lib/periods';
import { eventsOffWorkingDays } from './demo-events';
import { checkFeedbackRollup } from '../../src/lib/server/feedback/rollup';
import { onPostgres, openTempDb, type TempDb } from './temp-db';

const NOW = new Date('2026-11-23T09:00:00.000Z');
/** A twenty-fifth of the full 10,000: fast, and still every kind of row. */
const PEOPLE = 400;
const SCALE = PEOPLE / 10_000;
/** The 24 complete months before NOW. */
const MONTHS = periodsEndingWith('2026-10', 24);

let first: TempDb;
let second: TempDb;
let db: Db;
let summary: LargeOrgSummary;
let again: LargeOrgSummary;

beforeAll(async () => {
	[first, second] = await Promise.all([openTempDb('large-seed-a'), openTempDb('large-seed-b')]);
	db = first.db;
	[summary, again] = await Promise.all([
		seedLargeOrganisation(first.db, { seed: 7, now: NOW, people: PEOPLE }),
		seedLargeOrganisation(second.db, { seed: 7, now: NOW, people: PEOPLE })
	]);
}, 120_000);

afterAll(async () => {
	await Promise.all([first?.close(), second?.close()]);
});

async function count(
	database: Db,
	table: 'people' | 'teams' | 'org_units' | 'observations' | 'case_feedback' | 'lesson_completions' | 'metric_values'
): Promise<number> {
	const row = await database
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The database's triggers with their definitions (SQLite) or whether each is enabled (PostgreSQL). */
async function triggers(database: Db): Promise<string[]> {
	const { rows } = onPostgres()
		? await sql<{
				t: string;
			}>`select tgname::text || ' ' || tgenabled::text as t from pg_trigger where not tgisinternal`.execute(database)
		: await sql<{ t: string }>`select name || ' ' || sql as t from sqlite_master where type = 'trigger'`.execute(
				database
			);
	return rows.map((r) => r.t).sort();
}

async function personByEmail(email: string) {
	return db.selectFrom('people').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
}

async function grantsOf(personId: string) {
	return db
		.selectFrom('role_grants')
		.select(['role', 'team_id', 'org_unit_id'])
		.where('person_id', '=', personId)
		.execute();
}

describe('seeding a large organisation', () => {
	it('scales people, teams, units and activity with the requested size', async () => {
		const teams = Math.round(PEOPLE / 20);
		expect(summary.counts.people).toBe(PEOPLE);
		expect(await count(db, 'people')).toBe(PEOPLE);
		expect(await count(db, 'teams')).toBe(teams);
		// 50 units at full size; never fewer than a company, two divisions and four departments.
		expect(await count(db, 'org_units')).toBe(Math.max(7, Math.round(50 * SCALE)));
		expect(await count(db, 'observations')).toBe(200_000 * SCALE);
		expect(await count(db, 'case_feedback')).toBe(100_000 * SCALE);
		// Every team, every month of four monthly metrics and every ISO week of the weekly one.
		const weeks = MONTHS.flatMap((month) => weeksOfMonth(month)).length;
		expect(await count(db, 'metric_values')).toBe(teams * (4 * MONTHS.length + weeks));
		expect(summary.counts.lesson_completions).toBe(await count(db, 'lesson_completions'));
		expect(summary.counts.lesson_completions!).toBeGreaterThan(PEOPLE * 20);
		for (const table of [
			'completions',
			'check_attempts',
			'module_progress',
			'assignments',
			'buddy_pairs',
			'shadow_visits',
			'lunch_rsvps',
			'recognitions',
			'service_assessments'
		]) {
			expect(summary.counts[table] ?? 0, table).toBeGreaterThan(0);
		}

		const kinds = await db.selectFrom('teams').select('kind').distinct().execute();
		expect(kinds.map((k) => k.kind).sort()).toEqual(['back_office', 'customer_facing']);
	});

	it('loads without the roll-ups’ triggers, then leaves them as migrated and the answers’ roll-up true', async () => {
		const fresh = await openTempDb('large-seed-fresh');
		try {
			expect(await triggers(db)).toEqual(await triggers(fresh.db));
		} finally {
			await fresh.close();
		}
		const { checked, differences } = await checkFeedbackRollup(db);
		expect(differences).toEqual([]);
		expect(checked).toBeGreaterThan(0);
	});

	it('gives every team exactly one manager, and everyone but the company leader a line manager', async () => {
		const managers = await db
			.selectFrom('role_grants')
			.select(['team_id', 'person_id'])
			.where('role', '=', 'manager')
			.execute();
		const teams = await db.selectFrom('teams').select('id').execute();
		expect(managers.map((m) => m.team_id).sort()).toEqual(teams.map((t) => t.id).sort());
		const people = await db.selectFrom('people').select(['id', 'team_id', 'manager_id']).execute();
		const byId = new Map(people.map((p) => [p.id, p]));
		for (const m of managers) expect(byId.get(m.person_id)?.team_id).toBe(m.team_id);
		const top = people.filter((p) => p.manager_id === null);
		expect(top).toHaveLength(1);
		const company = await db
			.selectFrom('org_units')
			.select('id')
			.where('parent_id', 'is', null)
			.executeTakeFirstOrThrow();
		expect(await grantsOf(top[0]!.id)).toEqual([{ role: 'leader', team_id: null, org_unit_id: company.id }]);
	});

	it('is reproducible: the same seed and time give the same rows', async () => {
		expect(again.counts).toEqual(summary.counts);
		expect(again.leaderUnitTeams).toBe(summary.leaderUnitTeams);
		const firstRows = async (database: Db) => ({
			observations: await database.selectFrom('observations').selectAll().orderBy('id').limit(20).execute(),
			lessons: await database
				.selectFrom('lesson_completions')
				.selectAll()
				.orderBy('person_id')
				.orderBy('module_slug')
				.orderBy('lesson_slug')
				.limit(20)
				.execute(),
			feedback: await database.selectFrom('case_feedback').selectAll().orderBy('id').limit(20).execute(),
			// Everything but the password hash, which argon2 salts afresh on every run.
			people: await database
				.selectFrom('people')
				.select(['id', 'email', 'name', 'team_id', 'manager_id', 'time_zone', 'created_at'])
				.orderBy('id')
				.limit(20)
				.execute()
		});
		const [a, b] = await Promise.all([firstRows(first.db), firstRows(second.db)]);
		expect(a.observations).toHaveLength(20);
		expect(b).toEqual(a);
	});

	it('keeps references meaningful beyond the foreign keys', async () => {
		// Each observation is rated against a version of its own behaviour, within the last 24 months.
		const mismatched = await db
			.selectFrom('observations')
			.innerJoin('behaviour_versions', 'behaviour_versions.id', 'observations.behaviour_version_id')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.whereRef('behaviour_versions.behaviour_id', '!=', 'observations.behaviour_id')
			.executeTakeFirstOrThrow();
		expect(Number(mismatched.n)).toBe(0);
		const span = await db
			.selectFrom('observations')
			.select((eb) => [eb.fn.min('observed_on').as('from'), eb.fn.max('observed_on').as('to')])
			.executeTakeFirstOrThrow();
		expect(span.from >= '2024-11-23' && span.to <= '2026-11-23', `${span.from}..${span.to}`).toBe(true);

		// Manager observations come from a manager of the observed person's team; self ones from the person.
		const wrongAuthor = await db
			.selectFrom('observations')
			.innerJoin('people', 'people.id', 'observations.person_id')
			.leftJoin('role_grants', (join) =>
				join
					.onRef('role_grants.person_id', '=', 'observations.author_id')
					.onRef('role_grants.team_id', '=', 'people.team_id')
					.on('role_grants.role', '=', 'manager')
			)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where((eb) =>
				eb.or([
					eb.and([eb('observations.source', '=', 'manager'), eb('role_grants.id', 'is', null)]),
					eb.and([
						eb('observations.source', '=', 'self'),
						eb('observations.author_id', '!=', eb.ref('observations.person_id'))
					])
				])
			)
			.executeTakeFirstOrThrow();
		expect(Number(wrongAuthor.n)).toBe(0);

		// Every response answers its own team's case link, at the moment the link was answered.
		const badLinks = await db
			.selectFrom('case_feedback')
			.innerJoin('feedback_links', 'feedback_links.id', 'case_feedback.link_id')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where((eb) =>
				eb.or([
					eb('feedback_links.team_id', '!=', eb.ref('case_feedback.team_id')),
					eb('feedback_links.answered_at', '!=', eb.ref('case_feedback.submitted_at'))
				])
			)
			.executeTakeFirstOrThrow();
		expect(Number(badLinks.n)).toBe(0);
		// Some teams hear from fewer than five customers a month.
		const monthly = await db
			.selectFrom('case_feedback')
			.select([
				'team_id',
				sql<string>`substr(submitted_at, 1, 7)`.as('month'),
				(eb) => eb.fn.countAll<number>().as('n')
			])
			.groupBy(['team_id', sql`substr(submitted_at, 1, 7)`])
			.execute();
		expect(monthly.some((m) => Number(m.n) < 5)).toBe(true);
		expect(monthly.some((m) => Number(m.n) >= 5)).toBe(true);

		// Learning uses the real catalogue, and a completion means every lesson of the module was done.
		const { modules } = courseContent();
		const lessonsOf = new Map(modules.map((m) => [m.slug, new Set(m.lessons.map((l) => l.slug))]));
		const used = await db.selectFrom('lesson_completions').select(['module_slug', 'lesson_slug']).distinct().execute();
		for (const row of used)
			expect(lessonsOf.get(row.module_slug)?.has(row.lesson_slug), `${row.module_slug}/${row.lesson_slug}`).toBe(true);
		const done = await db
			.selectFrom('completions')
			.leftJoin('lesson_completions', (join) =>
				join
					.onRef('lesson_completions.person_id', '=', 'completions.person_id')
					.onRef('lesson_completions.module_slug', '=', 'completions.module_slug')
			)
			.select([
				'completions.id',
				'completions.module_slug',
				(eb) => eb.fn.count<number>('lesson_completions.lesson_slug').as('lessons')
			])
			.groupBy(['completions.id', 'completions.module_slug'])
			.execute();
		expect(done.length).toBeGreaterThan(0);
		for (const c of done) expect(Number(c.lessons), c.module_slug).toBe(lessonsOf.get(c.module_slug)?.size);

		// Buddy pairs are made of the cycle's participants.
		const strays = await db
			.selectFrom('buddy_pair_members')
			.innerJoin('buddy_pairs', 'buddy_pairs.id', 'buddy_pair_members.pair_id')
			.leftJoin('buddy_participants', (join) =>
				join
					.onRef('buddy_participants.cycle_id', '=', 'buddy_pairs.cycle_id')
					.onRef('buddy_participants.person_id', '=', 'buddy_pair_members.person_id')
			)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('buddy_participants.person_id', 'is', null)
			.executeTakeFirstOrThrow();
		expect(Number(strays.n)).toBe(0);
	});

	it('puts every shadowing slot and lunch-and-learn session on a working day, on its own clocks', async () => {
		const { checked, off } = await eventsOffWorkingDays(db);
		expect(checked).toBeGreaterThan(0);
		expect(off).toEqual([]);
	});

	it('creates the fixed accounts with their roles and stories', async () => {
		const staff = await personByEmail(LARGE_ACCOUNTS.staff);
		const manager = await personByEmail(LARGE_ACCOUNTS.manager);
		const leader = await personByEmail(LARGE_ACCOUNTS.leader);
		const admin = await personByEmail(LARGE_ACCOUNTS.admin);

		// Staff: a back-office team, no grants, learning under way, assignments, a buddy and a visit.
		const team = await db.selectFrom('teams').selectAll().where('id', '=', staff.team_id!).executeTakeFirstOrThrow();
		expect(team.kind).toBe('back_office');
		expect(await grantsOf(staff.id)).toEqual([]);
		expect(staff.manager_id).toBe(manager.id);
		const progress = await db
			.selectFrom('module_progress')
			.select('module_slug')
			.where('person_id', '=', staff.id)
			.execute();
		const completed = await db
			.selectFrom('completions')
			.select('module_slug')
			.where('person_id', '=', staff.id)
			.execute();
		expect(progress.some((p) => !completed.some((c) => c.module_slug === p.module_slug))).toBe(true);
		const assignments = await db
			.selectFrom('assignments')
			.select('id')
			.where((eb) => eb.or([eb('person_id', '=', staff.id), eb('team_id', '=', team.id)]))
			.execute();
		expect(assignments.length).toBeGreaterThanOrEqual(2);
		const buddy = await db
			.selectFrom('buddy_pair_members as mine')
			.innerJoin('buddy_pairs', 'buddy_pairs.id', 'mine.pair_id')
			.innerJoin('buddy_cycles', 'buddy_cycles.id', 'buddy_pairs.cycle_id')
			.innerJoin('buddy_pair_members as theirs', 'theirs.pair_id', 'mine.pair_id')
			.select('theirs.person_id')
			.where('mine.person_id', '=', staff.id)
			.where('theirs.person_id', '!=', staff.id)
			.where('buddy_cycles.status', '=', 'published')
			.execute();
		expect(buddy).toHaveLength(1);
		const visits = await db
			.selectFrom('shadow_visits')
			.select(['status', 'approved_by'])
			.where('visitor_id', '=', staff.id)
			.execute();
		expect(visits).toContainEqual({ status: 'confirmed', approved_by: manager.id });

		// Manager: the staff member's team of twenty.
		expect(await grantsOf(manager.id)).toEqual([{ role: 'manager', team_id: team.id, org_unit_id: null }]);
		const teamSize = await db
			.selectFrom('people')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('team_id', '=', team.id)
			.executeTakeFirstOrThrow();
		expect(Number(teamSize.n)).toBe(20);

		// Leader: one unit, whose subtree holds a tenth of the teams (50 at full size).
		const leaderGrants = await grantsOf(leader.id);
		expect(leaderGrants).toHaveLength(1);
		expect(leaderGrants[0]!.role).toBe('leader');
		const unit = await db
			.selectFrom('org_units')
			.select('path')
			.where('id', '=', leaderGrants[0]!.org_unit_id!)
			.executeTakeFirstOrThrow();
		const subtree = await db
			.selectFrom('teams')
			.innerJoin('org_units', 'org_units.id', 'teams.org_unit_id')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('org_units.path', 'like', `${unit.path}%`)
			.executeTakeFirstOrThrow();
		expect(Number(subtree.n)).toBe(summary.leaderUnitTeams);
		expect(summary.leaderUnitTeams).toBe(Math.round(Math.round(PEOPLE / 20) / 10));

		expect(await grantsOf(admin.id)).toEqual([{ role: 'admin', team_id: null, org_unit_id: null }]);
	});

	it('lets the staff account sign in with the demo password', async () => {
		const result = await signIn(db, { email: LARGE_ACCOUNTS.staff, password: DEMO_PASSWORD, ip: '203.0.113.9' }, NOW);
		expect(result.ok).toBe(true);
		const wrong = await signIn(
			db,
			{ email: LARGE_ACCOUNTS.staff, password: 'not-the-password', ip: '203.0.113.9' },
			NOW
		);
		expect(wrong.ok).toBe(false);
	});

	it('refuses a database that already holds an organisation', async () => {
		await expect(seedLargeOrganisation(db, { seed: 7, now: NOW, people: PEOPLE })).rejects.toThrow(/already holds/);
	});
});
