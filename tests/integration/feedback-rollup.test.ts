import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthlyCaseScores } from '../../src/lib/server/feedback/queries';
import { checkFeedbackRollup, rebuildFeedbackRollup } from '../../src/lib/server/feedback/rollup';
import { Migrator } from 'kysely';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import { migrations } from '../../src/lib/server/db/migrations';
import { addTeam, addUnit, openTempDb, T0, type TempDb } from './temp-db';

/**
 * The answers' roll-up equals the counts worked out from the answers, whatever is written and in
 * whatever order (issue 19): random sequences of inserts, changes and removals straight to
 * `case_feedback` (so the triggers, not the app's code paths, keep it true), and removals that
 * cascade from a link or a whole team, on SQLite and PostgreSQL alike.
 */

const TEAMS = ['t-a', 't-b', 't-gone'];
const LINKS = ['l-a', 'l-b', 'l-gone'];
const MONTHS = ['2026-09', '2026-10', '2026-11'];
const ANSWERS = 6;

type Op =
	| { op: 'answer'; id: number; link: number; score: number; month: number; day: number }
	| { op: 'rescore'; id: number; score: number }
	| { op: 'move'; id: number; team: number }
	| { op: 'redate'; id: number; month: number }
	| { op: 'remove'; id: number }
	| { op: 'remove-link'; link: number }
	| { op: 'remove-team' };

const pick = (n: number) => fc.nat({ max: n - 1 });
const score = fc.integer({ min: 0, max: 10 });
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
	{
		arbitrary: fc.record({
			op: fc.constant('answer' as const),
			id: pick(ANSWERS),
			link: pick(LINKS.length),
			score,
			month: pick(MONTHS.length),
			day: fc.integer({ min: 1, max: 28 })
		}),
		weight: 4
	},
	fc.record({ op: fc.constant('rescore' as const), id: pick(ANSWERS), score }),
	fc.record({ op: fc.constant('move' as const), id: pick(ANSWERS), team: pick(TEAMS.length) }),
	fc.record({ op: fc.constant('redate' as const), id: pick(ANSWERS), month: pick(MONTHS.length) }),
	fc.record({ op: fc.constant('remove' as const), id: pick(ANSWERS) }),
	fc.record({ op: fc.constant('remove-link' as const), link: pick(LINKS.length) }),
	fc.record({ op: fc.constant('remove-team' as const) })
);

let temp: TempDb;
let unitId: string;

const answerId = (i: number) => `a${i}`;
const at = (month: number, day = 15) => `${MONTHS[month]}-${String(day).padStart(2, '0')}T23:30:00.000Z`;

async function addLink(i: number): Promise<void> {
	await temp.db
		.insertInto('feedback_links')
		.values({
			id: LINKS[i]!,
			team_id: TEAMS[i]!,
			kind: 'standing',
			case_reference: null,
			requester_email: null,
			token_hash: `hash-${LINKS[i]}`,
			created_by: null,
			created_at: T0.toISOString(),
			expires_at: '2027-12-31T00:00:00.000Z',
			answered_at: null,
			closed_at: null
		})
		.onConflict((oc) => oc.doNothing())
		.execute();
}

async function ensureTeam(i: number): Promise<void> {
	const found = await temp.db.selectFrom('teams').select('id').where('id', '=', TEAMS[i]!).executeTakeFirst();
	if (!found) await addTeam(temp.db, TEAMS[i]!, `Team ${TEAMS[i]}`, unitId);
}

async function reset(): Promise<void> {
	await temp.db.deleteFrom('case_feedback').execute();
	await temp.db.deleteFrom('feedback_month_rollup').execute();
	for (let i = 0; i < TEAMS.length; i++) {
		await ensureTeam(i);
		await addLink(i);
	}
}

async function apply(step: Op): Promise<void> {
	const db = temp.db;
	const answer = (id: number) => db.updateTable('case_feedback').where('id', '=', answerId(id));
	switch (step.op) {
		case 'answer': {
			const link = await db
				.selectFrom('feedback_links')
				.select(['id', 'team_id'])
				.where('id', '=', LINKS[step.link]!)
				.executeTakeFirst();
			if (!link) return;
			await db
				.insertInto('case_feedback')
				.values({
					id: answerId(step.id),
					link_id: link.id,
					team_id: link.team_id,
					score: step.score,
					reasons: '[]',
					comment: '',
					minutes_lost: null,
					submitted_at: at(step.month, step.day)
				})
				.onConflict((oc) => oc.doNothing())
				.execute();
			return;
		}
		case 'rescore':
			await answer(step.id).set({ score: step.score }).execute();
			return;
		case 'move': {
			// Only to a team that is there (the one removed may be gone).
			const team = await db.selectFrom('teams').select('id').where('id', '=', TEAMS[step.team]!).executeTakeFirst();
			if (team) await answer(step.id).set({ team_id: team.id }).execute();
			return;
		}
		case 'redate':
			await answer(step.id)
				.set({ submitted_at: at(step.month, 1) })
				.execute();
			return;
		case 'remove':
			await db.deleteFrom('case_feedback').where('id', '=', answerId(step.id)).execute();
			return;
		case 'remove-link':
			await db.deleteFrom('feedback_links').where('id', '=', LINKS[step.link]!).execute();
			return;
		case 'remove-team':
			await db.deleteFrom('teams').where('id', '=', 't-gone').execute();
			return;
	}
}

/** What the scorecards should read: the answers' scores by team and month, worked out from the rows. */
async function fromAnswers(): Promise<Map<string, Map<string, number[]>>> {
	const rows = await temp.db.selectFrom('case_feedback').select(['team_id', 'score', 'submitted_at']).execute();
	const result = new Map(TEAMS.map((t) => [t, new Map(MONTHS.map((m) => [m, [] as number[]]))]));
	for (const row of rows) result.get(row.team_id)?.get(row.submitted_at.slice(0, 7))?.push(row.score);
	for (const months of result.values()) for (const scores of months.values()) scores.sort((a, b) => a - b);
	return result;
}

beforeAll(async () => {
	temp = await openTempDb('feedback-rollup');
	unitId = (await addUnit(temp.db, 'u-co', 'Company')).id;
});
afterAll(async () => {
	await temp.close();
});

describe('the answers’ roll-up', () => {
	it('equals the counts worked out from the answers after any sequence of writes', async () => {
		const answer = (id: number, link: number, s: number, month = 1): Op => ({
			op: 'answer',
			id,
			link,
			score: s,
			month,
			day: 28
		});
		const examples: Op[][] = [
			[answer(0, 0, 9), answer(1, 0, 9), { op: 'rescore', id: 1, score: 3 }],
			[answer(0, 0, 10), { op: 'move', id: 0, team: 1 }],
			[answer(0, 0, 0), { op: 'redate', id: 0, month: 2 }],
			[answer(0, 0, 7), answer(1, 0, 7), { op: 'remove', id: 0 }],
			[answer(0, 1, 5), answer(1, 1, 6), { op: 'remove-link', link: 1 }],
			[answer(0, 2, 8), answer(1, 0, 8), { op: 'move', id: 1, team: 2 }, { op: 'remove-team' }]
		];
		await fc.assert(
			fc.asyncProperty(fc.array(opArbitrary, { minLength: 1, maxLength: 25 }), async (ops) => {
				await reset();
				for (const step of ops) await apply(step);
				expect(await monthlyCaseScores(temp.db, TEAMS, MONTHS)).toEqual(await fromAnswers());
				expect((await checkFeedbackRollup(temp.db)).differences).toEqual([]);
			}),
			{ numRuns: 150, examples: examples.map((steps) => [steps]) }
		);
	}, 180_000);

	it('finds a row written around the triggers, and the repair puts it right', async () => {
		await reset();
		await apply({ op: 'answer', id: 0, link: 0, score: 9, month: 1, day: 3 });
		await apply({ op: 'answer', id: 1, link: 1, score: 4, month: 2, day: 3 });
		const before = await monthlyCaseScores(temp.db, TEAMS, MONTHS);
		expect(before.get('t-a')!.get('2026-10')).toEqual([9]);
		// As a bug, or a hand-made change to the database, would leave it.
		await temp.db
			.updateTable('feedback_month_rollup')
			.set({ score_9: 0, score_2: 1 })
			.where('team_id', '=', 't-a')
			.execute();
		const check = await checkFeedbackRollup(temp.db);
		expect(check.checked).toBe(2);
		expect(check.differences.map((d) => [d.teamId, d.month, d.stored[2], d.fromAnswers[9]])).toEqual([
			['t-a', '2026-10', 1, 1]
		]);
		expect(await rebuildFeedbackRollup(temp.db)).toBe(2);
		expect((await checkFeedbackRollup(temp.db)).differences).toEqual([]);
		expect(await monthlyCaseScores(temp.db, TEAMS, MONTHS)).toEqual(before);
	});

	it('is filled from the answers already given when its migration runs', async () => {
		await reset();
		await apply({ op: 'answer', id: 0, link: 0, score: 10, month: 0, day: 1 });
		await apply({ op: 'answer', id: 1, link: 0, score: 2, month: 0, day: 2 });
		await apply({ op: 'answer', id: 2, link: 1, score: 2, month: 2, day: 2 });
		const scores = await monthlyCaseScores(temp.db, TEAMS, MONTHS);
		// Back to just before the roll-up's migration (whatever came after it), then forward again.
		const names = Object.keys(migrations);
		const before = names[names.indexOf('2026-12-09T0900-feedback-month-rollup') - 1]!;
		const down = await new Migrator({ db: temp.db, provider: { getMigrations: async () => migrations } }).migrateTo(
			before
		);
		expect(down.error).toBeUndefined();
		await migrateToLatest(temp.db);
		expect(await temp.db.selectFrom('feedback_month_rollup').select('team_id').execute()).toHaveLength(2);
		expect(await monthlyCaseScores(temp.db, TEAMS, MONTHS)).toEqual(scores);
		expect((await checkFeedbackRollup(temp.db)).differences).toEqual([]);
	});
});
