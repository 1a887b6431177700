import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	checkWindowRollup,
	howWindow,
	rebuildWindowRollup,
	teamWindowFigures,
	windowFromRecords,
	type WindowFigures
} from '../../src/lib/server/scorecards/window-rollup';
import { addPerson, addTeam, addUnit, openTempDb, T0, type TempDb } from './temp-db';

/**
 * The How-window roll-up equals the figures worked out from the raw records, whatever is written
 * and in whatever order (issue 19): random sequences of writes straight to the tables (so the
 * triggers, not the app's code paths, keep the roll-up true) to observations, recognitions,
 * visits, buddy pairs and meetings and people, interleaved with reads that fill it, on SQLite and
 * PostgreSQL alike.
 */

const TEAMS = ['t-a', 't-b'];
const PEOPLE = ['p1', 'p2', 'p3'];
const BEHAVIOURS = [
	['behaviour-reliability', 'behaviour-reliability-v1'],
	['behaviour-empathy', 'behaviour-empathy-v1']
] as const;
// Four months whose windows have ended by NOW, and the month still running (never stored).
const MONTHS = ['2026-08', '2026-09', '2026-10', '2026-11', '2026-12'];
const NOW = new Date('2026-12-15T12:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000).toISOString();

type Op =
	| { op: 'observe'; id: number; who: number; author: number; behaviour: number; level: number; month: number }
	| { op: 'self-observe'; id: number; who: number; month: number }
	| { op: 'unobserve'; id: number }
	| { op: 'recognise'; id: number; to: number[]; month: number; cross: boolean }
	| { op: 'recognition-month'; id: number; month: number }
	| { op: 'unrecognise'; id: number }
	| { op: 'drop-recipient'; id: number; who: number }
	| {
			op: 'visit';
			id: number;
			slot: number;
			who: number;
			status: 'confirmed' | 'requested' | 'declined';
			month: number;
	  }
	| { op: 'unvisit'; id: number }
	| { op: 'slot-team'; slot: number; team: number }
	| { op: 'meet'; id: number; met: boolean; month: number }
	| { op: 'unmeet'; id: number }
	| { op: 'pair'; who: number; join: boolean }
	| { op: 'cycle'; published: boolean; ends: number }
	| { op: 'move'; who: number; team: number | null }
	| { op: 'active'; who: number; active: boolean }
	| { op: 'read'; months: number[] };

const pick = (n: number) => fc.nat({ max: n - 1 });
const month = pick(MONTHS.length);
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
	fc.record({
		op: fc.constant('observe' as const),
		id: pick(4),
		who: pick(PEOPLE.length),
		author: pick(PEOPLE.length),
		behaviour: pick(BEHAVIOURS.length),
		level: fc.integer({ min: 1, max: 5 }),
		month
	}),
	fc.record({ op: fc.constant('self-observe' as const), id: pick(4), who: pick(PEOPLE.length), month }),
	fc.record({ op: fc.constant('unobserve' as const), id: pick(4) }),
	fc.record({
		op: fc.constant('recognise' as const),
		id: pick(3),
		to: fc.uniqueArray(pick(PEOPLE.length), { minLength: 1 }),
		month,
		cross: fc.boolean()
	}),
	fc.record({ op: fc.constant('recognition-month' as const), id: pick(3), month }),
	fc.record({ op: fc.constant('unrecognise' as const), id: pick(3) }),
	fc.record({ op: fc.constant('drop-recipient' as const), id: pick(3), who: pick(PEOPLE.length) }),
	fc.record({
		op: fc.constant('visit' as const),
		id: pick(3),
		slot: pick(2),
		who: pick(PEOPLE.length),
		status: fc.constantFrom('confirmed' as const, 'requested' as const, 'declined' as const),
		month
	}),
	fc.record({ op: fc.constant('unvisit' as const), id: pick(3) }),
	fc.record({ op: fc.constant('slot-team' as const), slot: pick(2), team: pick(TEAMS.length) }),
	fc.record({ op: fc.constant('meet' as const), id: pick(3), met: fc.boolean(), month }),
	fc.record({ op: fc.constant('unmeet' as const), id: pick(3) }),
	fc.record({ op: fc.constant('pair' as const), who: pick(PEOPLE.length), join: fc.boolean() }),
	fc.record({ op: fc.constant('cycle' as const), published: fc.boolean(), ends: month }),
	fc.record({
		op: fc.constant('move' as const),
		who: pick(PEOPLE.length),
		team: fc.option(pick(TEAMS.length), { nil: null })
	}),
	fc.record({ op: fc.constant('active' as const), who: pick(PEOPLE.length), active: fc.boolean() }),
	fc.record({ op: fc.constant('read' as const), months: fc.uniqueArray(month, { minLength: 1 }) })
);

/** Writes (each followed by a read, or not) that each trigger must answer: always tried first. */
type Steps = [Op, boolean][];
const observe = (level: number, m = 2): Op => ({
	op: 'observe',
	id: 0,
	who: 0,
	author: 1,
	behaviour: 0,
	level,
	month: m
});
const recognise: Op = { op: 'recognise', id: 0, to: [0, 1], month: 2, cross: true };
const visit = (status: 'confirmed' | 'declined'): Op => ({ op: 'visit', id: 0, slot: 1, who: 0, status, month: 2 });
const meet: Op = { op: 'meet', id: 0, met: true, month: 2 };
const join: Op = { op: 'pair', who: 0, join: true };
const read: Op = { op: 'read', months: [2, 3] };
const examples: Steps[] = [
	// Observations: a new one, one changed, one taken back.
	[
		[read, false],
		[observe(4), false]
	],
	[
		[observe(4), true],
		[observe(2), false]
	],
	[
		[observe(4), true],
		[{ op: 'unobserve', id: 0 }, false]
	],
	// A person moved away or deactivated takes their figures with them.
	[
		[observe(4), true],
		[{ op: 'move', who: 0, team: 1 }, false]
	],
	[
		[observe(4), true],
		[{ op: 'active', who: 0, active: false }, false]
	],
	// Recognition: given, moved to another month, a recipient dropped, taken back.
	[
		[read, false],
		[recognise, false]
	],
	[
		[recognise, true],
		[{ op: 'recognition-month', id: 0, month: 0 }, false]
	],
	[
		[recognise, true],
		[{ op: 'drop-recipient', id: 0, who: 0 }, false]
	],
	[
		[recognise, true],
		[{ op: 'unrecognise', id: 0 }, false]
	],
	// Visits: made, declined, withdrawn, and the host slot handed to another team.
	[
		[read, false],
		[visit('confirmed'), false]
	],
	[
		[visit('confirmed'), true],
		[visit('declined'), false]
	],
	[
		[visit('confirmed'), true],
		[{ op: 'unvisit', id: 0 }, false]
	],
	[
		[visit('confirmed'), true],
		[{ op: 'slot-team', slot: 1, team: 0 }, false]
	],
	// Buddies: joining a pair, a meeting logged, changed and removed, leaving, the cycle withdrawn.
	[
		[read, false],
		[join, false]
	],
	[
		[join, true],
		[meet, false]
	],
	[
		[join, false],
		[meet, true],
		[{ ...meet, met: false }, false]
	],
	[
		[join, false],
		[meet, true],
		[{ op: 'unmeet', id: 0 }, false]
	],
	[
		[join, true],
		[{ op: 'pair', who: 0, join: false }, false]
	],
	[
		[join, true],
		[{ op: 'cycle', published: false, ends: 3 }, false]
	]
];

let temp: TempDb;

async function reset(): Promise<void> {
	const db = temp.db;
	await db.deleteFrom('observations').execute();
	await db.deleteFrom('recognition_recipients').execute();
	await db.deleteFrom('recognitions').execute();
	await db.deleteFrom('shadow_visits').execute();
	await db.deleteFrom('buddy_meetings').execute();
	await db.deleteFrom('buddy_pair_members').execute();
	await db
		.updateTable('buddy_cycles')
		.set({ published_at: at(0), ends_on: '2026-11-30' })
		.execute();
	await db.updateTable('shadow_slots').set({ team_id: 't-a' }).where('id', '=', 's0').execute();
	await db.updateTable('shadow_slots').set({ team_id: 't-b' }).where('id', '=', 's1').execute();
	await db.updateTable('people').set({ team_id: 't-a', active: 1 }).execute();
	await db.deleteFrom('team_window_rollup').execute();
	await db.deleteFrom('team_rollup_gen').execute();
}

const observation = (id: number, who: number, author: number, behaviour: number, level: number, m: number) => ({
	id: `o${id}`,
	person_id: PEOPLE[who]!,
	behaviour_id: BEHAVIOURS[behaviour]![0],
	behaviour_version_id: BEHAVIOURS[behaviour]![1],
	level,
	situation: 'A late supplier file at month end.',
	action: 'Called the supplier.',
	impact: 'The close finished on time.',
	observed_on: `${MONTHS[m]}-15`,
	source: author === who ? ('self' as const) : ('peer' as const),
	author_id: PEOPLE[author]!,
	response: null,
	responded_at: null,
	created_at: at(0),
	updated_at: at(0)
});

const visitRow = (id: number, slot: number, who: number, status: string, m: number) => ({
	id: `v${id}`,
	slot_id: `s${slot}`,
	visitor_id: PEOPLE[who]!,
	objectives: 'See how the team works.',
	status: status as 'confirmed',
	starts_at: `${MONTHS[m]}-15T09:00:00.000Z`,
	ends_at: `${MONTHS[m]}-15T12:00:00.000Z`,
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
	created_at: at(0),
	updated_at: at(0)
});

async function apply(step: Op): Promise<void> {
	const db = temp.db;
	switch (step.op) {
		case 'observe':
		case 'self-observe': {
			const row =
				step.op === 'observe'
					? observation(step.id, step.who, step.author, step.behaviour, step.level, step.month)
					: observation(step.id, step.who, step.who, 0, 3, step.month);
			await db
				.insertInto('observations')
				.values(row)
				.onConflict((oc) =>
					oc.column('id').doUpdateSet({
						person_id: row.person_id,
						behaviour_id: row.behaviour_id,
						behaviour_version_id: row.behaviour_version_id,
						level: row.level,
						observed_on: row.observed_on,
						source: row.source,
						author_id: row.author_id
					})
				)
				.execute();
			return;
		}
		case 'unobserve':
			await db.deleteFrom('observations').where('id', '=', `o${step.id}`).execute();
			return;
		case 'recognise':
			await db
				.insertInto('recognitions')
				.values({
					id: `r${step.id}`,
					from_id: 'giver',
					behaviour_slug: 'reliability',
					message: 'Thank you.',
					cross_department: step.cross ? 1 : 0,
					created_at: `${MONTHS[step.month]}-20T10:00:00.000Z`
				})
				.onConflict((oc) => oc.column('id').doNothing())
				.execute();
			await db
				.insertInto('recognition_recipients')
				.values(step.to.map((who) => ({ recognition_id: `r${step.id}`, person_id: PEOPLE[who]! })))
				.onConflict((oc) => oc.columns(['recognition_id', 'person_id']).doNothing())
				.execute();
			return;
		case 'recognition-month':
			await db
				.updateTable('recognitions')
				.set({ created_at: `${MONTHS[step.month]}-05T10:00:00.000Z` })
				.where('id', '=', `r${step.id}`)
				.execute();
			return;
		case 'unrecognise':
			await db.deleteFrom('recognition_recipients').where('recognition_id', '=', `r${step.id}`).execute();
			await db.deleteFrom('recognitions').where('id', '=', `r${step.id}`).execute();
			return;
		case 'drop-recipient':
			await db
				.deleteFrom('recognition_recipients')
				.where('recognition_id', '=', `r${step.id}`)
				.where('person_id', '=', PEOPLE[step.who]!)
				.execute();
			return;
		case 'visit': {
			const row = visitRow(step.id, step.slot, step.who, step.status, step.month);
			await db
				.insertInto('shadow_visits')
				.values(row)
				.onConflict((oc) => oc.column('id').doUpdateSet({ status: row.status, ends_at: row.ends_at }))
				.execute();
			return;
		}
		case 'unvisit':
			await db.deleteFrom('shadow_visits').where('id', '=', `v${step.id}`).execute();
			return;
		case 'slot-team':
			await db
				.updateTable('shadow_slots')
				.set({ team_id: TEAMS[step.team]! })
				.where('id', '=', `s${step.slot}`)
				.execute();
			return;
		case 'meet': {
			const row = {
				id: `m${step.id}`,
				pair_id: 'pr',
				logged_by: null,
				met: step.met ? 1 : 0,
				met_on: `${MONTHS[step.month]}-10`,
				rating: null,
				notes: '',
				created_at: at(0)
			};
			await db
				.insertInto('buddy_meetings')
				.values(row)
				.onConflict((oc) => oc.column('id').doUpdateSet({ met: row.met, met_on: row.met_on }))
				.execute();
			return;
		}
		case 'unmeet':
			await db.deleteFrom('buddy_meetings').where('id', '=', `m${step.id}`).execute();
			return;
		case 'pair':
			if (step.join)
				await db
					.insertInto('buddy_pair_members')
					.values({ pair_id: 'pr', person_id: PEOPLE[step.who]! })
					.onConflict((oc) => oc.columns(['pair_id', 'person_id']).doNothing())
					.execute();
			else
				await db
					.deleteFrom('buddy_pair_members')
					.where('pair_id', '=', 'pr')
					.where('person_id', '=', PEOPLE[step.who]!)
					.execute();
			return;
		case 'cycle':
			await db
				.updateTable('buddy_cycles')
				.set({ published_at: step.published ? at(0) : null, ends_on: `${MONTHS[step.ends]}-28` })
				.execute();
			return;
		case 'move':
			await db
				.updateTable('people')
				.set({ team_id: step.team === null ? null : TEAMS[step.team]! })
				.where('id', '=', PEOPLE[step.who]!)
				.execute();
			return;
		case 'active':
			await db
				.updateTable('people')
				.set({ active: step.active ? 1 : 0 })
				.where('id', '=', PEOPLE[step.who]!)
				.execute();
			return;
		case 'read':
			for (const m of step.months) await teamWindowFigures(db, TEAMS, howWindow(MONTHS[m]!), NOW);
			return;
	}
}

/** Figures in a form that compares by value whatever the order maps were filled in. */
const plain = (figures: Map<string, WindowFigures>) =>
	Object.fromEntries(
		[...figures].map(([team, f]) => [
			team,
			{ ...f, behaviours: Object.fromEntries([...f.behaviours].sort(([a], [b]) => a.localeCompare(b))) }
		])
	);

beforeAll(async () => {
	temp = await openTempDb('window-rollup');
	const db = temp.db;
	const unit = await addUnit(db, 'u-co', 'Company');
	for (const id of TEAMS) await addTeam(db, id, `Team ${id}`, unit.id);
	for (const id of PEOPLE)
		await addPerson(db, { id, email: `${id}@example.com`, name: `Person ${id}`, team_id: 't-a' });
	// Gives recognition from outside the teams, so giving is never also receiving.
	await addPerson(db, { id: 'giver', email: 'giver@example.com', name: 'Giver', team_id: null });
	const slot = {
		host_id: 'giver',
		starts_at: at(0),
		ends_at: at(60),
		time_zone: 'UTC',
		capacity: 3,
		place: 'Floor 2',
		video_url: '',
		what_you_will_see: 'The work.',
		auto_accept: 0,
		created_by: null,
		sequence: 0,
		created_at: at(0),
		updated_at: at(0),
		cancelled_at: null
	};
	await db
		.insertInto('shadow_slots')
		.values([
			{ ...slot, id: 's0', team_id: 't-a' },
			{ ...slot, id: 's1', team_id: 't-b' }
		])
		.execute();
	await db
		.insertInto('buddy_cycles')
		.values({
			id: 'cy',
			name: 'Autumn',
			starts_on: '2026-08-01',
			ends_on: '2026-11-30',
			mode: 'opt_in',
			status: 'published',
			owner_id: null,
			created_at: at(0),
			published_at: at(0)
		})
		.execute();
	await db
		.insertInto('buddy_pairs')
		.values({ id: 'pr', cycle_id: 'cy', locked: 0, score_cents: 100, breakdown: '[]', created_at: at(0) })
		.execute();
});
afterAll(async () => {
	await temp.close();
});

describe('the How-window roll-up', () => {
	it('equals the figures worked out from the raw records after any sequence of writes and reads', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(fc.tuple(opArbitrary, fc.boolean()), { minLength: 1, maxLength: 30 }), async (ops) => {
				await reset();
				for (const [step, thenRead] of ops) {
					await apply(step);
					if (thenRead) await apply({ op: 'read', months: MONTHS.map((_, i) => i) });
				}
				for (const m of MONTHS) {
					const window = howWindow(m);
					const expected = plain(await windowFromRecords(temp.db, TEAMS, window, NOW));
					expect(plain(await teamWindowFigures(temp.db, TEAMS, window, NOW))).toEqual(expected);
				}
				expect((await checkWindowRollup(temp.db, NOW)).differences).toEqual([]);
			}),
			{ numRuns: 200, examples: examples.map((steps) => [steps]) }
		);
	}, 180_000);

	it('stores only windows that have ended', async () => {
		await reset();
		await apply(observe(4, 4));
		await apply({ op: 'read', months: [3, 4] });
		const stored = await temp.db.selectFrom('team_window_rollup').select('month').distinct().execute();
		expect(stored.map((r) => r.month)).toEqual(['2026-11']);
	});

	it('finds a row written around the triggers, and the repair puts it right', async () => {
		await reset();
		await apply(observe(4));
		const window = howWindow('2026-10');
		const before = await teamWindowFigures(temp.db, TEAMS, window, NOW);
		expect(before.get('t-a')!.behaviours.get('behaviour-reliability')).toEqual({
			average: 4,
			observations: 1,
			raters: 1
		});
		// As a bug, or a hand-made change to the database, would leave it.
		await temp.db
			.updateTable('team_window_rollup')
			.set({ figures: '{"b":[],"r":[0,0],"s":[0,0],"u":[0,0]}' })
			.where('team_id', '=', 't-a')
			.execute();
		const check = await checkWindowRollup(temp.db, NOW);
		expect(check.checked).toBe(TEAMS.length);
		expect(check.differences.map((d) => [d.teamId, d.month])).toEqual([['t-a', '2026-10']]);
		expect(await rebuildWindowRollup(temp.db, NOW)).toBe(TEAMS.length);
		expect((await checkWindowRollup(temp.db, NOW)).differences).toEqual([]);
		expect(plain(await teamWindowFigures(temp.db, TEAMS, window, NOW))).toEqual(plain(before));
	});

	it('does not use figures worked out before a write that landed before they were stored', async () => {
		await reset();
		const window = howWindow('2026-10');
		await teamWindowFigures(temp.db, TEAMS, window, NOW);
		const { gen } = await temp.db
			.selectFrom('team_window_rollup')
			.select('gen')
			.where('team_id', '=', 't-a')
			.executeTakeFirstOrThrow();
		// A reader read generation `gen` and worked out "nothing observed"; a write lands; the reader
		// then stores its figures with the generation it read.
		await apply(observe(5));
		await temp.db
			.updateTable('team_window_rollup')
			.set({ figures: '{"b":[],"r":[0,0],"s":[0,0],"u":[0,0]}', gen })
			.where('team_id', '=', 't-a')
			.execute();
		const after = await teamWindowFigures(temp.db, ['t-a'], window, NOW);
		expect(after.get('t-a')!.behaviours.get('behaviour-reliability')?.observations).toBe(1);
	});
});
