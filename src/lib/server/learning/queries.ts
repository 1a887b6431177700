import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db';
import type {
	Assignment,
	AssignmentTable,
	CheckAttemptTable,
	CheckDrawTable,
	Completion,
	CompletionTable,
	ReflectionTable
} from '../db/schema';

/** Repository functions for learning records. Decisions (who may, what counts) live elsewhere. */

/** Re-reading the lesson one is on within this long is not news: the row keeps its time. */
export const TOUCH_QUIET_MS = 60_000;

/**
 * Remembers the lesson a learner is on and when they were last active in the module. Opening a
 * lesson calls this on every view; a reload or a second tab on the same lesson within
 * TOUCH_QUIET_MS writes nothing (the condition is part of the one statement), which spares the
 * database a durable commit per page view.
 */
export async function touchModuleProgress(
	database: Db,
	personId: string,
	moduleSlug: string,
	lessonSlug: string,
	now: Date
): Promise<void> {
	const at = now.toISOString();
	const quietSince = new Date(now.getTime() - TOUCH_QUIET_MS).toISOString();
	await database
		.insertInto('module_progress')
		.values({
			person_id: personId,
			module_slug: moduleSlug,
			last_lesson_slug: lessonSlug,
			started_at: at,
			updated_at: at
		})
		.onConflict((oc) =>
			oc
				.columns(['person_id', 'module_slug'])
				.doUpdateSet({ last_lesson_slug: lessonSlug, updated_at: at })
				.where((eb) =>
					eb.or([
						eb('module_progress.last_lesson_slug', '!=', lessonSlug),
						eb('module_progress.updated_at', '<', quietSince)
					])
				)
		)
		.execute();
}

export async function insertLessonCompletion(
	database: Db,
	personId: string,
	moduleSlug: string,
	lessonSlug: string,
	now: Date
): Promise<void> {
	await database
		.insertInto('lesson_completions')
		.values({ person_id: personId, module_slug: moduleSlug, lesson_slug: lessonSlug, completed_at: now.toISOString() })
		.onConflict((oc) => oc.columns(['person_id', 'module_slug', 'lesson_slug']).doNothing())
		.execute();
}

export async function insertCheckAttempt(database: Db, attempt: Insertable<CheckAttemptTable>): Promise<void> {
	await database.insertInto('check_attempts').values(attempt).execute();
}

/** The learner's open (drawn, not yet submitted) check for a module, if any. */
export async function openDrawOf(database: Db, personId: string, moduleSlug: string) {
	return database
		.selectFrom('check_draws')
		.selectAll()
		.where('person_id', '=', personId)
		.where('module_slug', '=', moduleSlug)
		.executeTakeFirst();
}

/**
 * Stores a draw as the learner's open one for the module, in place of `replacing` (a draw of an
 * older version) when given, and returns the draw that is open afterwards: this one, or the one a
 * request that ran at the same moment (a second tab, a double click) stored first.
 */
export async function replaceDraw(
	database: Db,
	draw: Insertable<CheckDrawTable>,
	replacing: string | null
): Promise<Selectable<CheckDrawTable>> {
	if (replacing) await database.deleteFrom('check_draws').where('id', '=', replacing).execute();
	await database
		.insertInto('check_draws')
		.values(draw)
		.onConflict((oc) => oc.columns(['person_id', 'module_slug']).doNothing())
		.execute();
	return (await openDrawOf(database, draw.person_id, draw.module_slug))!;
}

/** Takes a draw off the open list; false when it was not open (already submitted, or replaced). */
export async function closeDraw(database: Db, drawId: string, personId: string): Promise<boolean> {
	const result = await database
		.deleteFrom('check_draws')
		.where('id', '=', drawId)
		.where('person_id', '=', personId)
		.executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}

/** The questions of the learner's latest attempt at a module, for a retake to avoid. */
export async function lastAttemptQuestions(database: Db, personId: string, moduleSlug: string) {
	const row = await database
		.selectFrom('check_attempts')
		.select('questions')
		.where('person_id', '=', personId)
		.where('module_slug', '=', moduleSlug)
		.orderBy('submitted_at', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row?.questions ?? null;
}

/** One of the learner's attempts, for its review. */
export async function attemptOf(database: Db, personId: string, moduleSlug: string, attemptId: string) {
	return database
		.selectFrom('check_attempts')
		.selectAll()
		.where('id', '=', attemptId)
		.where('person_id', '=', personId)
		.where('module_slug', '=', moduleSlug)
		.executeTakeFirst();
}

export async function insertCompletion(database: Db, completion: Insertable<CompletionTable>): Promise<void> {
	await database.insertInto('completions').values(completion).execute();
}

/** Writes a learner's answer to one reflection prompt, replacing an earlier one (its created_at stays). */
export async function saveReflection(database: Db, reflection: Insertable<ReflectionTable>): Promise<void> {
	await database
		.insertInto('reflections')
		.values(reflection)
		.onConflict((oc) =>
			oc.columns(['person_id', 'module_slug', 'prompt_id']).doUpdateSet({
				body: reflection.body,
				share_with_buddy: reflection.share_with_buddy,
				share_with_manager: reflection.share_with_manager,
				updated_at: reflection.updated_at
			})
		)
		.execute();
}

export async function deleteReflection(
	database: Db,
	personId: string,
	moduleSlug: string,
	promptId: string
): Promise<void> {
	await database
		.deleteFrom('reflections')
		.where('person_id', '=', personId)
		.where('module_slug', '=', moduleSlug)
		.where('prompt_id', '=', promptId)
		.execute();
}

/** Keeps a learner's one practice note per module, replacing the earlier one. */
export async function savePractice(
	database: Db,
	personId: string,
	moduleSlug: string,
	note: string,
	at: string
): Promise<void> {
	await database
		.insertInto('practice_logs')
		.values({ person_id: personId, module_slug: moduleSlug, note, done_at: at })
		.onConflict((oc) => oc.columns(['person_id', 'module_slug']).doUpdateSet({ note, done_at: at }))
		.execute();
}

export async function lessonsDone(database: Db, personId: string, moduleSlug: string): Promise<Set<string>> {
	const rows = await database
		.selectFrom('lesson_completions')
		.select('lesson_slug')
		.where('person_id', '=', personId)
		.where('module_slug', '=', moduleSlug)
		.execute();
	return new Set(rows.map((r) => r.lesson_slug));
}

export async function hasPassedCheck(
	database: Db,
	personId: string,
	moduleSlug: string,
	versionPrefix: string
): Promise<boolean> {
	const row = await database
		.selectFrom('check_attempts')
		.select('id')
		.where('person_id', '=', personId)
		.where('module_slug', '=', moduleSlug)
		.where('passed', '=', 1)
		.where('module_version', 'like', `${versionPrefix}.%`)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

export async function listAttempts(database: Db, personId: string, moduleSlug: string) {
	return database
		.selectFrom('check_attempts')
		.select(['id', 'score', 'passed', 'submitted_at', 'module_version', 'questions'])
		.where('person_id', '=', personId)
		.where('module_slug', '=', moduleSlug)
		.orderBy('submitted_at', 'desc')
		.limit(20)
		.execute();
}

export async function findCompletion(
	database: Db,
	personId: string,
	moduleSlug: string,
	version: string
): Promise<Completion | undefined> {
	return database
		.selectFrom('completions')
		.selectAll()
		.where('person_id', '=', personId)
		.where('module_slug', '=', moduleSlug)
		.where('module_version', '=', version)
		.executeTakeFirst();
}

export async function completionsOf(database: Db, personIds: readonly string[]): Promise<Completion[]> {
	if (personIds.length === 0) return [];
	return database
		.selectFrom('completions')
		.selectAll()
		.where('person_id', 'in', personIds)
		.orderBy('completed_at', 'desc')
		.execute();
}

/** Per person and module: whether they have started (visited a lesson). */
export async function startedModules(
	database: Db,
	personIds: readonly string[]
): Promise<{ person_id: string; module_slug: string; last_lesson_slug: string; updated_at: string }[]> {
	if (personIds.length === 0) return [];
	return database
		.selectFrom('module_progress')
		.select(['person_id', 'module_slug', 'last_lesson_slug', 'updated_at'])
		.where('person_id', 'in', personIds)
		.execute();
}

/** Lessons done per person and module (modules without any are left out). */
export async function lessonCountsFor(
	database: Db,
	personIds: readonly string[]
): Promise<{ person_id: string; module_slug: string; n: number }[]> {
	if (personIds.length === 0) return [];
	const rows = await database
		.selectFrom('lesson_completions')
		.select(['person_id', 'module_slug', (eb) => eb.fn.countAll<number>().as('n')])
		.where('person_id', 'in', personIds)
		.groupBy(['person_id', 'module_slug'])
		.execute();
	return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export async function completionByCode(database: Db, code: string) {
	return database
		.selectFrom('completions')
		.innerJoin('people', 'people.id', 'completions.person_id')
		.select([
			'completions.id',
			'completions.person_id',
			'completions.module_slug',
			'completions.module_version',
			'completions.completed_at',
			'completions.verification_code',
			'completions.locale',
			'people.name',
			'people.time_zone'
		])
		.where('completions.verification_code', '=', code)
		.executeTakeFirst();
}

export async function reflectionsOf(database: Db, personId: string, moduleSlug: string) {
	return database
		.selectFrom('reflections')
		.selectAll()
		.where('person_id', '=', personId)
		.where('module_slug', '=', moduleSlug)
		.execute();
}

export async function practiceOf(database: Db, personId: string, moduleSlug?: string) {
	let query = database.selectFrom('practice_logs').selectAll().where('person_id', '=', personId);
	if (moduleSlug) query = query.where('module_slug', '=', moduleSlug);
	return query.orderBy('done_at', 'desc').execute();
}

/** Active assignments that reach a person: to them directly, or to the team they are in now. */
export async function assignmentsFor(database: Db, personId: string, teamId: string | null): Promise<Assignment[]> {
	return database
		.selectFrom('assignments')
		.selectAll()
		.where('cancelled_at', 'is', null)
		.where((eb) =>
			teamId ? eb.or([eb('person_id', '=', personId), eb('team_id', '=', teamId)]) : eb('person_id', '=', personId)
		)
		.orderBy('due_on')
		.execute();
}

/** An assignment that has not been withdrawn. */
export async function getActiveAssignment(database: Db, id: string): Promise<Assignment | undefined> {
	return database
		.selectFrom('assignments')
		.selectAll()
		.where('id', '=', id)
		.where('cancelled_at', 'is', null)
		.executeTakeFirst();
}

export async function insertAssignments(
	database: Db,
	assignments: readonly Insertable<AssignmentTable>[]
): Promise<void> {
	await database.insertInto('assignments').values(assignments).execute();
}

/** Assignments of one module or path, not withdrawn, that name any of these people or teams. */
export async function openAssignmentsOf(
	database: Db,
	kind: Assignment['item_kind'],
	slug: string,
	targets: { personIds: readonly string[]; teamIds: readonly string[] }
): Promise<Assignment[]> {
	if (targets.personIds.length === 0 && targets.teamIds.length === 0) return [];
	return database
		.selectFrom('assignments')
		.selectAll()
		.where('cancelled_at', 'is', null)
		.where('item_kind', '=', kind)
		.where('item_slug', '=', slug)
		.where((eb) =>
			eb.or([
				...(targets.personIds.length ? [eb('person_id', 'in', targets.personIds)] : []),
				...(targets.teamIds.length ? [eb('team_id', 'in', targets.teamIds)] : [])
			])
		)
		.orderBy('created_at')
		.execute();
}

export async function rescheduleAssignment(database: Db, id: string, dueOn: string): Promise<void> {
	await database.updateTable('assignments').set({ due_on: dueOn }).where('id', '=', id).execute();
}

export async function withdrawAssignment(database: Db, id: string, at: string): Promise<void> {
	await database.updateTable('assignments').set({ cancelled_at: at }).where('id', '=', id).execute();
}

/** Active assignments for any of these people or teams (for team progress). */
export async function assignmentsForGroup(
	database: Db,
	personIds: readonly string[],
	teamIds: readonly string[]
): Promise<Assignment[]> {
	if (personIds.length === 0 && teamIds.length === 0) return [];
	return database
		.selectFrom('assignments')
		.selectAll()
		.where('cancelled_at', 'is', null)
		.where((eb) => {
			const parts = [];
			if (personIds.length) parts.push(eb('person_id', 'in', personIds));
			if (teamIds.length) parts.push(eb('team_id', 'in', teamIds));
			return eb.or(parts);
		})
		.orderBy('due_on')
		.execute();
}

export async function activeMembers(
	database: Db,
	teamIds: readonly string[]
): Promise<{ id: string; name: string; team_id: string | null; time_zone: string }[]> {
	if (teamIds.length === 0) return [];
	return database
		.selectFrom('people')
		.select(['id', 'name', 'team_id', 'time_zone'])
		.where('team_id', 'in', teamIds)
		.where('active', '=', 1)
		.orderBy('name')
		.execute();
}

/** Reflections a learner chose to share with their manager, newest first. */
export async function reflectionsSharedWithManager(database: Db, personId: string) {
	return database
		.selectFrom('reflections')
		.select(['module_slug', 'prompt_id', 'body', 'updated_at'])
		.where('person_id', '=', personId)
		.where('share_with_manager', '=', 1)
		.orderBy('updated_at', 'desc')
		.limit(50)
		.execute();
}
