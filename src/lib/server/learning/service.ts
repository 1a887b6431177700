import { asLocale } from '../../i18n/locales';
import { groupBy } from '../../group';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import type { Actor } from '../auth/actor';
import type { Db } from '../db';
import { reflectionLengthProblems } from '../../learning/schemas';
import { rejected, type ServiceResult } from '../service-result';
import { newId } from '../db/ids';
import { notify } from '../notifications/notify';
import { parseForm } from '../forms';
import type { Assignment, Completion } from '../db/schema';
import { courseContent, findModule, findPath, type ModuleEntry } from './content';
import { learningRecordsOf } from './records';
import {
	deleteReflection,
	findCompletion,
	completionByCode,
	hasPassedCheck,
	attemptOf,
	closeDraw,
	insertCheckAttempt,
	lastAttemptQuestions,
	openDrawOf,
	replaceDraw,
	insertCompletion,
	insertLessonCompletion,
	lessonsDone,
	listAttempts,
	practiceOf,
	reflectionsOf,
	savePractice,
	saveReflection,
	touchModuleProgress
} from './queries';
import {
	answersSchema,
	calendarDate,
	drawnQuestions,
	drawQuestions,
	dueStatus,
	gradeCheck,
	isEarlierMajor,
	isModuleComplete,
	learnerStatus,
	parseVersion,
	pathProgress,
	unanswered,
	type Answers,
	type DrawnQuestion,
	type DueStatus,
	type Grade,
	type LearnerStatus,
	type Random
} from './rules';
import type { Question } from '../../learning/schemas';

/** A short code printed on certificates: ten characters from 50 random bits, grouped for reading. */
function verificationCode(): string {
	const bytes = new Uint8Array(7);
	crypto.getRandomValues(bytes);
	const raw = encodeBase32UpperCaseNoPadding(bytes).slice(0, 10);
	return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

const majorOf = (version: string) => String(parseVersion(version)[0]);

/**
 * Records a completion when the module's conditions are met: every lesson done and a passed
 * check at the current major version. Idempotent per module version.
 */
async function settleCompletion(
	database: Db,
	personId: string,
	mod: ModuleEntry,
	now: Date
): Promise<Completion | undefined> {
	const existing = await findCompletion(database, personId, mod.slug, mod.version);
	if (existing) return existing;
	const [done, passed] = await Promise.all([
		lessonsDone(database, personId, mod.slug),
		hasPassedCheck(database, personId, mod.slug, majorOf(mod.version))
	]);
	if (
		!isModuleComplete(
			mod.lessons.map((l) => l.slug),
			done,
			passed
		)
	)
		return undefined;
	const completion: Completion = {
		id: newId(),
		person_id: personId,
		module_slug: mod.slug,
		module_version: mod.version,
		completed_at: now.toISOString(),
		verification_code: verificationCode(),
		// The certificate speaks the language the learner read the module in.
		locale: mod.locale
	};
	await insertCompletion(database, completion);
	await notify(
		database,
		[
			{
				to: personId,
				kind: 'learning.completed',
				subject: { type: 'completion', id: completion.id },
				href: `/learn/${mod.slug}/certificate`,
				params: { module: mod.slug, code: completion.verification_code }
			}
		],
		now
	);
	return completion;
}

export async function visitLesson(
	database: Db,
	learner: Actor,
	mod: ModuleEntry,
	lessonSlug: string,
	now: Date
): Promise<void> {
	const personId = learner.id;
	await touchModuleProgress(database, personId, mod.slug, lessonSlug, now);
}

export async function completeLesson(
	database: Db,
	learner: Actor,
	mod: ModuleEntry,
	lessonSlug: string,
	now: Date
): Promise<{ completion: Completion | undefined }> {
	const personId = learner.id;
	return database.transaction().execute(async (trx) => {
		await touchModuleProgress(trx, personId, mod.slug, lessonSlug, now);
		await insertLessonCompletion(trx, personId, mod.slug, lessonSlug, now);
		return { completion: await settleCompletion(trx, personId, mod, now) };
	});
}

/** What a learner sees of a drawn check: the questions and options in their order, no key. */
export interface CheckSheet {
	drawId: string;
	questions: { id: string; kind: 'single' | 'multiple'; prompt: string; options: { id: string; text: string }[] }[];
}

function sheetOf(drawId: string, questions: readonly Question[]): CheckSheet {
	return {
		drawId,
		questions: questions.map((q) => ({
			id: q.id,
			kind: q.kind,
			prompt: q.prompt,
			options: q.options.map((o) => ({ id: o.id, text: o.text }))
		}))
	};
}

const parseDraw = (json: string | null): DrawnQuestion[] | null =>
	json ? (JSON.parse(json) as DrawnQuestion[]) : null;

/**
 * The learner's open check for a module: the one drawn earlier if it still fits the content, or a
 * new draw that avoids the questions of their last attempt where the pool allows.
 */
export async function openCheck(
	database: Db,
	learner: Actor,
	mod: ModuleEntry,
	now: Date,
	random: Random = Math.random
): Promise<CheckSheet> {
	const open = await openDrawOf(database, learner.id, mod.slug);
	const openQuestions =
		open?.module_version === mod.version ? drawnQuestions(mod.check, parseDraw(open.questions)!) : null;
	if (open && openQuestions) return sheetOf(open.id, openQuestions);
	const last = parseDraw(await lastAttemptQuestions(database, learner.id, mod.slug)) ?? [];
	const draw = drawQuestions(
		mod.check,
		mod.objectives.map((o) => o.id),
		new Set(last.map((q) => q.id)),
		random
	);
	const stored = await replaceDraw(
		database,
		{
			id: newId(),
			person_id: learner.id,
			module_slug: mod.slug,
			module_version: mod.version,
			questions: JSON.stringify(draw),
			drawn_at: now.toISOString()
		},
		open?.id ?? null
	);
	return sheetOf(stored.id, drawnQuestions(mod.check, parseDraw(stored.questions)!)!);
}

export type CheckSubmission =
	| { outcome: 'graded'; grade: Grade; answers: Answers; completion: Completion | undefined; sheet: CheckSheet }
	| { outcome: 'unanswered'; missing: string[]; answers: Answers; sheet: CheckSheet }
	/** The draw was submitted already, or the module changed since it was drawn. */
	| { outcome: 'stale' };

/**
 * Grades a submission of the learner's open draw on the server, stores the attempt with the
 * questions as shown, and completes the module if it can. A draw is graded once.
 */
export async function submitCheck(
	database: Db,
	learner: Actor,
	mod: ModuleEntry,
	drawId: string,
	form: FormData,
	now: Date
): Promise<CheckSubmission> {
	const personId = learner.id;
	return database.transaction().execute(async (trx) => {
		const open = await openDrawOf(trx, personId, mod.slug);
		if (!open || open.id !== drawId || open.module_version !== mod.version) return { outcome: 'stale' };
		const questions = drawnQuestions(mod.check, parseDraw(open.questions)!);
		if (!questions) return { outcome: 'stale' };
		const parsed = parseForm(answersSchema(questions), form);
		// Every field is a list that tolerates anything, so the form always parses.
		const answers: Answers = parsed.ok ? parsed.data : {};
		const sheet = sheetOf(open.id, questions);
		const missing = unanswered(questions, answers);
		if (missing.length) return { outcome: 'unanswered', missing, answers, sheet };
		if (!(await closeDraw(trx, open.id, personId))) return { outcome: 'stale' };
		const grade = gradeCheck(questions, answers);
		await insertCheckAttempt(trx, {
			id: newId(),
			person_id: personId,
			module_slug: mod.slug,
			module_version: mod.version,
			answers: JSON.stringify(answers),
			score: grade.score,
			passed: grade.passed ? 1 : 0,
			submitted_at: now.toISOString(),
			questions: open.questions
		});
		return { outcome: 'graded', grade, answers, sheet, completion: await settleCompletion(trx, personId, mod, now) };
	});
}

/**
 * One of the learner's attempts as they saw it, graded, for its review; undefined when it is not
 * theirs, predates drawing (no stored set) or its questions have since left the pool.
 */
export async function attemptReview(database: Db, learner: Actor, mod: ModuleEntry, attemptId: string) {
	const attempt = await attemptOf(database, learner.id, mod.slug, attemptId);
	const draw = parseDraw(attempt?.questions ?? null);
	const questions = draw ? drawnQuestions(mod.check, draw) : null;
	if (!attempt || !questions) return undefined;
	return {
		submittedAt: attempt.submitted_at,
		version: attempt.module_version,
		grade: gradeCheck(questions, JSON.parse(attempt.answers) as Answers)
	};
}

export interface ModuleState {
	status: LearnerStatus;
	lessonsDone: number;
	lessonCount: number;
	lastLesson: string | null;
	/** The newest completion, current or earlier version. */
	completion: Completion | null;
}

/** A module's lessons as its pages list them, each with whether this learner has done it. */
export async function lessonOutline(database: Db, personId: string, mod: ModuleEntry) {
	const done = await lessonsDone(database, personId, mod.slug);
	return mod.lessons.map((l) => ({
		slug: l.slug,
		number: l.number,
		title: l.title,
		minutes: l.minutes,
		done: done.has(l.slug)
	}));
}

/** Every module's state for one learner. */
export async function moduleStates(database: Db, personId: string): Promise<Map<string, ModuleState>> {
	return (await moduleStatesFor(database, [personId])).get(personId) ?? new Map();
}

/**
 * Every module's state for many learners at once, from their kept learning records: one query
 * however many people, three more for any whose records changed since they were kept.
 */
export async function moduleStatesFor(
	database: Db,
	personIds: readonly string[]
): Promise<Map<string, Map<string, ModuleState>>> {
	const records = await learningRecordsOf(database, personIds);
	const result = new Map<string, Map<string, ModuleState>>();
	for (const personId of personIds) {
		const mine = records.get(personId)!;
		const completionsOfModule = groupBy(mine.completions, (c) => c.module_slug);
		const progressOf = new Map(mine.progress.map((p) => [p.module_slug, p]));
		const lessonsDone = new Map(mine.lessons.map((l) => [l.module_slug, l.n]));
		const states = new Map<string, ModuleState>();
		for (const mod of courseContent().modules) {
			const done = completionsOfModule.get(mod.slug) ?? [];
			const progress = progressOf.get(mod.slug);
			const lessonCount = mod.lessons.length;
			const current = done.find((c) => !isEarlierMajor(c.module_version, mod.version));
			// Activity after the newest completion means the learner is working on the module again.
			const newest = done[0]?.completed_at ?? '';
			const started = progress !== undefined && progress.updated_at > newest;
			states.set(mod.slug, {
				status: learnerStatus({
					currentVersion: mod.version,
					completedVersions: done.map((c) => c.module_version),
					started
				}),
				lessonsDone: Math.min(lessonsDone.get(mod.slug) ?? 0, lessonCount),
				lessonCount,
				lastLesson: progress?.last_lesson_slug ?? null,
				completion: current ?? done[0] ?? null
			});
		}
		result.set(personId, states);
	}
	return result;
}

/** Whether a completion satisfies an assignment: refresh assignments need the current major. */
export function satisfies(state: ModuleState | undefined, refresh: boolean): boolean {
	if (!state) return false;
	return state.status === 'completed' || (!refresh && state.status === 'earlier_version');
}

export interface AssignmentView {
	id: string;
	kind: 'module' | 'path';
	slug: string;
	title: string;
	dueOn: string;
	message: string;
	status: DueStatus;
	progress: { done: number; total: number };
	href: string;
}

export function viewAssignment(a: Assignment, states: Map<string, ModuleState>, today: string): AssignmentView | null {
	if (a.item_kind === 'module') {
		const mod = findModule(a.item_slug);
		if (!mod) return null;
		const state = states.get(mod.slug);
		const done = satisfies(state, a.refresh === 1);
		return {
			id: a.id,
			kind: 'module',
			slug: mod.slug,
			title: mod.title,
			dueOn: a.due_on,
			message: a.message,
			status: dueStatus(a.due_on, today, done),
			progress: { done: done ? mod.lessons.length : (state?.lessonsDone ?? 0), total: mod.lessons.length },
			href: `/learn/${mod.slug}`
		};
	}
	const path = findPath(a.item_slug);
	if (!path) return null;
	const completed = new Set(path.modules.filter((slug) => satisfies(states.get(slug), a.refresh === 1)));
	const progress = pathProgress(path.modules, completed);
	return {
		id: a.id,
		kind: 'path',
		slug: path.slug,
		title: path.title,
		dueOn: a.due_on,
		message: a.message,
		status: dueStatus(a.due_on, today, progress.complete),
		progress: { done: progress.done, total: progress.total },
		href: `/learn/paths/${path.slug}`
	};
}

export { calendarDate };

export interface ReflectionInput {
	promptId: string;
	body: string;
	shareWithBuddy: boolean;
	shareWithManager: boolean;
}

/**
 * Saves all of a module's reflections at once; an emptied answer is removed. Nothing is saved while
 * any answer is over the limit, so the learner can shorten it without losing the others.
 */
export async function saveReflections(
	database: Db,
	learner: Actor,
	mod: ModuleEntry,
	entries: ReflectionInput[],
	now: Date
): Promise<ServiceResult<object>> {
	const personId = learner.id;
	const tooLong = reflectionLengthProblems(entries);
	if (Object.keys(tooLong).length) return rejected(tooLong);
	const at = now.toISOString();
	await database.transaction().execute(async (trx) => {
		for (const entry of entries) {
			if (!mod.reflections.some((r) => r.id === entry.promptId)) continue;
			if (!entry.body.trim()) {
				await deleteReflection(trx, personId, mod.slug, entry.promptId);
				continue;
			}
			await saveReflection(trx, {
				person_id: personId,
				module_slug: mod.slug,
				prompt_id: entry.promptId,
				body: entry.body,
				share_with_buddy: entry.shareWithBuddy ? 1 : 0,
				share_with_manager: entry.shareWithManager ? 1 : 0,
				created_at: at,
				updated_at: at
			});
		}
	});
	return { ok: true };
}

export async function recordPractice(
	database: Db,
	learner: Actor,
	mod: ModuleEntry,
	note: string,
	now: Date
): Promise<void> {
	const personId = learner.id;
	await savePractice(database, personId, mod.slug, note, now.toISOString());
}

export { lessonsDone };

/** A learner's standing in one module, for its overview page. */
export async function moduleProgress(database: Db, personId: string, mod: ModuleEntry) {
	const [attempts, reflections, practice] = await Promise.all([
		listAttempts(database, personId, mod.slug),
		reflectionsOf(database, personId, mod.slug),
		practiceOf(database, personId, mod.slug)
	]);
	return {
		bestScore: attempts.reduce((best, a) => Math.max(best, a.score), -1),
		// A pass counts for the current major version only, as completion does.
		passedCheck: attempts.some((a) => a.passed === 1 && majorOf(a.module_version) === majorOf(mod.version)),
		attemptCount: attempts.length,
		// Newest first; those with a stored set of questions can be reviewed as they were shown.
		attempts: attempts.map((a) => ({
			id: a.id,
			score: a.score,
			passed: a.passed === 1,
			submittedAt: a.submitted_at,
			version: a.module_version,
			reviewable: a.questions !== null && a.module_version === mod.version
		})),
		reflectionCount: reflections.filter((r) => r.body.trim()).length,
		practiceDone: practice[0] ?? null
	};
}

/** The learner's answers to a module's reflection prompts, and their practice note. */
export async function moduleReflections(database: Db, personId: string, mod: ModuleEntry) {
	const [saved, practice] = await Promise.all([
		reflectionsOf(database, personId, mod.slug),
		practiceOf(database, personId, mod.slug)
	]);
	return {
		prompts: mod.reflections.map((p) => {
			const r = saved.find((s) => s.prompt_id === p.id);
			return {
				id: p.id,
				prompt: p.prompt,
				body: r?.body ?? '',
				shareWithBuddy: r?.share_with_buddy === 1,
				shareWithManager: r?.share_with_manager === 1
			};
		}),
		practiceDone: practice[0] ?? null
	};
}

/** What the public verification page may confirm of a certificate: name, module, version and day. */
export async function verifyCertificate(database: Db, rawCode: string) {
	const code = rawCode.trim().toUpperCase();
	const found = /^[A-Z2-7]{5}-[A-Z2-7]{5}$/.test(code) ? await completionByCode(database, code) : undefined;
	return {
		code,
		certificate: found
			? {
					name: found.name,
					// In the language the certificate was earned in, whoever checks it.
					module: findModule(found.module_slug, asLocale(found.locale))?.title ?? found.module_slug,
					locale: found.locale,
					version: found.module_version,
					completedOn: found.completed_at.slice(0, 10)
				}
			: null
	};
}

/** Every practice activity a person has done, newest first, with the module it belongs to. */
export async function practiceLog(database: Db, personId: string) {
	return (await practiceOf(database, personId)).map((p) => {
		const mod = findModule(p.module_slug);
		return {
			module: p.module_slug,
			title: mod?.practice.title ?? p.module_slug,
			moduleTitle: mod?.title ?? p.module_slug,
			note: p.note,
			doneAt: p.done_at
		};
	});
}
