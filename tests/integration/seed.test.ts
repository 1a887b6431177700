import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/lib/server/auth/password';
import type { Db } from '../../src/lib/server/db';
import { eventsOffWorkingDays } from './demo-events';
import { openTempDb, type TempDb } from './temp-db';
import { demoAccounts, DEMO_PASSWORD, hasDemoData } from '../../src/lib/server/demo/accounts';
import { demoPeople } from '../../src/lib/server/demo/northwind/people';
import { demoTeams } from '../../src/lib/server/demo/northwind/org';
import { clearDatabase, isDatabaseEmpty, seedDemo } from '../../src/lib/server/demo/seed';
import { languages } from '../../src/lib/locale';
import { periodsEndingWith, weeksOfMonth } from '../../src/lib/periods';
import { demoMetrics } from '../../src/lib/server/demo/northwind/metrics';
import { serviceComponentKeys } from '../../src/lib/service-framework';
import { isReasonKey } from '../../src/lib/feedback';
import { experienceMeasures, feedbackLinkExpiry, MIN_RESPONSES } from '../../src/lib/server/feedback/rules';
import { ragStatus } from '../../src/lib/server/metrics/rules';
import { confidenceOf, watermelonVerdict } from '../../src/lib/server/scorecards/rules';
import { metricTexts } from '../../src/lib/server/db/texts';

let temp: TempDb;
let db: Db;

const SEEDED_AT = new Date('2026-11-23T09:00:00.000Z');
/** The last complete month before SEEDED_AT and the twelve before it. */
const MONTHS = periodsEndingWith('2026-10', 13);

beforeAll(async () => {
	temp = await openTempDb('seed');
	db = temp.db;
});

afterAll(async () => {
	await temp?.close();
});

async function personByEmail(email: string) {
	return db.selectFrom('people').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
}

async function teamByName(name: string) {
	return db.selectFrom('teams').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
}

async function metricByKey(key: string) {
	return db.selectFrom('metrics').selectAll().select(metricTexts()).where('key', '=', key).executeTakeFirstOrThrow();
}

/** Case-feedback scores a team received in a month (submitted_at is UTC, like the month). */
async function scoresIn(teamId: string, month: string): Promise<number[]> {
	const [y, m] = month.split('-').map(Number);
	const next = new Date(Date.UTC(y!, m!, 1)).toISOString().slice(0, 10);
	const rows = await db
		.selectFrom('case_feedback')
		.select('score')
		.where('team_id', '=', teamId)
		.where('submitted_at', '>=', `${month}-01`)
		.where('submitted_at', '<', next)
		.execute();
	return rows.map((r) => r.score);
}

/** The scorecard's watermelon rule for a team and month: SLA values against net score from case feedback. */
async function watermelonIn(teamId: string, month: string) {
	const sla = await db
		.selectFrom('metrics')
		.selectAll()
		.select(metricTexts())
		.where('kind', '=', 'sla')
		.where('archived_at', 'is', null)
		.execute();
	const values = await db
		.selectFrom('metric_values')
		.select(['metric_id', 'value'])
		.where('team_id', '=', teamId)
		.where('period', '=', month)
		.execute();
	const netScore = await metricByKey('case_net_score');
	const judge = (
		value: number | null,
		m: { direction: 'higher' | 'lower'; target: number | null; amber_band: number }
	) => ragStatus(value, { direction: m.direction, target: m.target, amberBand: m.amber_band });
	return watermelonVerdict([
		...sla.map((m) => ({
			name: m.name,
			kind: m.kind,
			status: judge(values.find((v) => v.metric_id === m.id)?.value ?? null, m)
		})),
		{
			name: netScore.name,
			kind: netScore.kind,
			status: judge(experienceMeasures(await scoresIn(teamId, month)).netScore, netScore)
		}
	]);
}

async function grantsOf(personId: string) {
	return db
		.selectFrom('role_grants')
		.select(['role', 'team_id', 'org_unit_id'])
		.where('person_id', '=', personId)
		.execute();
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

	it('has a leader and a team that work in Dutch (Eindhoven) and a team that works in Chinese (Dalian)', () => {
		const languageOf = (email: string) => demoPeople.find((p) => p.email === email)?.language;
		expect(languageOf('leader@ripple.test')).toBe('nl');
		const team = (name: string) => demoPeople.filter((p) => p.team === name);
		expect(team('Intercompany & Consolidation').length).toBeGreaterThanOrEqual(4);
		expect(new Set(team('Intercompany & Consolidation').map((p) => p.language))).toEqual(new Set(['nl']));
		expect(team('Accounts Payable Asia Pacific').length).toBeGreaterThanOrEqual(4);
		expect(new Set(team('Accounts Payable Asia Pacific').map((p) => [p.language, p.timeZone].join()))).toEqual(
			new Set(['zh-CN,Asia/Shanghai'])
		);
	});
});

describe('seeding the demo organisation', () => {
	it('starts from an empty database', async () => {
		expect(await isDatabaseEmpty(db)).toBe(true);
		expect(await hasDemoData(db)).toBe(false);
	});

	it('inserts the company, four departments, teams of both kinds and about 80 people', async () => {
		const counts = await seedDemo(db, SEEDED_AT);

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
		for (const t of teams)
			expect(
				managerGrants.some((g) => g.team_id === t.id),
				t.name
			).toBe(true);
	});

	it('creates the four demo accounts with their roles and a working password', async () => {
		const staff = await personByEmail('staff@ripple.test');
		const manager = await personByEmail('manager@ripple.test');
		const leader = await personByEmail('leader@ripple.test');
		const admin = await personByEmail('admin@ripple.test');

		const staffTeam = await db
			.selectFrom('teams')
			.selectAll()
			.where('id', '=', staff.team_id!)
			.executeTakeFirstOrThrow();
		expect(staffTeam.name).toBe('Accounts Payable');
		expect(staffTeam.kind).toBe('back_office');

		expect(await grantsOf(staff.id)).toEqual([]);
		expect(staff.manager_id).toBe(manager.id);

		expect(await grantsOf(manager.id)).toEqual([{ role: 'manager', team_id: staffTeam.id, org_unit_id: null }]);
		expect(manager.manager_id).toBe(leader.id);

		const finance = await db
			.selectFrom('org_units')
			.selectAll()
			.where('id', '=', staffTeam.org_unit_id)
			.executeTakeFirstOrThrow();
		expect(finance.name).toBe('Finance Shared Services');
		expect(await grantsOf(leader.id)).toEqual([{ role: 'leader', team_id: null, org_unit_id: finance.id }]);

		expect(await grantsOf(admin.id)).toEqual([{ role: 'admin', team_id: null, org_unit_id: null }]);

		expect(await verifyPassword(staff.password_hash!, DEMO_PASSWORD)).toBe(true);
		expect(await verifyPassword(staff.password_hash!, 'not-the-password')).toBe(false);
	});

	it('records the thirteen complete months of every metric for every team, and nothing for the current month', async () => {
		const metrics = await db.selectFrom('metrics').selectAll().where('source', '=', 'values').execute();
		expect(metrics.map((m) => m.key).sort()).toEqual(demoMetrics.map((m) => m.key).sort());
		const values = await db.selectFrom('metric_values').select(['metric_id', 'team_id', 'period']).execute();
		const teams = await db.selectFrom('teams').select(['id', 'name']).execute();
		expect(teams).toHaveLength(demoTeams.length);
		const weeks = MONTHS.flatMap((month) => weeksOfMonth(month));
		for (const team of teams) {
			for (const metric of metrics) {
				const periods = values
					.filter((v) => v.team_id === team.id && v.metric_id === metric.id)
					.map((v) => v.period)
					.sort();
				expect(periods, `${team.name} ${metric.key}`).toEqual(metric.period === 'week' ? weeks : MONTHS);
			}
		}
	});

	it('shows Accounts Payable improving over the year', async () => {
		const team = await teamByName('Accounts Payable');
		const sla = await metricByKey('sla_on_time');
		const rows = await db
			.selectFrom('metric_values')
			.select(['period', 'value'])
			.where('team_id', '=', team.id)
			.where('metric_id', '=', sla.id)
			.execute();
		const value = (period: string) => rows.find((r) => r.period === period)?.value ?? null;
		const judged = { direction: sla.direction, target: sla.target, amberBand: sla.amber_band };
		expect(ragStatus(value(MONTHS[0]!), judged)).toBe('red');
		expect(ragStatus(value(MONTHS[12]!), judged)).toBe('green');
	});

	it('makes Accounts Receivable a clear watermelon, and the only one: green SLAs, red case feedback', async () => {
		const ar = await teamByName('Accounts Receivable');
		const netScore = await metricByKey('case_net_score');
		for (const month of MONTHS.slice(10)) {
			const experience = experienceMeasures(await scoresIn(ar.id, month));
			expect(experience.volume, month).toBeGreaterThanOrEqual(8);
			expect(experience.netScore!, month).toBeLessThan(0);
			expect(experience.average!, month).toBeLessThan(6.5);
		}
		const verdict = await watermelonIn(ar.id, MONTHS[12]!);
		expect(verdict.watermelon).toBe(true);
		expect(verdict.greenSla.sort()).toEqual(['First response time', 'Requests resolved within SLA']);
		expect(verdict.redExperience).toEqual([netScore.name]);

		const teams = await db.selectFrom('teams').select(['id', 'name']).where('id', '!=', ar.id).execute();
		for (const team of teams) expect((await watermelonIn(team.id, MONTHS[12]!)).watermelon, team.name).toBe(false);

		// A year ago the same team's customers were content: the trend shows the slide.
		expect(experienceMeasures(await scoresIn(ar.id, MONTHS[1]!)).netScore!).toBeGreaterThanOrEqual(10);
		const comments = await db
			.selectFrom('case_feedback')
			.select('comment')
			.where('team_id', '=', ar.id)
			.where('submitted_at', '>=', `${MONTHS[10]}-01`)
			.execute();
		expect(comments.some((c) => /reopen/i.test(c.comment))).toBe(true);
		expect(comments.some((c) => /credit note/i.test(c.comment))).toBe(true);
	});

	it('keeps General Ledger & Reporting below the anonymity threshold while other teams have enough responses', async () => {
		const teams = await db.selectFrom('teams').select(['id', 'name']).execute();
		for (const team of teams) {
			for (const month of MONTHS.slice(1)) {
				const volume = (await scoresIn(team.id, month)).length;
				if (team.name === 'General Ledger & Reporting') {
					expect(volume, month).toBeGreaterThan(0);
					expect(volume, month).toBeLessThan(MIN_RESPONSES);
				} else {
					expect(volume, `${team.name} ${month}`).toBeGreaterThanOrEqual(MIN_RESPONSES);
					expect(volume, `${team.name} ${month}`).toBeLessThanOrEqual(20);
				}
			}
		}
		const gl = await teamByName('General Ledger & Reporting');
		expect(experienceMeasures(await scoresIn(gl.id, MONTHS[12]!)).enough).toBe(false);
	});

	it("ties every response to its team's link, answers each case link at most once and leaves some links open", async () => {
		const links = await db.selectFrom('feedback_links').selectAll().execute();
		const responses = await db.selectFrom('case_feedback').selectAll().execute();
		const byId = new Map(links.map((l) => [l.id, l]));
		const perCaseLink = new Map<string, number>();
		for (const response of responses) {
			const link = byId.get(response.link_id);
			expect(link?.team_id).toBe(response.team_id);
			expect(response.score).toBeGreaterThanOrEqual(0);
			expect(response.score).toBeLessThanOrEqual(10);
			const reasons: unknown = JSON.parse(response.reasons);
			expect(
				Array.isArray(reasons) && reasons.every((r) => typeof r === 'string' && isReasonKey(r)),
				response.reasons
			).toBe(true);
			expect(response.submitted_at <= SEEDED_AT.toISOString()).toBe(true);
			// Every answer arrived while its link was open.
			expect(response.submitted_at >= link!.created_at && response.submitted_at < link!.expires_at).toBe(true);
			if (link?.closed_at) expect(response.submitted_at < link.closed_at).toBe(true);
			if (link?.kind === 'case') {
				perCaseLink.set(link.id, (perCaseLink.get(link.id) ?? 0) + 1);
				expect(link.answered_at).toBe(response.submitted_at);
			}
		}
		expect(Math.max(...perCaseLink.values())).toBe(1);
		for (const link of links)
			expect(link.expires_at).toBe(feedbackLinkExpiry(link.kind, new Date(link.created_at)).toISOString());
		const now = SEEDED_AT.toISOString();
		expect(
			links.some((l) => l.kind === 'case' && l.answered_at === null && l.closed_at === null && l.expires_at > now)
		).toBe(true);
		expect(
			links.some(
				(l) =>
					l.kind === 'standing' &&
					l.closed_at === null &&
					l.expires_at > now &&
					responses.some((r) => r.link_id === l.id)
			)
		).toBe(true);
		expect(new Set(links.map((l) => l.token_hash)).size).toBe(links.length);
	});

	it('records observations with evidence from managers, peers and self', async () => {
		const observations = await db.selectFrom('observations').selectAll().execute();
		expect(observations.length).toBeGreaterThanOrEqual(60);
		expect(observations.length).toBeLessThanOrEqual(100);
		expect(new Set(observations.map((o) => o.source))).toEqual(new Set(['manager', 'peer', 'self']));
		const versions = await db.selectFrom('behaviour_versions').select(['id', 'behaviour_id']).execute();
		const people = await db.selectFrom('people').select(['id', 'team_id']).execute();
		const teamOf = new Map(people.map((p) => [p.id, p.team_id]));
		const managerGrants = await db
			.selectFrom('role_grants')
			.select(['person_id', 'team_id'])
			.where('role', '=', 'manager')
			.execute();
		const sixMonthsAgo = '2026-05-23';
		for (const o of observations) {
			expect(o.situation.length && o.action.length && o.impact.length).toBeGreaterThan(20);
			expect(o.level).toBeGreaterThanOrEqual(1);
			expect(o.level).toBeLessThanOrEqual(5);
			expect(versions.find((v) => v.id === o.behaviour_version_id)?.behaviour_id).toBe(o.behaviour_id);
			expect(o.observed_on >= sixMonthsAgo && o.observed_on <= '2026-11-23', o.observed_on).toBe(true);
			expect(o.created_at <= SEEDED_AT.toISOString()).toBe(true);
			if (o.source === 'self') expect(o.author_id).toBe(o.person_id);
			if (o.source === 'manager') {
				expect(managerGrants.some((g) => g.person_id === o.author_id && g.team_id === teamOf.get(o.person_id))).toBe(
					true
				);
			}
		}

		const priya = await personByEmail('staff@ripple.test');
		const tomasz = await personByEmail('manager@ripple.test');
		const aboutPriya = observations.filter((o) => o.person_id === priya.id);
		expect(aboutPriya.length).toBeGreaterThanOrEqual(5);
		expect(aboutPriya.some((o) => o.source === 'manager' && o.author_id === tomasz.id)).toBe(true);
		expect(aboutPriya.some((o) => o.source === 'self')).toBe(true);
		expect(aboutPriya.some((o) => o.response && o.responded_at)).toBe(true);
	});

	it('gives Accounts Payable and Accounts Receivable confident behaviour ratings over the last three months', async () => {
		for (const name of ['Accounts Payable', 'Accounts Receivable']) {
			const team = await teamByName(name);
			const rows = await db
				.selectFrom('observations')
				.innerJoin('people', 'people.id', 'observations.person_id')
				.select(['observations.behaviour_id', 'observations.author_id'])
				.where('people.team_id', '=', team.id)
				.where('observations.source', '!=', 'self')
				.where('observations.observed_on', '>=', '2026-08-23')
				.execute();
			const confidence = new Map<string, string>();
			for (const behaviour of new Set(rows.map((r) => r.behaviour_id))) {
				const about = rows.filter((r) => r.behaviour_id === behaviour);
				confidence.set(behaviour, confidenceOf(about.length, new Set(about.map((r) => r.author_id)).size));
			}
			const confident = [...confidence.values()].filter((c) => c === 'medium' || c === 'high');
			expect(confident.length, name).toBeGreaterThanOrEqual(3);
			expect([...confidence.values()].filter((c) => c === 'high').length, name).toBeGreaterThanOrEqual(2);
		}
	});

	it('keeps quarterly service-framework self-assessments for every Finance team and several others', async () => {
		const assessments = await db
			.selectFrom('service_assessments')
			.innerJoin('teams', 'teams.id', 'service_assessments.team_id')
			.select(['service_assessments.id', 'service_assessments.period', 'service_assessments.assessed_by', 'teams.name'])
			.execute();
		for (const name of ['Accounts Payable', 'Accounts Receivable', 'General Ledger & Reporting']) {
			const periods = assessments
				.filter((a) => a.name === name)
				.map((a) => a.period)
				.sort();
			expect(periods, name).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
		}
		expect(new Set(assessments.map((a) => a.name)).size).toBeGreaterThanOrEqual(6);
		const scores = await db.selectFrom('service_assessment_scores').selectAll().execute();
		for (const assessment of assessments) {
			expect(assessment.assessed_by).not.toBeNull();
			const own = scores.filter((s) => s.assessment_id === assessment.id);
			expect(own.map((s) => s.component).sort()).toEqual([...serviceComponentKeys].sort());
			for (const s of own) {
				expect(s.score).toBeGreaterThanOrEqual(1);
				expect(s.score).toBeLessThanOrEqual(5);
				expect(s.note).not.toBe('');
			}
		}
	});

	it('puts every shadowing slot and lunch-and-learn session on a working day, on its own clocks', async () => {
		const { checked, off } = await eventsOffWorkingDays(db);
		expect(checked).toBeGreaterThanOrEqual(10);
		expect(off).toEqual([]);
	});

	it('leaves each persona unread notifications that fit their story, and a log of emails never sent', async () => {
		const unread = async (email: string) =>
			(
				await db
					.selectFrom('notifications')
					.innerJoin('people', 'people.id', 'notifications.person_id')
					.select('notifications.kind')
					.where('people.email', '=', email)
					.where('notifications.read_at', 'is', null)
					.execute()
			).map((n) => n.kind);
		expect(await unread('staff@ripple.test')).toEqual(
			expect.arrayContaining(['learning.overdue', 'measure.observation_recorded'])
		);
		expect(await unread('manager@ripple.test')).toContain('shadowing.approval_needed');
		const hannah = await personByEmail('leader@ripple.test');
		const [summary] = await db
			.selectFrom('notifications')
			.select(['params', 'read_at'])
			.where('person_id', '=', hannah.id)
			.where('kind', '=', 'measure.scorecard_summary')
			.orderBy('created_at', 'desc')
			.execute();
		expect(summary?.read_at).toBeNull();
		expect(JSON.parse(summary!.params)).toMatchObject({ watermelons: ['Accounts Receivable'] });
		// Older notifications were read; digests gathered what waited for them.
		const read = await db.selectFrom('notifications').select('id').where('read_at', 'is not', null).execute();
		expect(read.length).toBeGreaterThan(20);
		const log = await db.selectFrom('email_deliveries').select(['kind', 'status', 'reason']).execute();
		expect(log.filter((d) => d.kind === 'digest.daily').length).toBeGreaterThan(10);
		expect(new Set(log.map((d) => `${d.status}:${d.reason}`))).toEqual(new Set(['not_sent:no_mail_server']));
	});

	it('marks the database as demo data and refuses to seed on top of it', async () => {
		expect(await isDatabaseEmpty(db)).toBe(false);
		expect(await hasDemoData(db)).toBe(true);
		await expect(seedDemo(db, new Date())).rejects.toThrow(/already holds/);
	});

	it('clears every table and can seed again afterwards', async () => {
		await db
			.insertInto('audit_events')
			.values({
				id: 'a1',
				at: new Date().toISOString(),
				actor_id: (await personByEmail('admin@ripple.test')).id,
				action: 'test',
				object_type: 'test',
				object_id: null,
				summary: 'test',
				details: null,
				ip: null
			})
			.execute();

		await clearDatabase(db);
		expect(await isDatabaseEmpty(db)).toBe(true);
		expect(await hasDemoData(db)).toBe(false);
		for (const table of ['role_grants', 'audit_events', 'app_meta'] as const) {
			const rows = await db.selectFrom(table).selectAll().execute();
			expect(rows, table).toEqual([]);
		}

		// Metric definitions are configuration and survive the clear; seeding again refreshes them.
		const again = await seedDemo(db, new Date());
		expect(again.people).toBe(demoPeople.length);
		const keys = await db.selectFrom('metrics').select('key').where('source', '=', 'values').execute();
		expect(keys).toHaveLength(demoMetrics.length);
		expect(await hasDemoData(db)).toBe(true);
		// Clearing and seeding the whole demo again takes about 5 s on PostgreSQL here, more when busy.
	}, 30_000);
});
