import type { Db } from '../db';
import type { Completion } from '../db/schema';
import { completionsOf, lessonCountsFor, startedModules } from './queries';

/**
 * Each person's learning records as the team matrix and the home page read them (issue 19): their
 * module progress, lessons done per module and completions, kept as JSON in their learning roll-up
 * row (migration 2026-12-10T0900) so that a page reads one row a person instead of three tables.
 *
 * How they stay true. The roll-up's triggers move the row's `gen` in the same transaction as every
 * write to progress, lessons done or completions, whatever code makes it; the records are used only
 * while `records_gen` is still `gen`. Other records are read from the tables and stored with the
 * generation read, and only if it is still the row's, so a write that lands between the reading and
 * the storing leaves them to be read again rather than wrong. They are the records themselves, not
 * figures worked out from them, so a change of course content needs nothing here.
 */

export interface LearningRecords {
	progress: { module_slug: string; last_lesson_slug: string; updated_at: string }[];
	/** Lessons done per module (modules with none are left out). */
	lessons: { module_slug: string; n: number }[];
	/** Newest first. */
	completions: Completion[];
}

const none = (): LearningRecords => ({ progress: [], lessons: [], completions: [] });

/** The records of people straight from the tables: three queries however many people. */
export async function learningRecordsFromTables(
	database: Db,
	personIds: readonly string[]
): Promise<Map<string, LearningRecords>> {
	const result = new Map(personIds.map((id) => [id, none()]));
	const [progress, counts, completions] = await Promise.all([
		startedModules(database, personIds),
		lessonCountsFor(database, personIds),
		completionsOf(database, personIds)
	]);
	for (const p of progress)
		result.get(p.person_id)?.progress.push({
			module_slug: p.module_slug,
			last_lesson_slug: p.last_lesson_slug,
			updated_at: p.updated_at
		});
	for (const c of counts) result.get(c.person_id)?.lessons.push({ module_slug: c.module_slug, n: c.n });
	for (const c of completions) result.get(c.person_id)?.completions.push(c);
	for (const records of result.values()) {
		// In one order whatever order the database returned them in, so that kept and fresh compare equal.
		records.progress.sort((a, b) => a.module_slug.localeCompare(b.module_slug));
		records.lessons.sort((a, b) => a.module_slug.localeCompare(b.module_slug));
		records.completions.sort((a, b) => b.completed_at.localeCompare(a.completed_at) || a.id.localeCompare(b.id));
	}
	return result;
}

/**
 * The records of people: kept ones where still valid, the rest read from the tables and kept. One
 * query when every row is valid.
 */
export async function learningRecordsOf(
	database: Db,
	personIds: readonly string[]
): Promise<Map<string, LearningRecords>> {
	const result = new Map<string, LearningRecords>();
	if (personIds.length === 0) return result;
	// From people, so that only people who exist are kept (an id of someone erased has no records).
	const kept = await database
		.selectFrom('people')
		.leftJoin('learning_rollup', 'learning_rollup.person_id', 'people.id')
		.select(['people.id', 'learning_rollup.gen', 'learning_rollup.records', 'learning_rollup.records_gen'])
		.where('people.id', 'in', personIds)
		.execute();
	const genOf = new Map<string, number>();
	for (const row of kept) {
		if (row.records !== null && row.gen !== null && row.records_gen === row.gen)
			result.set(row.id, JSON.parse(row.records) as LearningRecords);
		else genOf.set(row.id, row.gen ?? 0);
	}
	// Each person once: a row may be written only once in one statement.
	const missing = [...new Set(personIds)].filter((id) => !result.has(id));
	if (missing.length === 0) return result;
	const fresh = await learningRecordsFromTables(database, missing);
	const toKeep = missing.filter((id) => genOf.has(id));
	// A person without a row goes in with generation 0, which loses to the row a write since the
	// reading would have made; the roll-up's own figures stay null (stale) until worked out.
	if (toKeep.length)
		await database
			.insertInto('learning_rollup')
			.values(
				toKeep.map((id) => {
					const gen = genOf.get(id)!;
					return {
						person_id: id,
						gen,
						records: JSON.stringify(fresh.get(id)),
						records_gen: gen,
						assigned: null,
						completed: null
					};
				})
			)
			.onConflict((oc) =>
				oc
					.column('person_id')
					.doUpdateSet((eb) => ({ records: eb.ref('excluded.records'), records_gen: eb.ref('excluded.records_gen') }))
					.where('learning_rollup.gen', '=', (eb) => eb.ref('excluded.gen'))
			)
			.execute();
	for (const [id, records] of fresh) result.set(id, records);
	return result;
}

/**
 * Compares every valid kept record with the tables; returns the people whose records differ:
 * none, unless something wrote around the triggers.
 */
async function checkLearningRecords(
	database: Db,
	personIds: readonly string[]
): Promise<{ checked: number; differ: string[] }> {
	const kept = await database
		.selectFrom('learning_rollup')
		.select(['person_id', 'records'])
		.where('person_id', 'in', personIds)
		.where('records', 'is not', null)
		.whereRef('records_gen', '=', 'gen')
		.execute();
	if (kept.length === 0) return { checked: 0, differ: [] };
	const fresh = await learningRecordsFromTables(
		database,
		kept.map((k) => k.person_id)
	);
	const differ = kept
		.filter((k) => JSON.stringify(JSON.parse(k.records!)) !== JSON.stringify(fresh.get(k.person_id)))
		.map((k) => k.person_id);
	return { checked: kept.length, differ };
}

/** People per round of queries when checking or rebuilding every person's records. */
const CHUNK = 500;

/** Runs `each` over every person's id, a chunk at a time, in id order. */
async function forEveryPerson(database: Db, each: (ids: string[]) => Promise<void>): Promise<number> {
	let after = '';
	let count = 0;
	for (;;) {
		const ids = (
			await database.selectFrom('people').select('id').where('id', '>', after).orderBy('id').limit(CHUNK).execute()
		).map((p) => p.id);
		if (ids.length === 0) return count;
		await each(ids);
		count += ids.length;
		after = ids.at(-1)!;
	}
}

/** `checkLearningRecords` over everyone: for `npm run db:check-rollups`. */
export async function checkAllLearningRecords(database: Db): Promise<{ checked: number; differ: string[] }> {
	const differ: string[] = [];
	let checked = 0;
	await forEveryPerson(database, async (ids) => {
		const result = await checkLearningRecords(database, ids);
		checked += result.checked;
		differ.push(...result.differ);
	});
	return { checked, differ };
}

/** Reads everyone's records from the tables again and keeps them; returns how many people. */
export async function rebuildLearningRecords(database: Db): Promise<number> {
	await database.updateTable('learning_rollup').set({ records: null, records_gen: null }).execute();
	return forEveryPerson(database, async (ids) => {
		await learningRecordsOf(database, ids);
	});
}
