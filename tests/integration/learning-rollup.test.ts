import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modulesIn, pathsIn } from '../../src/lib/server/learning/content';
import {
	checkLearningRollup,
	rebuildLearningRollup,
	teamLearningCompletion
} from '../../src/lib/server/learning/rollup';
import {
	checkAllLearningRecords,
	learningRecordsFromTables,
	learningRecordsOf,
	rebuildLearningRecords
} from '../../src/lib/server/learning/records';
import { learningFromRecords } from '../../src/lib/server/learning/team-completion';
import { addPerson, addTeam, addUnit, openTempDb, T0, type TempDb } from './temp-db';

/**
 * The learning roll-up equals the figures worked out from the raw records, whatever is written
 * and in whatever order (issue 19): random sequences of writes straight to the tables (so the
 * triggers, not the app's code paths, are what keeps the roll-up true), interleaved with reads
 * that fill it, on SQLite and PostgreSQL alike.
 */

const TEAMS = ['t-a', 't-b'];
// Few people and modules, so that random writes often meet on the same person and module.
const PEOPLE = ['p1', 'p2', 'p3'];
const modules = modulesIn('en').slice(0, 2);
const paths = pathsIn('en').slice(0, 1);
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000).toISOString();

type Op =
	| { op: 'assign'; to: 'person' | 'team'; who: number; item: number; due: number; refresh: boolean; id: number }
	| { op: 'cancel' | 'unassign'; id: number }
	| { op: 'complete'; who: number; module: number; earlier: boolean; when: number }
	| { op: 'uncomplete'; who: number; module: number }
	| { op: 'progress'; who: number; module: number; when: number }
	| { op: 'forget-progress'; who: number; module: number }
	| { op: 'lesson' | 'unlesson'; who: number; module: number; lesson: number }
	| { op: 'records'; who: number[] }
	| { op: 'move'; who: number; team: number | null }
	| { op: 'active'; who: number; active: boolean }
	| { op: 'read'; teams: number[] };

const pick = (n: number) => fc.nat({ max: n - 1 });
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
	fc.record({
		op: fc.constant('assign' as const),
		to: fc.constantFrom('person' as const, 'team' as const),
		who: pick(PEOPLE.length),
		item: pick(modules.length + paths.length),
		due: fc.nat({ max: 60 }),
		refresh: fc.boolean(),
		id: pick(5)
	}),
	fc.record({ op: fc.constantFrom('cancel' as const, 'unassign' as const), id: pick(5) }),
	fc.record({
		op: fc.constant('complete' as const),
		who: pick(PEOPLE.length),
		module: pick(modules.length),
		earlier: fc.boolean(),
		when: fc.nat({ max: 4 })
	}),
	fc.record({ op: fc.constant('uncomplete' as const), who: pick(PEOPLE.length), module: pick(modules.length) }),
	fc.record({
		op: fc.constant('progress' as const),
		who: pick(PEOPLE.length),
		module: pick(modules.length),
		when: fc.nat({ max: 4 })
	}),
	fc.record({ op: fc.constant('forget-progress' as const), who: pick(PEOPLE.length), module: pick(modules.length) }),
	fc.record({
		op: fc.constant('move' as const),
		who: pick(PEOPLE.length),
		team: fc.option(pick(TEAMS.length), { nil: null })
	}),
	fc.record({ op: fc.constant('active' as const), who: pick(PEOPLE.length), active: fc.boolean() }),
	fc.record({
		op: fc.constantFrom('lesson' as const, 'unlesson' as const),
		who: pick(PEOPLE.length),
		module: pick(modules.length),
		lesson: pick(2)
	}),
	fc.record({ op: fc.constant('records' as const), who: fc.uniqueArray(pick(PEOPLE.length), { minLength: 1 }) }),
	fc.record({ op: fc.constant('read' as const), teams: fc.uniqueArray(pick(TEAMS.length), { minLength: 1 }) })
);

/** Writes (each followed by a read, or not) that each trigger must answer: always tried first. */
type Steps = [Op, boolean][];
const assignP1: Op = { op: 'assign', to: 'person', who: 0, item: 0, due: 3, refresh: false, id: 0 };
const complete = (when: number, earlier = true): Op => ({ op: 'complete', who: 0, module: 0, earlier, when });
const progress = (when: number): Op => ({ op: 'progress', who: 0, module: 0, when });
const read: Op = { op: 'read', teams: [0, 1] };
const examples: Steps[] = [
	// Progress started after completing an earlier version: no longer done (insert, update, delete).
	[
		[assignP1, false],
		[complete(0), true],
		[progress(2), false]
	],
	[
		[assignP1, false],
		[complete(2), false],
		[progress(1), true],
		[progress(3), false]
	],
	[
		[assignP1, false],
		[complete(1), false],
		[progress(3), true],
		[{ op: 'forget-progress', who: 0, module: 0 }, false]
	],
	// Completions: a new one, the same version again later, and one taken back.
	[
		[assignP1, true],
		[complete(0, false), false]
	],
	[
		[assignP1, false],
		[complete(1), false],
		[progress(2), true],
		[complete(3), false]
	],
	[
		[assignP1, false],
		[complete(0, false), true],
		[{ op: 'uncomplete', who: 0, module: 0 }, false]
	],
	// Assignments: to a team, withdrawn, deleted; and a move away from a team's assignment.
	[
		[read, false],
		[{ ...assignP1, to: 'team' }, false]
	],
	[
		[assignP1, true],
		[{ op: 'cancel', id: 0 }, false]
	],
	[
		[assignP1, true],
		[{ op: 'unassign', id: 0 }, false]
	],
	[
		[{ ...assignP1, to: 'team' }, true],
		[{ op: 'move', who: 0, team: 1 }, false]
	],
	// Lessons done, after the records were kept: one more, and one taken back.
	[
		[{ op: 'records', who: [0] }, false],
		[{ op: 'lesson', who: 0, module: 0, lesson: 0 }, false]
	],
	[
		[{ op: 'lesson', who: 0, module: 0, lesson: 0 }, true],
		[{ op: 'unlesson', who: 0, module: 0, lesson: 0 }, false]
	]
];

let temp: TempDb;

async function reset(): Promise<void> {
	const db = temp.db;
	await db.deleteFrom('assignments').execute();
	await db.deleteFrom('completions').execute();
	await db.deleteFrom('module_progress').execute();
	await db.deleteFrom('lesson_completions').execute();
	await db.updateTable('people').set({ team_id: 't-a', active: 1 }).execute();
	await db.deleteFrom('learning_rollup').execute();
}

async function apply(step: Op): Promise<void> {
	const db = temp.db;
	switch (step.op) {
		case 'assign': {
			const item = step.item < modules.length ? modules[step.item]! : paths[step.item - modules.length]!;
			await db
				.insertInto('assignments')
				.values({
					id: `a${step.id}`,
					item_kind: step.item < modules.length ? 'module' : 'path',
					item_slug: item.slug,
					person_id: step.to === 'person' ? PEOPLE[step.who]! : null,
					team_id: step.to === 'team' ? TEAMS[step.who % TEAMS.length]! : null,
					due_on: `2026-12-${String(1 + (step.due % 28)).padStart(2, '0')}`,
					message: '',
					refresh: step.refresh ? 1 : 0,
					assigned_by: null,
					created_at: at(step.due),
					cancelled_at: null
				})
				.onConflict((oc) => oc.column('id').doNothing())
				.execute();
			return;
		}
		case 'cancel':
			await db
				.updateTable('assignments')
				.set({ cancelled_at: at(2000) })
				.where('id', '=', `a${step.id}`)
				.execute();
			return;
		case 'unassign':
			await db.deleteFrom('assignments').where('id', '=', `a${step.id}`).execute();
			return;
		case 'complete': {
			const mod = modules[step.module]!;
			const version = step.earlier ? '1.0.0' : mod.version;
			await db
				.insertInto('completions')
				.values({
					id: `c-${step.who}-${step.module}-${version}-${step.when}`,
					person_id: PEOPLE[step.who]!,
					module_slug: mod.slug,
					module_version: version,
					completed_at: at(step.when),
					verification_code: `v-${step.who}-${step.module}-${version}-${step.when}`,
					locale: 'en'
				})
				// Completing a version again moves its date.
				.onConflict((oc) =>
					oc.columns(['person_id', 'module_slug', 'module_version']).doUpdateSet({ completed_at: at(step.when) })
				)
				.execute();
			return;
		}
		case 'uncomplete':
			await db
				.deleteFrom('completions')
				.where('person_id', '=', PEOPLE[step.who]!)
				.where('module_slug', '=', modules[step.module]!.slug)
				.execute();
			return;
		case 'progress': {
			const row = {
				person_id: PEOPLE[step.who]!,
				module_slug: modules[step.module]!.slug,
				last_lesson_slug: modules[step.module]!.lessons[0]!.slug,
				started_at: at(0),
				updated_at: at(step.when)
			};
			await db
				.insertInto('module_progress')
				.values(row)
				.onConflict((oc) => oc.columns(['person_id', 'module_slug']).doUpdateSet({ updated_at: row.updated_at }))
				.execute();
			return;
		}
		case 'forget-progress':
			await db
				.deleteFrom('module_progress')
				.where('person_id', '=', PEOPLE[step.who]!)
				.where('module_slug', '=', modules[step.module]!.slug)
				.execute();
			return;
		case 'lesson':
			await db
				.insertInto('lesson_completions')
				.values({
					person_id: PEOPLE[step.who]!,
					module_slug: modules[step.module]!.slug,
					lesson_slug: modules[step.module]!.lessons[step.lesson]!.slug,
					completed_at: at(step.lesson)
				})
				.onConflict((oc) => oc.columns(['person_id', 'module_slug', 'lesson_slug']).doNothing())
				.execute();
			return;
		case 'unlesson':
			await db
				.deleteFrom('lesson_completions')
				.where('person_id', '=', PEOPLE[step.who]!)
				.where('module_slug', '=', modules[step.module]!.slug)
				.where('lesson_slug', '=', modules[step.module]!.lessons[step.lesson]!.slug)
				.execute();
			return;
		case 'records':
			await learningRecordsOf(
				db,
				step.who.map((w) => PEOPLE[w]!)
			);
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
			await teamLearningCompletion(
				db,
				step.teams.map((t) => TEAMS[t]!)
			);
			return;
	}
}

/** Each team's figures worked out from the raw records alone: the sum over its active members. */
async function fromRecords(): Promise<Map<string, { assigned: number; completed: number }>> {
	const people = await temp.db.selectFrom('people').select(['id', 'team_id', 'active']).execute();
	const figures = await learningFromRecords(temp.db, people);
	const teams = new Map(TEAMS.map((t) => [t, { assigned: 0, completed: 0 }]));
	for (const p of people) {
		const team = p.active === 1 && p.team_id ? teams.get(p.team_id) : undefined;
		if (!team) continue;
		team.assigned += figures.get(p.id)!.assigned;
		team.completed += figures.get(p.id)!.completed;
	}
	return teams;
}

beforeAll(async () => {
	temp = await openTempDb('learning-rollup');
	const unit = await addUnit(temp.db, 'u-co', 'Company');
	for (const id of TEAMS) await addTeam(temp.db, id, `Team ${id}`, unit.id);
	for (const id of PEOPLE)
		await addPerson(temp.db, { id, email: `${id}@example.com`, name: `Person ${id}`, team_id: 't-a' });
});
afterAll(async () => {
	await temp.close();
});

describe('the learning roll-up', () => {
	it('equals the figures worked out from the raw records after any sequence of writes and reads', async () => {
		await fc.assert(
			// Each write is followed, or not, by a read of every team: reads fill the roll-up, so a later
			// write finds rows to make stale as well as people without one.
			fc.asyncProperty(fc.array(fc.tuple(opArbitrary, fc.boolean()), { minLength: 1, maxLength: 30 }), async (ops) => {
				await reset();
				for (const [step, thenRead] of ops) {
					await apply(step);
					if (thenRead) {
						await teamLearningCompletion(temp.db, TEAMS);
						await learningRecordsOf(temp.db, PEOPLE);
					}
				}
				// Every row the reads stored agrees with the records, before and after reading them all.
				expect((await checkAllLearningRecords(temp.db)).differ).toEqual([]);
				const expected = await fromRecords();
				expect(await teamLearningCompletion(temp.db, TEAMS)).toEqual(expected);
				expect((await checkLearningRollup(temp.db)).differences).toEqual([]);
				const tables = await learningRecordsFromTables(temp.db, PEOPLE);
				expect(await learningRecordsOf(temp.db, PEOPLE)).toEqual(tables);
				// Now kept for everyone, and read back from the kept rows as they were.
				expect(await learningRecordsOf(temp.db, PEOPLE)).toEqual(tables);
				expect((await checkAllLearningRecords(temp.db)).checked).toBe(PEOPLE.length);
			}),
			{ numRuns: 300, examples: examples.map((steps) => [steps]) }
		);
	}, 180_000);

	it('finds a row written around the triggers, and the repair puts it right', async () => {
		await reset();
		await apply({ op: 'assign', to: 'team', who: 0, item: 0, due: 3, refresh: false, id: 1 });
		const before = await teamLearningCompletion(temp.db, ['t-a']);
		expect(before.get('t-a')).toEqual({ assigned: PEOPLE.length, completed: 0 });
		// As a bug, or a hand-made change to the database, would leave it.
		await temp.db.updateTable('learning_rollup').set({ completed: 1 }).where('person_id', '=', 'p1').execute();
		const check = await checkLearningRollup(temp.db);
		expect(check.checked).toBe(PEOPLE.length);
		expect(check.differences).toEqual([
			{ personId: 'p1', stored: { assigned: 1, completed: 1 }, fromRecords: { assigned: 1, completed: 0 } }
		]);
		expect(await rebuildLearningRollup(temp.db)).toBe(PEOPLE.length);
		expect((await checkLearningRollup(temp.db)).differences).toEqual([]);
		expect((await teamLearningCompletion(temp.db, ['t-a'])).get('t-a')).toEqual({
			assigned: PEOPLE.length,
			completed: 0
		});
	});

	it('keeps learning records through a repair of the figures, and finds and repairs records written around the triggers', async () => {
		await reset();
		await apply({ op: 'complete', who: 0, module: 0, earlier: false, when: 1 });
		await apply({ op: 'lesson', who: 0, module: 1, lesson: 0 });
		await learningRecordsOf(temp.db, PEOPLE);
		// The records depend on neither the figures nor the content: a repair of the figures keeps them.
		await rebuildLearningRollup(temp.db);
		expect(await checkAllLearningRecords(temp.db)).toEqual({ checked: PEOPLE.length, differ: [] });
		await temp.db
			.updateTable('learning_rollup')
			.set({ records: JSON.stringify({ progress: [], lessons: [], completions: [] }) })
			.where('person_id', '=', 'p1')
			.execute();
		expect(await checkAllLearningRecords(temp.db)).toEqual({ checked: PEOPLE.length, differ: ['p1'] });
		expect(await rebuildLearningRecords(temp.db)).toBe(PEOPLE.length);
		expect(await checkAllLearningRecords(temp.db)).toEqual({ checked: PEOPLE.length, differ: [] });
		const p1 = (await learningRecordsOf(temp.db, ['p1'])).get('p1')!;
		expect(p1.completions).toHaveLength(1);
		expect(p1.lessons).toEqual([{ module_slug: modules[1]!.slug, n: 1 }]);
		// The same person asked for twice (as on a page listing them twice) is read and kept once.
		await apply({ op: 'lesson', who: 0, module: 1, lesson: 1 });
		const twice = await learningRecordsOf(temp.db, ['p1', 'p1']);
		expect(twice.get('p1')!.lessons).toEqual([{ module_slug: modules[1]!.slug, n: 2 }]);
	});

	it('lets a write that lands between working figures out and storing them win', async () => {
		await reset();
		await apply({ op: 'assign', to: 'person', who: 0, item: 0, due: 3, refresh: false, id: 1 });
		await teamLearningCompletion(temp.db, ['t-a']);
		// Made stale, then a reader reads the stale row's generation and works the figures out…
		await apply({ op: 'complete', who: 0, module: 0, earlier: false, when: 5 });
		const stale = await temp.db
			.selectFrom('learning_rollup')
			.selectAll()
			.where('person_id', '=', 'p1')
			.executeTakeFirstOrThrow();
		expect(stale.assigned).toBeNull();
		// …while another write marks the person again before the reader stores them.
		await apply({ op: 'uncomplete', who: 0, module: 0 });
		await temp.db
			.updateTable('learning_rollup')
			.set({ assigned: 1, completed: 1 })
			.where('person_id', '=', 'p1')
			.where('gen', '=', stale.gen)
			.execute();
		const row = await temp.db
			.selectFrom('learning_rollup')
			.selectAll()
			.where('person_id', '=', 'p1')
			.executeTakeFirstOrThrow();
		expect(row.assigned).toBeNull();
		expect((await teamLearningCompletion(temp.db, ['t-a'])).get('t-a')).toEqual({ assigned: 1, completed: 0 });
	});
});
