import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/lib/server/audit/log';
import { getLocale, overwriteGetLocale } from '../../src/lib/paraglide/runtime.js';
import { scopeOf } from '../../src/lib/server/people/credentials';
import {
	assessmentComparison,
	assessmentFor,
	assessmentHistory,
	saveAssessment,
	type ComponentScores
} from '../../src/lib/server/scorecards/assessment';
import { exportScorecards, scorecardCsv } from '../../src/lib/server/scorecards/export';
import { leaderView, readLeaderQuery } from '../../src/lib/server/scorecards/leader-view';
import { measureTrends, scorecardsFor } from '../../src/lib/server/scorecards/service';
import { listMetrics } from '../../src/lib/server/metrics/queries';
import { serviceComponentKeys } from '../../src/lib/service-framework';
import { addGrant, addPerson, addTeam, addUnit, openTempDb, T0, type TempDb, plainActor, actorFor } from './temp-db';

// T0 is 23 November 2026: the last complete month is October.
let temp: TempDb;
const MONTH = '2026-10';
const at = (day: string) => `${day}T10:00:00.000Z`;

async function metric(id: string, name: string, kind: 'sla' | 'operational', target: number | null) {
	await temp.db
		.insertInto('metrics')
		.values({
			id,
			key: id,
			direction: 'higher',
			target,
			amber_band: 2,
			kind,
			period: 'month',
			rollup: 'mean',
			source: 'values',
			position: 1,
			archived_at: null,
			created_at: at('2026-01-01'),
			updated_at: at('2026-01-01')
		})
		.execute();
	await temp.db
		.insertInto('metric_texts')
		.values({ metric_id: id, locale: 'en', name, description: '', unit: '%' })
		.execute();
}

async function value(metricId: string, teamId: string, period: string, v: number) {
	await temp.db
		.insertInto('metric_values')
		.values({
			metric_id: metricId,
			team_id: teamId,
			period,
			value: v,
			source: 'entry',
			updated_by: null,
			integration_id: null,
			updated_at: at('2026-11-01')
		})
		.execute();
}

async function caseFeedback(teamId: string, scores: number[], day: string) {
	for (const [i, score] of scores.entries()) {
		const link = `${teamId}-${day}-${i}`;
		await temp.db
			.insertInto('feedback_links')
			.values({
				id: link,
				team_id: teamId,
				kind: 'case',
				case_reference: `CASE-${i}`,
				requester_email: null,
				token_hash: `hash-${link}`,
				created_by: null,
				created_at: at(day),
				expires_at: at('2027-01-01'),
				answered_at: at(day),
				closed_at: null
			})
			.execute();
		await temp.db
			.insertInto('case_feedback')
			.values({
				id: `cf-${link}`,
				link_id: link,
				team_id: teamId,
				score,
				reasons: '[]',
				comment: '',
				minutes_lost: null,
				submitted_at: at(day)
			})
			.execute();
	}
}

async function observation(
	id: string,
	personId: string,
	authorId: string,
	level: number,
	day: string,
	source: 'manager' | 'peer' | 'self' = 'manager'
) {
	await temp.db
		.insertInto('observations')
		.values({
			id,
			person_id: personId,
			behaviour_id: 'behaviour-reliability',
			behaviour_version_id: 'behaviour-reliability-v1',
			level,
			situation: 'Month-end close with a late supplier file.',
			action: 'Called the supplier and agreed a new time.',
			impact: 'The close finished on time.',
			observed_on: day,
			source,
			author_id: authorId,
			response: null,
			responded_at: null,
			created_at: at(day),
			updated_at: at(day)
		})
		.execute();
}

beforeAll(async () => {
	temp = await openTempDb('scorecards');
	const company = await addUnit(temp.db, 'co', 'Company');
	const fin = await addUnit(temp.db, 'fin', 'Finance', company);
	const hr = await addUnit(temp.db, 'hr', 'HR', company);
	await addTeam(temp.db, 'ap', 'Accounts Payable', fin.id);
	await addTeam(temp.db, 'ar', 'Accounts Receivable', fin.id);
	await addTeam(temp.db, 'pay', '=Payroll', hr.id);
	await addPerson(temp.db, { id: 'ap-mgr', email: 'ap-mgr@example.com', name: 'Alma Manager', team_id: 'ap' });
	await addGrant(temp.db, 'ap-mgr', 'manager', { team_id: 'ap' });
	await addPerson(temp.db, { id: 'lead', email: 'lead@example.com', name: 'Lena Leader' });
	await addGrant(temp.db, 'lead', 'leader', { org_unit_id: 'fin' });
	await addPerson(temp.db, { id: 'admin', email: 'admin@example.com', name: 'Ada Admin' });
	await addGrant(temp.db, 'admin', 'admin');
	for (const id of ['ap1', 'ap2', 'ap3'])
		await addPerson(temp.db, { id, email: `${id}@example.com`, name: `Member ${id}`, team_id: 'ap' });
	await addPerson(temp.db, { id: 'ar1', email: 'ar1@example.com', name: 'Member ar1', team_id: 'ar' });
	await addPerson(temp.db, { id: 'pay1', email: 'pay1@example.com', name: 'Member pay1', team_id: 'pay' });

	await metric('in_sla', 'Requests in SLA', 'sla', 95);
	await metric('backlog', 'Backlog cleared', 'operational', 80);
	for (const team of ['ap', 'ar', 'pay']) await value('in_sla', team, MONTH, 97);
	await value('in_sla', 'ap', '2026-09', 90);
	await value('backlog', 'ap', MONTH, 70);

	// Accounts Receivable: SLA green, five unhappy customers. Accounts Payable: only four answers.
	await caseFeedback('ar', [2, 3, 5, 6, 9], '2026-10-12');
	await caseFeedback('ap', [10, 9, 9, 10], '2026-10-14');

	await observation('o1', 'ap1', 'ap-mgr', 4, '2026-10-02');
	await observation('o2', 'ap2', 'ap-mgr', 3, '2026-09-15');
	await observation('o3', 'ap3', 'ap1', 5, '2026-08-20', 'peer');
	await observation('o4', 'ap1', 'ap1', 5, '2026-10-03', 'self');
	await observation('o5', 'ap2', 'ap-mgr', 1, '2026-07-31');

	await temp.db
		.insertInto('recognitions')
		.values({
			id: 'r1',
			from_id: 'pay1',
			behaviour_slug: 'reliability',
			message: 'Thanks for the quick refund.',
			cross_department: 1,
			created_at: at('2026-10-20')
		})
		.execute();
	await temp.db
		.insertInto('recognition_recipients')
		.values([
			{ recognition_id: 'r1', person_id: 'ap1' },
			{ recognition_id: 'r1', person_id: 'ap2' }
		])
		.execute();
	await temp.db
		.insertInto('assignments')
		.values({
			id: 'as1',
			item_kind: 'module',
			item_slug: 'beyond-slas',
			person_id: null,
			team_id: 'ap',
			due_on: '2026-12-01',
			message: '',
			refresh: 0,
			assigned_by: 'ap-mgr',
			created_at: at('2026-10-01'),
			cancelled_at: null
		})
		.execute();
	await temp.db
		.insertInto('completions')
		.values({
			id: 'c1',
			person_id: 'ap1',
			module_slug: 'beyond-slas',
			module_version: '1.0.0',
			completed_at: at('2026-10-10'),
			verification_code: 'CODE1',
			locale: 'en'
		})
		.execute();
});

afterAll(async () => {
	await temp.close();
});

describe('a team scorecard from the database', () => {
	it('flags Accounts Receivable as a watermelon and says which measures disagree', async () => {
		const { cards } = await scorecardsFor(temp.db, [{ id: 'ar', member_count: 1 }], MONTH, T0);
		const card = cards.get('ar')!;
		expect(card.what.find((m) => m.key === 'in_sla')).toMatchObject({ value: 97, status: 'green' });
		expect(card.experience.measures.find((m) => m.key === 'case_net_score')).toMatchObject({
			value: -60,
			status: 'red'
		});
		expect(card.watermelon.watermelon).toBe(true);
		expect(card.watermelon.explanation).toContain('The SLA measure Requests in SLA is on target');
		expect(card.watermelon.explanation).toContain('Internal customer net score (-60 against a target of 30)');
	});

	it('hides the experience of a team with four responses and builds its How from three months', async () => {
		const { cards, window } = await scorecardsFor(temp.db, [{ id: 'ap', member_count: 4 }], MONTH, T0);
		const card = cards.get('ap')!;
		expect(window).toMatchObject({ from: '2026-08-01', to: '2026-11-01' });
		expect(card.experience).toMatchObject({ responses: 4, enough: false });
		expect(card.experience.measures.find((m) => m.key === 'case_net_score')).toMatchObject({
			value: null,
			status: 'none',
			missing: 'not_enough_responses'
		});
		expect(
			card.what
				.find((m) => m.key === 'in_sla')!
				.series.slice(-2)
				.map((p) => p.value)
		).toEqual([90, 97]);
		expect(card.what.find((m) => m.key === 'backlog')).toMatchObject({ value: 70, status: 'red' });
		// August to October, without the self-rating and without July.
		const keepsPromises = card.how.behaviours.find((b) => b.behaviourId === 'behaviour-reliability')!;
		expect(keepsPromises).toMatchObject({ observations: 3, raters: 2, average: 4, confidence: 'medium' });
		expect(card.how.participation.recognition).toEqual({ received: 1, crossDepartment: 1 });
		expect(card.how.participation.learning).toEqual({ assigned: 4, completed: 1 });
		expect(card.how.learningRate).toBe(25);
		expect(card.watermelon.watermelon).toBe(false);
	});
});

describe('trends and the one-month overview', () => {
	it('draws a measure across teams with the same series the team scorecard shows', async () => {
		const metrics = await listMetrics(temp.db);
		const teams = [
			{ id: 'ap', member_count: 4 },
			{ id: 'ar', member_count: 1 }
		];
		const full = await scorecardsFor(temp.db, teams, MONTH, T0);
		for (const key of ['in_sla', 'case_net_score']) {
			const metric = metrics.find((m) => m.key === key)!;
			const trends = await measureTrends(temp.db, ['ap', 'ar'], metric, MONTH);
			expect(trends.months).toEqual(full.months);
			for (const team of teams) {
				const card = full.cards.get(team.id)!;
				const measure = [...card.what, ...card.experience.measures].find((m) => m.key === key)!;
				expect(trends.series.get(team.id)).toEqual(measure.series);
			}
		}
		// Accounts Payable had 90 % in September; Receivable's October net score comes from five answers.
		expect(
			(
				await measureTrends(
					temp.db,
					['ap'],
					metrics.find((m) => m.key === 'in_sla')!,
					MONTH
				)
			).series
				.get('ap')!
				.slice(-2)
				.map((p) => p.value)
		).toEqual([90, 97]);
	});

	it('gives the same month on a one-month overview as on the full scorecard', async () => {
		const teams = [
			{ id: 'ap', member_count: 4 },
			{ id: 'ar', member_count: 1 },
			{ id: 'pay', member_count: 1 }
		];
		const [full, overview] = await Promise.all([
			scorecardsFor(temp.db, teams, MONTH, T0),
			scorecardsFor(temp.db, teams, MONTH, T0, 1)
		]);
		expect(overview.months).toEqual([MONTH]);
		for (const team of teams) {
			const a = full.cards.get(team.id)!;
			const b = overview.cards.get(team.id)!;
			const current = (card: typeof a) =>
				[...card.what, ...card.experience.measures].map((m) => ({
					key: m.key,
					value: m.value,
					status: m.status,
					missing: m.missing
				}));
			expect(current(b)).toEqual(current(a));
			expect(b.how).toEqual(a.how);
			expect(b.watermelon).toEqual(a.watermelon);
		}
	});
});

describe('participation read for many teams at once', () => {
	it('counts completed shadowing visits, hosted visits, buddy pairings and meetings per team', async () => {
		const slot = {
			team_id: 'ar',
			host_id: 'ar1',
			time_zone: 'UTC',
			capacity: 2,
			place: 'Floor 2',
			video_url: '',
			what_you_will_see: 'Collections calls.',
			auto_accept: 0,
			created_by: null,
			sequence: 0,
			created_at: at('2026-09-01'),
			updated_at: at('2026-09-01'),
			cancelled_at: null
		};
		await temp.db
			.insertInto('shadow_slots')
			.values([
				{ ...slot, id: 's1', starts_at: at('2026-10-05'), ends_at: '2026-10-05T12:00:00.000Z' },
				{ ...slot, id: 's2', starts_at: at('2026-12-05'), ends_at: '2026-12-05T12:00:00.000Z' }
			])
			.execute();
		const visit = {
			objectives: 'See how collections calls go.',
			approved_by: null,
			approved_at: null,
			confirmed_by: null,
			confirmed_at: null,
			decline_reason: null,
			sequence: 0,
			reflection_learned: null,
			reflection_impact: null,
			reflection_change: null,
			reflected_at: null,
			host_feedback: null,
			host_feedback_at: null,
			created_at: at('2026-09-02'),
			updated_at: at('2026-09-02')
		};
		await temp.db
			.insertInto('shadow_visits')
			.values([
				{
					...visit,
					id: 'v1',
					slot_id: 's1',
					visitor_id: 'ap1',
					status: 'confirmed',
					starts_at: at('2026-10-05'),
					ends_at: '2026-10-05T12:00:00.000Z'
				},
				{
					...visit,
					id: 'v2',
					slot_id: 's1',
					visitor_id: 'ap2',
					status: 'declined',
					starts_at: at('2026-10-05'),
					ends_at: '2026-10-05T12:00:00.000Z'
				},
				{
					...visit,
					id: 'v3',
					slot_id: 's2',
					visitor_id: 'ap3',
					status: 'confirmed',
					starts_at: at('2026-12-05'),
					ends_at: '2026-12-05T12:00:00.000Z'
				}
			])
			.execute();
		await temp.db
			.insertInto('buddy_cycles')
			.values({
				id: 'cy',
				name: 'Autumn',
				starts_on: '2026-09-01',
				ends_on: '2026-11-30',
				mode: 'opt_in',
				status: 'published',
				owner_id: 'lead',
				created_at: at('2026-08-01'),
				published_at: at('2026-08-20')
			})
			.execute();
		await temp.db
			.insertInto('buddy_pairs')
			.values({ id: 'pr', cycle_id: 'cy', locked: 0, score_cents: 100, breakdown: '[]', created_at: at('2026-08-20') })
			.execute();
		await temp.db
			.insertInto('buddy_pair_members')
			.values([
				{ pair_id: 'pr', person_id: 'ap3' },
				{ pair_id: 'pr', person_id: 'pay1' }
			])
			.execute();
		await temp.db
			.insertInto('buddy_meetings')
			.values([
				{
					id: 'm1',
					pair_id: 'pr',
					logged_by: 'ap3',
					met: 1,
					met_on: '2026-09-10',
					rating: 4,
					notes: '',
					created_at: at('2026-09-10')
				},
				{
					id: 'm2',
					pair_id: 'pr',
					logged_by: 'ap3',
					met: 0,
					met_on: '2026-10-10',
					rating: null,
					notes: '',
					created_at: at('2026-10-10')
				}
			])
			.execute();

		const { cards } = await scorecardsFor(
			temp.db,
			[
				{ id: 'ap', member_count: 4 },
				{ id: 'ar', member_count: 1 },
				{ id: 'pay', member_count: 1 }
			],
			MONTH,
			T0
		);
		expect(cards.get('ap')!.how.participation.shadowing).toEqual({ visitors: 1, hosted: 0 });
		expect(cards.get('ar')!.how.participation.shadowing).toEqual({ visitors: 0, hosted: 1 });
		expect(cards.get('ap')!.how.participation.buddies).toEqual({ paired: 1, meetings: 1 });
		expect(cards.get('pay')!.how.participation.buddies).toEqual({ paired: 1, meetings: 1 });
		expect(cards.get('ar')!.how.participation.buddies).toEqual({ paired: 0, meetings: 0 });
	});
});

describe('the leader view and its export', () => {
	const query = (search = '') => readLeaderQuery(new URL(`http://x/measure?${search}`), T0, 'UTC');

	it('shows a manager only their own team and a leader only the teams in their unit', async () => {
		const manager = await leaderView(temp.db, await scopeOf(temp.db, 'ap-mgr'), query(), T0);
		expect(manager.rows.map((r) => r.team)).toEqual(['Accounts Payable']);
		const leader = await leaderView(temp.db, await scopeOf(temp.db, 'lead'), query(), T0);
		expect(leader.month).toBe(MONTH);
		expect(leader.rows.map((r) => r.team)).toEqual(['Accounts Payable', 'Accounts Receivable']);
		const watermelons = await leaderView(temp.db, await scopeOf(temp.db, 'lead'), query('watermelons=1'), T0);
		expect(watermelons.rows.map((r) => r.team)).toEqual(['Accounts Receivable']);
	});

	it('exports the same rows as CSV with formula-looking text neutralised', async () => {
		const leader = await leaderView(temp.db, await scopeOf(temp.db, 'lead'), query('sort=team&dir=desc'), T0);
		const parsed = Papa.parse<string[]>(scorecardCsv(leader).trim());
		const [header, ...rows] = parsed.data;
		expect(header?.slice(0, 4)).toEqual(['team', 'unit', 'team kind', 'month']);
		expect(header).toContain('Requests in SLA status');
		expect(rows.map((r) => r[0])).toEqual(['Accounts Receivable', 'Accounts Payable']);
		const ar = rows[0]!;
		expect(ar[header!.indexOf('Requests in SLA (%)')]).toBe('97');
		expect(ar[header!.indexOf('watermelon')]).toBe('yes');
		expect(rows[1]![header!.indexOf('Internal customer net score status')]).toBe('Not enough responses');

		const admin = await leaderView(temp.db, await scopeOf(temp.db, 'admin'), query(), T0);
		const adminRows = Papa.parse<string[]>(scorecardCsv(admin).trim()).data.slice(1);
		expect(adminRows.map((r) => r[0])).toContain("'=Payroll");
	});

	it('names the metric columns of an export the same whoever downloads it', async () => {
		const lead = await actorFor(temp.db, 'lead');
		await temp.db
			.insertInto('metric_texts')
			.values({ metric_id: 'in_sla', locale: 'nl', name: 'Aanvragen binnen de SLA', description: '', unit: '%' })
			.execute();
		const headerAs = async (locale: 'en' | 'nl') => {
			const before = getLocale;
			overwriteGetLocale(() => locale);
			try {
				const { csv } = await exportScorecards(temp.db, lead, query(), T0);
				return Papa.parse<string[]>(csv.trim()).data[0];
			} finally {
				overwriteGetLocale(before);
			}
		};
		const english = await headerAs('en');
		expect(english).toContain('Requests in SLA (%)');
		expect(await headerAs('nl')).toEqual(english);
		await temp.db.deleteFrom('metric_texts').where('metric_id', '=', 'in_sla').where('locale', '=', 'nl').execute();
		await temp.db.deleteFrom('audit_events').where('action', '=', 'scorecard.exported').execute();
	});

	it('audits an export with the filters it used', async () => {
		const lead = await actorFor(temp.db, 'lead');
		const { csv, unitName } = await exportScorecards(temp.db, lead, query('unit=fin&watermelons=1'), T0);
		expect(unitName).not.toBeNull();
		expect(Papa.parse<string[]>(csv.trim()).data.map((r) => r[0])).toEqual(['team', 'Accounts Receivable']);
		const audit = await temp.db
			.selectFrom('audit_events')
			.select(['actor_id', 'summary', 'details', 'ip'])
			.where('action', '=', 'scorecard.exported')
			.executeTakeFirstOrThrow();
		expect(audit).toMatchObject({
			actor_id: 'lead',
			summary: `Exported scorecards for Oct 2026: 1 team in ${unitName}`,
			ip: '127.0.0.1'
		});
		// The summary is stored in English, and as a message for each reader: the month is worded too.
		expect(JSON.parse(audit.details!)).toEqual({
			month: MONTH,
			unit: 'fin',
			kind: null,
			status: null,
			watermelons_only: true,
			teams: 1,
			wording: {
				code: 'measure_audit_scorecards_exported_in_unit',
				params: {
					month: { code: 'measure_period_month', params: { month: 10, year: '2026' } },
					count: 1,
					unit: unitName
				}
			}
		});
	});
});

describe('the service self-assessment', () => {
	const scores = (score: number, note = ''): ComponentScores =>
		Object.fromEntries(serviceComponentKeys.map((k) => [k, { score, note }])) as ComponentScores;
	const actor = plainActor('ap-mgr');

	it('keeps one assessment per team and quarter, replacing it on a second save, and audits both', async () => {
		const first = await saveAssessment(
			temp.db,
			actor,
			{ id: 'ap', name: 'Accounts Payable' },
			'2026-Q4',
			scores(2, 'First go'),
			T0,
			'2026-Q4'
		);
		expect(first.ok).toBe(true);
		const second = await saveAssessment(
			temp.db,
			actor,
			{ id: 'ap', name: 'Accounts Payable' },
			'2026-Q4',
			{ ...scores(4), recharging: { score: 1, note: 'No charging model yet' } },
			new Date(T0.getTime() + 60_000),
			'2026-Q4'
		);
		expect(second.ok && first.ok && second.id === first.id).toBe(true);

		const saved = await assessmentFor(temp.db, 'ap', '2026-Q4');
		expect(saved?.scores.recharging).toEqual({ score: 1, note: 'No charging model yet' });
		expect(saved?.scores.client_feedback).toEqual({ score: 4, note: '' });
		expect(saved?.assessedBy).toBe('Alma Manager');
		const rows = await temp.db
			.selectFrom('service_assessment_scores')
			.select('component')
			.where('assessment_id', '=', saved!.id)
			.execute();
		expect(rows).toHaveLength(9);
		const audits = await temp.db
			.selectFrom('audit_events')
			.select(['summary', 'object_id'])
			.where('action', '=', 'assessment.saved')
			.orderBy('at')
			.execute();
		expect(audits.map((a) => a.summary)).toEqual([
			'Saved the service self-assessment of Accounts Payable for Q4 2026',
			'Updated the service self-assessment of Accounts Payable for Q4 2026'
		]);
		expect(audits.every((a) => a.object_id === saved!.id)).toBe(true);
		// Each reader sees the summary, the quarter included, in their own language.
		const worded = async () =>
			(await listAuditEvents(temp.db, { action: 'assessment.saved', limit: 2, offset: 0 })).rows
				.map((a) => a.summary)
				.sort();
		const requestLocale = getLocale;
		try {
			overwriteGetLocale(() => 'nl');
			expect(await worded()).toEqual([
				'Zelfevaluatie van Accounts Payable voor Q4 2026 bijgewerkt',
				'Zelfevaluatie van Accounts Payable voor Q4 2026 opgeslagen'
			]);
			overwriteGetLocale(() => 'zh-CN');
			expect(await worded()).toEqual([
				'保存了“Accounts Payable”2026年第4季度的服务自我评估',
				'更新了“Accounts Payable”2026年第4季度的服务自我评估'
			]);
		} finally {
			overwriteGetLocale(requestLocale);
		}
	});

	it('refuses future quarters and compares the team with its unit and the organisation', async () => {
		const future = await saveAssessment(
			temp.db,
			actor,
			{ id: 'ap', name: 'Accounts Payable' },
			'2027-Q1',
			scores(3),
			T0,
			'2026-Q4'
		);
		expect(future).toEqual({
			ok: false,
			errors: { _form: { code: 'measure_assessment_quarter_future' } }
		});

		await saveAssessment(
			temp.db,
			actor,
			{ id: 'ar', name: 'Accounts Receivable' },
			'2026-Q4',
			scores(2),
			T0,
			'2026-Q4'
		);
		await saveAssessment(temp.db, actor, { id: 'pay', name: '=Payroll' }, '2026-Q4', scores(5), T0, '2026-Q4');
		await saveAssessment(temp.db, actor, { id: 'ap', name: 'Accounts Payable' }, '2026-Q3', scores(3), T0, '2026-Q4');
		const comparison = await assessmentComparison(temp.db, { id: 'ap', unitPath: '/co/fin/' }, '2026-Q4');
		expect(comparison.team.client_feedback).toEqual({ average: 4, teams: 1 });
		expect(comparison.unit.client_feedback).toEqual({ average: 3, teams: 2 });
		expect(comparison.organisation.client_feedback).toEqual({ average: 11 / 3, teams: 3 });
		expect((await assessmentHistory(temp.db, 'ap')).map((a) => a.period)).toEqual(['2026-Q4', '2026-Q3']);
	});
});
