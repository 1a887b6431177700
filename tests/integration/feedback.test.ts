import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/server/db/ids';
import { listTeamLinks, listTeamResponses, monthlyCaseScores } from '../../src/lib/server/feedback/queries';
import type { Answer } from '../../src/lib/server/feedback/answer';
import {
	closeLink,
	createCaseLink,
	experienceTrend,
	issueStandingLink,
	lookupLink,
	submitAnswer
} from '../../src/lib/server/feedback/service';
import { addPerson, addTeam, addUnit, openTempDb, T0, type TempDb, plainActor } from './temp-db';

let temp: TempDb;
const actor = plainActor('mgr');
const answer: Answer = { score: 8, reasons: ['kept_informed'], comment: 'Clear and quick.', minutesLost: 15 };
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);
const minutes = (n: number, from = T0) => new Date(from.getTime() + n * 60_000);
/** Whoever opens a case link: no account, only a client address. */
const requester = { personId: null, address: '192.0.2.10' };
/** A signed-in person answering from their own address. */
const person = (personId: string, address = '192.0.2.20') => ({ personId, address });

const throttleEnv = 'FEEDBACK_THROTTLE_IP_MAX';
const savedThrottle = process.env[throttleEnv];

beforeAll(async () => {
	// Pinned, so the suite does not depend on the environment it runs in.
	process.env[throttleEnv] = '30';
	temp = await openTempDb('feedback');
	const company = await addUnit(temp.db, 'co', 'Company');
	await addTeam(temp.db, 'ap', 'Accounts Payable', company.id);
	await addTeam(temp.db, 'ar', 'Accounts Receivable', company.id);
	await addTeam(temp.db, 'gl', 'General Ledger', company.id);
	await addPerson(temp.db, { id: 'mgr', email: 'mgr@example.com', name: 'Mina Manager', team_id: 'ap' });
});
afterAll(async () => {
	if (savedThrottle === undefined) delete process.env[throttleEnv];
	else process.env[throttleEnv] = savedThrottle;
	await temp.close();
});

async function caseLink(reference: string, teamId = 'ap', at = T0) {
	return createCaseLink(
		temp.db,
		actor,
		teamId,
		{ case_reference: reference, requester_email: 'requester@example.com' },
		at
	);
}

async function responsesOf(linkId: string) {
	return temp.db.selectFrom('case_feedback').selectAll().where('link_id', '=', linkId).execute();
}

describe('case links', () => {
	it('stores only the token’s hash and audits the creation without the requester’s email', async () => {
		const issued = await caseLink('INC-100');
		const row = await temp.db
			.selectFrom('feedback_links')
			.selectAll()
			.where('id', '=', issued.linkId)
			.executeTakeFirstOrThrow();
		expect(row.token_hash).not.toContain(issued.token);
		expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(row.expires_at).toBe(days(30).toISOString());
		const audit = await temp.db
			.selectFrom('audit_events')
			.selectAll()
			.where('object_id', '=', issued.linkId)
			.executeTakeFirstOrThrow();
		expect(audit.action).toBe('feedback_link.created');
		expect(audit.summary).toBe('Created a feedback link for case INC-100');
		expect(`${audit.summary} ${audit.details}`).not.toContain('requester@example.com');
		expect(await lookupLink(temp.db, issued.token, T0)).toMatchObject({
			status: 'open',
			link: { teamName: 'Accounts Payable', caseReference: 'INC-100' }
		});
	});

	it('refuses a second answer to the same case and keeps the first', async () => {
		const { token, linkId } = await caseLink('INC-101');
		expect(await submitAnswer(temp.db, token, answer, days(1), requester)).toEqual({
			ok: true,
			kind: 'case',
			replaced: false
		});
		expect(
			await submitAnswer(temp.db, token, { ...answer, score: 0, comment: 'Changed my mind' }, days(2), requester)
		).toEqual({
			ok: false,
			reason: 'answered'
		});
		const rows = await responsesOf(linkId);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			score: 8,
			comment: 'Clear and quick.',
			minutes_lost: 15,
			reasons: '["kept_informed"]',
			team_id: 'ap'
		});
		expect(await lookupLink(temp.db, token, days(3))).toMatchObject({ status: 'answered' });
	});

	it('stores exactly one of several answers sent at once', async () => {
		const { token, linkId } = await caseLink('INC-102');
		const outcomes = await Promise.all(
			[1, 2, 3, 4, 5].map((score) => submitAnswer(temp.db, token, { ...answer, score }, days(1), requester))
		);
		expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
		expect(outcomes.filter((o) => !o.ok)).toEqual(Array(4).fill({ ok: false, reason: 'answered' }));
		expect(await responsesOf(linkId)).toHaveLength(1);
	});

	it('refuses answers once the link has expired', async () => {
		const { token, linkId } = await caseLink('INC-103');
		expect(await submitAnswer(temp.db, token, answer, days(30), requester)).toEqual({ ok: false, reason: 'expired' });
		expect(await responsesOf(linkId)).toHaveLength(0);
		expect((await submitAnswer(temp.db, token, answer, days(29), requester)).ok).toBe(true);
	});

	it('refuses answers once the team has closed the link, and audits the closing', async () => {
		const { token, linkId } = await caseLink('INC-104');
		expect(await closeLink(temp.db, actor, 'ap', linkId, days(1))).toEqual({ ok: true });
		expect(await submitAnswer(temp.db, token, answer, days(2), requester)).toEqual({ ok: false, reason: 'closed' });
		expect(await responsesOf(linkId)).toHaveLength(0);
		const actions = await temp.db
			.selectFrom('audit_events')
			.select(['action', 'summary'])
			.where('object_id', '=', linkId)
			.orderBy('action')
			.execute();
		expect(actions).toEqual([
			{ action: 'feedback_link.closed', summary: 'Closed the feedback link for case INC-104' },
			{ action: 'feedback_link.created', summary: 'Created a feedback link for case INC-104' }
		]);
		expect((await closeLink(temp.db, actor, 'ap', linkId, days(2))).ok).toBe(false);
	});

	it('does not let one team close another team’s link', async () => {
		const { token, linkId } = await caseLink('AR-1', 'ar');
		expect(await closeLink(temp.db, actor, 'ap', linkId, days(1))).toEqual({
			ok: false,
			errors: { _form: { code: 'measure_feedback_link_not_found' } }
		});
		expect(await lookupLink(temp.db, token, days(1))).toMatchObject({ status: 'open' });
	});

	it('knows nothing of a token it never issued', async () => {
		expect(await lookupLink(temp.db, 'a'.repeat(32), T0)).toEqual({ status: 'unknown' });
		expect(await submitAnswer(temp.db, '../../etc', answer, T0, requester)).toEqual({ ok: false, reason: 'unknown' });
	});
});

describe('standing links', () => {
	it('take answers from several people', async () => {
		const { token, linkId, expiresAt } = await issueStandingLink(temp.db, actor, 'gl', T0);
		expect(expiresAt.toISOString()).toBe(days(365).toISOString());
		for (const [i, score] of [9, 10, 4].entries())
			expect(await submitAnswer(temp.db, token, { ...answer, score }, days(1), person(`gl-customer-${i}`))).toEqual({
				ok: true,
				kind: 'standing',
				replaced: false
			});
		expect((await responsesOf(linkId)).map((r) => r.score).sort()).toEqual([10, 4, 9]);
	});

	it('replace the previous standing link when issued again', async () => {
		const first = await issueStandingLink(temp.db, actor, 'ar', T0);
		const second = await issueStandingLink(temp.db, actor, 'ar', days(1));
		expect(await submitAnswer(temp.db, first.token, answer, days(2), person('ar-customer'))).toEqual({
			ok: false,
			reason: 'closed'
		});
		expect((await submitAnswer(temp.db, second.token, answer, days(2), person('ar-customer'))).ok).toBe(true);
		const closed = await temp.db
			.selectFrom('audit_events')
			.select('summary')
			.where('object_id', '=', first.linkId)
			.where('action', '=', 'feedback_link.closed')
			.execute();
		expect(closed).toEqual([{ summary: 'Closed the standing feedback link: replaced by a new one' }]);
	});
});

describe('team lists', () => {
	it('list a team’s links with their answer counts and its responses newest first, without requesters', async () => {
		const links = await listTeamLinks(temp.db, 'gl', { limit: 10, offset: 0 });
		expect(links.total).toBe(1);
		expect(links.rows[0]).toMatchObject({ kind: 'standing', responses: 3 });
		expect(links.rows[0]).not.toHaveProperty('requester_email');
		const responses = await listTeamResponses(temp.db, 'ap', { limit: 2, offset: 0 });
		expect(responses.total).toBe(3);
		expect(responses.rows).toHaveLength(2);
		expect(responses.rows[0]!.submitted_at >= responses.rows[1]!.submitted_at).toBe(true);
		expect(responses.rows[0]).not.toHaveProperty('requester_email');
	});
});

describe('a standing link counts each person once a month', () => {
	const month = '2026-11';
	beforeAll(async () => {
		const company = await temp.db.selectFrom('org_units').select(['id', 'path']).executeTakeFirstOrThrow();
		for (const [id, name] of [
			['pay', 'Payroll'],
			['it', 'IT Service Desk'],
			['hr', 'HR Services'],
			['fac', 'Facilities']
		] as const)
			await addTeam(temp.db, id, name, company.id);
		for (const n of [1, 2, 3, 4, 5])
			await addPerson(temp.db, { id: `customer-${n}`, email: `customer${n}@example.com`, name: `Customer ${n}` });
	});

	async function trendOf(teamId: string, last = month, count = 1) {
		return experienceTrend(temp.db, teamId, last, count);
	}

	it('asks whoever is not signed in to sign in, and stores nothing', async () => {
		const { token, linkId } = await issueStandingLink(temp.db, actor, 'pay', T0);
		for (let i = 0; i < 5; i++)
			expect(await submitAnswer(temp.db, token, { ...answer, score: 0 }, minutes(i), requester)).toEqual({
				ok: false,
				reason: 'sign_in'
			});
		expect(await responsesOf(linkId)).toHaveLength(0);
		expect((await trendOf('pay'))[0]).toMatchObject({ volume: 0, enough: false });
	});

	it('keeps one answer per person a month, their latest, however often they send one', async () => {
		const { token, linkId } = await issueStandingLink(temp.db, actor, 'it', T0);
		const outcomes = [];
		for (const [i, score] of [0, 1, 2, 3, 4].entries())
			outcomes.push(await submitAnswer(temp.db, token, { ...answer, score }, minutes(10 + i), person('customer-1')));
		const rows = await responsesOf(linkId);
		expect(rows.map((r) => r.score)).toEqual([4]);
		expect(outcomes.map((o) => o.ok && o.replaced)).toEqual([false, true, true, true, true]);
		expect(rows[0]!.submitted_at).toBe(minutes(14).toISOString());
		// Every count the team and its scorecards read says one respondent, below the threshold.
		expect((await monthlyCaseScores(temp.db, ['it'], [month])).get('it')?.get(month)).toEqual([4]);
		expect((await trendOf('it'))[0]).toMatchObject({ volume: 1, enough: false, average: null });
		expect((await listTeamLinks(temp.db, 'it', { limit: 10, offset: 0 })).rows[0]).toMatchObject({ responses: 1 });
		expect((await listTeamResponses(temp.db, 'it', { limit: 10, offset: 0 })).total).toBe(1);
	});

	it('keeps one answer per person when several arrive at once', async () => {
		const { token, linkId } = await issueStandingLink(temp.db, actor, 'fac', T0);
		const outcomes = await Promise.all(
			[5, 6, 7, 8, 9].map((score) =>
				submitAnswer(temp.db, token, { ...answer, score }, minutes(1), person('customer-2'))
			)
		);
		expect(outcomes.every((o) => o.ok)).toBe(true);
		expect(await responsesOf(linkId)).toHaveLength(1);
	});

	it('counts five people as five, and shows their average', async () => {
		const { token } = await issueStandingLink(temp.db, actor, 'hr', T0);
		for (const [i, score] of [10, 9, 2, 8, 6].entries())
			expect(
				(await submitAnswer(temp.db, token, { ...answer, score }, minutes(i), person(`customer-${i + 1}`))).ok
			).toBe(true);
		const [november] = await trendOf('hr');
		expect(november).toMatchObject({ volume: 5, enough: true });
		expect(november?.average).toBeCloseTo(7);
	});

	it('stores a keyed hash instead of the person, different for each team and month', async () => {
		const rows = await temp.db.selectFrom('case_feedback').selectAll().where('team_id', 'in', ['it', 'hr']).execute();
		const keys = rows.map((r) => r.respondent_key);
		expect(keys.every((k) => typeof k === 'string' && /^[0-9a-f]{64}$/.test(k))).toBe(true);
		// customer-1 answered both teams: the two keys cannot be matched to each other.
		expect(new Set(keys).size).toBe(keys.length);
		for (const row of rows) expect(Object.values(row).join(' ')).not.toMatch(/customer-\d/);
	});

	it('takes a new answer from the same person the next month', async () => {
		const { token } = await issueStandingLink(temp.db, actor, 'it', days(9));
		// 2 December: a new month, a new answer; November keeps its one.
		expect(await submitAnswer(temp.db, token, answer, days(9), person('customer-1'))).toMatchObject({
			ok: true,
			replaced: false
		});
		expect((await trendOf('it', '2026-12', 2)).map((m) => m.volume)).toEqual([1, 1]);
	});

	it('gives nobody a second answer in a month by replacing the link', async () => {
		const first = await issueStandingLink(temp.db, actor, 'pay', minutes(60));
		expect((await submitAnswer(temp.db, first.token, answer, minutes(61), person('customer-3'))).ok).toBe(true);
		const second = await issueStandingLink(temp.db, actor, 'pay', minutes(62));
		const again = await submitAnswer(temp.db, second.token, { ...answer, score: 3 }, minutes(63), person('customer-3'));
		const rows = await temp.db.selectFrom('case_feedback').selectAll().where('team_id', '=', 'pay').execute();
		expect(rows.map((r) => [r.link_id, r.score])).toEqual([[second.linkId, 3]]);
		expect(again).toEqual({ ok: true, kind: 'standing', replaced: true });
		expect((await trendOf('pay'))[0]?.volume).toBe(1);
	});
});

describe('answers from one client address', () => {
	const address = '198.51.100.7';
	let saved: string | undefined;
	beforeAll(() => {
		saved = process.env[throttleEnv];
		process.env[throttleEnv] = '3';
	});
	afterAll(() => {
		process.env[throttleEnv] = saved;
	});

	it('are limited per hour across all links, leaving the refused case link open', async () => {
		const start = days(20);
		const links = await Promise.all(['TH-1', 'TH-2', 'TH-3', 'TH-4'].map((ref) => caseLink(ref, 'ar', start)));
		const from = { personId: null, address };
		for (const [i, link] of links.slice(0, 3).entries())
			expect((await submitAnswer(temp.db, link.token, answer, minutes(i * 10, start), from)).ok).toBe(true);

		const refused = await submitAnswer(temp.db, links[3]!.token, answer, minutes(30, start), from);
		// The oldest of the three (sent at minute 0) leaves the hour at minute 60: 30 minutes from now.
		expect(refused).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 30 * 60 });
		expect(await responsesOf(links[3]!.linkId)).toHaveLength(0);
		expect(await lookupLink(temp.db, links[3]!.token, minutes(30, start))).toMatchObject({ status: 'open' });

		// A signed-in answer to a standing link from the same address counts too.
		const standing = await issueStandingLink(temp.db, actor, 'gl', start);
		expect(
			await submitAnswer(temp.db, standing.token, answer, minutes(31, start), { personId: 'customer-4', address })
		).toMatchObject({ ok: false, reason: 'throttled' });

		// Another address is not held up; this one is again once the hour has passed.
		expect((await submitAnswer(temp.db, links[3]!.token, answer, minutes(31, start), requester)).ok).toBe(true);
		const later = await caseLink('TH-5', 'ar', start);
		expect((await submitAnswer(temp.db, later.token, answer, minutes(60, start), from)).ok).toBe(true);

		// The throttle keeps neither the address nor anything from before the last hour (the suite's
		// other answers, on other days, are older; the expired-link test's is later).
		const events = await temp.db
			.selectFrom('login_failures')
			.selectAll()
			.where('throttle_key', 'like', 'feedback-answer:%')
			.execute();
		expect(events.some((e) => e.throttle_key.includes(address))).toBe(false);
		expect(
			events
				.map((e) => e.at)
				.filter((at) => at <= minutes(60, start).toISOString())
				.sort()
		).toEqual([10, 20, 31, 60].map((m) => minutes(m, start).toISOString()));
	});
});

describe('monthlyCaseScores', () => {
	let t: TempDb;
	beforeAll(async () => {
		t = await openTempDb('feedback-months');
		const company = await addUnit(t.db, 'co', 'Company');
		for (const id of ['a', 'b', 'c']) await addTeam(t.db, id, `Team ${id}`, company.id);
		const links = new Map<string, string>();
		for (const id of ['a', 'b', 'c']) {
			const linkId = newId();
			links.set(id, linkId);
			await t.db
				.insertInto('feedback_links')
				.values({
					id: linkId,
					team_id: id,
					kind: 'standing',
					case_reference: null,
					requester_email: null,
					token_hash: `hash-${id}`,
					created_by: null,
					created_at: '2026-01-01T00:00:00.000Z',
					expires_at: '2027-01-01T00:00:00.000Z',
					answered_at: null,
					closed_at: null
				})
				.execute();
		}
		const answers: [string, number, string][] = [
			['a', 9, '2026-09-15T12:00:00.000Z'],
			['a', 3, '2026-10-01T00:00:00.000Z'],
			['a', 10, '2026-10-31T23:59:59.999Z'],
			['a', 7, '2026-11-01T00:00:00.000Z'],
			['a', 8, '2026-12-01T00:00:00.000Z'],
			['b', 6, '2026-11-20T08:00:00.000Z'],
			['c', 1, '2026-10-10T08:00:00.000Z'],
			...[10, 10, 9, 5, 8].map((score, i): [string, number, string] => ['c', score, `2026-08-0${i + 1}T08:00:00.000Z`])
		];
		for (const [team, score, at] of answers) {
			await t.db
				.insertInto('case_feedback')
				.values({
					id: newId(),
					link_id: links.get(team)!,
					team_id: team,
					score,
					reasons: '[]',
					comment: '',
					minutes_lost: null,
					submitted_at: at
				})
				.execute();
		}
	});
	afterAll(async () => {
		await t.close();
	});

	it('groups scores by team and UTC month, only for the teams and months asked for', async () => {
		const scores = await monthlyCaseScores(t.db, ['a', 'b'], ['2026-10', '2026-11']);
		expect([...scores.keys()].sort()).toEqual(['a', 'b']);
		expect(scores.get('a')?.get('2026-10')?.sort()).toEqual([10, 3]);
		expect(scores.get('a')?.get('2026-11')).toEqual([7]);
		expect(scores.get('b')?.get('2026-10')).toEqual([]);
		expect(scores.get('b')?.get('2026-11')).toEqual([6]);
		expect(scores.get('a')?.has('2026-09')).toBe(false);
		expect(scores.get('a')?.has('2026-12')).toBe(false);
	});

	it('skips months in the range that were not asked for', async () => {
		const scores = await monthlyCaseScores(t.db, ['a'], ['2026-09', '2026-12']);
		expect(Object.fromEntries(scores.get('a') ?? [])).toEqual({ '2026-09': [9], '2026-12': [8] });
	});

	it('answers at once for no teams or no months', async () => {
		expect((await monthlyCaseScores(t.db, [], ['2026-10'])).size).toBe(0);
		expect(scoresOf(await monthlyCaseScores(t.db, ['a'], []), 'a')).toEqual({});
	});

	it('feeds a trend that hides small months', async () => {
		const trend = await experienceTrend(t.db, 'a', '2026-12', 4);
		expect(trend.map((m) => [m.month, m.volume, m.enough])).toEqual([
			['2026-09', 1, false],
			['2026-10', 2, false],
			['2026-11', 1, false],
			['2026-12', 1, false]
		]);
		expect(trend.every((m) => m.average === null && m.netScore === null)).toBe(true);
		const [august] = await experienceTrend(t.db, 'c', '2026-08', 1);
		expect(august).toMatchObject({ month: '2026-08', volume: 5, enough: true, netScore: 40 });
		expect(august?.average).toBeCloseTo(8.4);
	});
});

function scoresOf(scores: Map<string, Map<string, number[]>>, team: string) {
	return Object.fromEntries(scores.get(team) ?? []);
}
