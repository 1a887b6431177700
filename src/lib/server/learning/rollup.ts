import { createHash } from 'node:crypto';
import { sql, type ExpressionBuilder } from 'kysely';
import { baseLocale } from '../../i18n/locales';
import type { Database, Db } from '../db';
import { modulesIn, pathsIn } from './content';
import { learningFromRecords, type LearningCompletion } from './team-completion';

/**
 * The learning roll-up (issue 19): each person's assigned and completed modules, kept in
 * `learning_rollup` so that a scorecard of 50 teams reads a row per member instead of every
 * assignment, completion and progress record of a thousand people.
 *
 * How it stays true. Triggers (migration 2026-12-08T0900) mark a person's row stale, in the same
 * transaction, on every write that can change their figures, whatever code makes it: progress,
 * completions, assignments to them or their team, a move to another team. A stale or missing row
 * is worked out from the raw records when first read, and stored only if its generation has not
 * moved meanwhile, so a write that lands between the reading and the storing leaves it stale
 * rather than wrong. The figures also depend on the course content (a module's version, a path's
 * modules): when those change, every row is marked stale. Deactivated people keep their row; a
 * team's sum counts active members only, as the raw figures do.
 */

const CONTENT_KEY = 'rollup.learning.content';
/** People worked out per round of queries. */
const CHUNK = 500;

let stamp: string | undefined;
/** What the figures depend on in the course content: each module's version and each path's modules. */
function contentStamp(): string {
	stamp ??= createHash('sha256')
		.update(
			JSON.stringify([
				modulesIn(baseLocale).map((m) => [m.slug, m.version]),
				pathsIn(baseLocale).map((p) => [p.slug, p.modules])
			])
		)
		.digest('hex')
		.slice(0, 16);
	return stamp;
}

/**
 * Makes rows' figures stale with a new generation. The kept learning records (learning/records.ts)
 * depend on neither the content nor these figures: those still valid move with the generation.
 */
const makeFiguresStale = (eb: ExpressionBuilder<Database, 'learning_rollup'>) => ({
	assigned: null,
	completed: null,
	gen: eb('gen', '+', 1),
	records_gen: eb
		.case()
		.when('records_gen', '=', eb.ref('gen'))
		.then(eb('gen', '+', 1))
		.else(eb.ref('records_gen'))
		.end()
});

/** Marks every row stale when the content the rows were worked out for is not the content served now. */
async function followContent(database: Db): Promise<void> {
	const current = contentStamp();
	const row = await database.selectFrom('app_meta').select('value').where('key', '=', CONTENT_KEY).executeTakeFirst();
	if (row?.value === current) return;
	await database.transaction().execute(async (trx) => {
		await trx.updateTable('learning_rollup').set(makeFiguresStale).execute();
		await trx
			.insertInto('app_meta')
			.values({ key: CONTENT_KEY, value: current })
			.onConflict((oc) => oc.column('key').doUpdateSet({ value: current }))
			.execute();
	});
}

interface Stored {
	id: string;
	team_id: string | null;
	assigned: number | null;
	completed: number | null;
	gen: number | null;
}

/** People with their stored figures, if any. */
const withStored = (database: Db) =>
	database
		.selectFrom('people')
		.leftJoin('learning_rollup', 'learning_rollup.person_id', 'people.id')
		.select([
			'people.id',
			'people.team_id',
			'learning_rollup.assigned',
			'learning_rollup.completed',
			'learning_rollup.gen'
		]);

/** Works out and stores the figures of people whose row is stale or missing; returns them. */
async function workOut(database: Db, people: readonly Stored[]): Promise<Map<string, LearningCompletion>> {
	const figures = new Map<string, LearningCompletion>();
	for (let i = 0; i < people.length; i += CHUNK) {
		const chunk = people.slice(i, i + CHUNK);
		const fresh = await learningFromRecords(database, chunk);
		for (const [id, f] of fresh) figures.set(id, f);
		// Stored only where the generation read is still the row's: a person without a row goes in
		// with generation 0, which loses to the stale row a write since the reading would have made.
		await database
			.insertInto('learning_rollup')
			.values(
				chunk.map((person) => ({
					person_id: person.id,
					assigned: fresh.get(person.id)!.assigned,
					completed: fresh.get(person.id)!.completed,
					gen: person.gen ?? 0
				}))
			)
			.onConflict((oc) =>
				oc
					.column('person_id')
					.doUpdateSet((eb) => ({ assigned: eb.ref('excluded.assigned'), completed: eb.ref('excluded.completed') }))
					.where('learning_rollup.gen', '=', (eb) => eb.ref('excluded.gen'))
			)
			.execute();
	}
	return figures;
}

/**
 * Assigned-module completion per team as it stands: the sum over the team's active members of
 * their rolled-up figures, summed by the database, plus any members whose row is stale or missing,
 * worked out first. Two queries whatever the number of teams, and a row a team, not a member.
 */
export async function teamLearningCompletion(
	database: Db,
	teamIds: readonly string[]
): Promise<Map<string, LearningCompletion>> {
	const result = new Map<string, LearningCompletion>(teamIds.map((id) => [id, { assigned: 0, completed: 0 }]));
	if (teamIds.length === 0) return result;
	await followContent(database);
	const isStale = sql<boolean>`(learning_rollup.assigned is null or learning_rollup.completed is null)`;
	const activeIn = (teams: readonly string[]) =>
		withStored(database).where('people.team_id', 'in', teams).where('people.active', '=', 1);
	const sums = await database
		.selectFrom('people')
		.leftJoin('learning_rollup', 'learning_rollup.person_id', 'people.id')
		.select((eb) => [
			'people.team_id',
			eb.fn.sum<number>('learning_rollup.assigned').as('assigned'),
			eb.fn.sum<number>('learning_rollup.completed').as('completed'),
			eb.fn.sum<number>(sql`case when ${isStale} then 1 else 0 end`).as('stale')
		])
		.where('people.team_id', 'in', teamIds)
		.where('people.active', '=', 1)
		.groupBy('people.team_id')
		.execute();
	const withStale: string[] = [];
	for (const row of sums) {
		// A sum over no rows, or over stale rows only, is null.
		result.set(row.team_id!, { assigned: Number(row.assigned ?? 0), completed: Number(row.completed ?? 0) });
		if (Number(row.stale) > 0) withStale.push(row.team_id!);
	}
	if (withStale.length === 0) return result;
	const stale: Stored[] = await activeIn(withStale).where(isStale).execute();
	const teamOf = new Map(stale.map((p) => [p.id, p.team_id!]));
	for (const [id, f] of await workOut(database, stale)) {
		const totals = result.get(teamOf.get(id)!)!;
		totals.assigned += f.assigned;
		totals.completed += f.completed;
	}
	return result;
}

export interface RollupDifference {
	personId: string;
	stored: LearningCompletion;
	fromRecords: LearningCompletion;
}

/**
 * Compares every stored (not stale) row with the figures worked out from the raw records, and
 * returns the rows that differ: none, unless something wrote around the triggers.
 */
export async function checkLearningRollup(database: Db): Promise<{ checked: number; differences: RollupDifference[] }> {
	await followContent(database);
	const differences: RollupDifference[] = [];
	let checked = 0;
	let after = '';
	for (;;) {
		const rows = await database
			.selectFrom('learning_rollup')
			.innerJoin('people', 'people.id', 'learning_rollup.person_id')
			.select(['people.id', 'people.team_id', 'learning_rollup.assigned', 'learning_rollup.completed'])
			.where('learning_rollup.assigned', 'is not', null)
			.where('people.id', '>', after)
			.orderBy('people.id')
			.limit(CHUNK)
			.execute();
		if (rows.length === 0) break;
		const fresh = await learningFromRecords(database, rows);
		for (const row of rows) {
			const f = fresh.get(row.id)!;
			if (Number(row.assigned) !== f.assigned || Number(row.completed) !== f.completed)
				differences.push({
					personId: row.id,
					stored: { assigned: Number(row.assigned), completed: Number(row.completed) },
					fromRecords: f
				});
		}
		checked += rows.length;
		after = rows.at(-1)!.id;
	}
	return { checked, differences };
}

/** Works every person's figures out afresh from the raw records and stores them; returns how many. */
export async function rebuildLearningRollup(database: Db): Promise<number> {
	await followContent(database);
	await database.updateTable('learning_rollup').set(makeFiguresStale).execute();
	let rebuilt = 0;
	let after = '';
	for (;;) {
		const people: Stored[] = await withStored(database)
			.where('people.id', '>', after)
			.orderBy('people.id')
			.limit(CHUNK)
			.execute();
		if (people.length === 0) break;
		await workOut(database, people);
		rebuilt += people.length;
		after = people.at(-1)!.id;
	}
	return rebuilt;
}
