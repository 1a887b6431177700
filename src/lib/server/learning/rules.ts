/**
 * The pure rules of learning: grading, completion, versions, due dates and path progress.
 * No database and no clock: callers pass what they know and `today`.
 */
import { dateTimeFormat } from '../../intl';
import { z } from 'zod';
import type { KnowledgeCheck, Question } from '../../learning/schemas';

/** Chosen option ids per question id, as submitted. */
export type Answers = Record<string, string[]>;

export interface OptionResult {
	id: string;
	text: string;
	correct: boolean;
	chosen: boolean;
	feedback: string;
}

export interface QuestionResult {
	id: string;
	prompt: string;
	kind: 'single' | 'multiple';
	/** 0..1: full, partial or no credit. */
	credit: number;
	options: OptionResult[];
}

export interface Grade {
	score: number;
	passed: boolean;
	passMark: number;
	results: QuestionResult[];
}

/** The library's pass mark, the same for every module. */
export const PASS_MARK = 80;
/** Questions drawn for one attempt from a module's pool. */
export const QUESTIONS_PER_ATTEMPT = 8;

/** One drawn question: its id and its option ids in the order the learner sees them. */
export interface DrawnQuestion {
	id: string;
	options: string[];
}

/** A number in [0, 1), like Math.random: injected so tests can draw reproducibly. */
export type Random = () => number;

function shuffled<T>(items: readonly T[], random: Random): T[] {
	const list = [...items];
	for (let i = list.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[list[i], list[j]] = [list[j]!, list[i]!];
	}
	return list;
}

/**
 * Draws an attempt: one question for each objective first (so every objective is tested), then the
 * rest of the `count` from the pool, preferring questions the learner did not see last time
 * (`avoid`); the questions and each question's options are shuffled.
 */
export function drawQuestions(
	check: KnowledgeCheck,
	objectives: readonly string[],
	avoid: ReadonlySet<string>,
	random: Random,
	count = QUESTIONS_PER_ATTEMPT
): DrawnQuestion[] {
	const chosen: Question[] = [];
	const pickFrom = (candidates: readonly Question[]) => {
		const fresh = candidates.filter((q) => !avoid.has(q.id));
		const from = fresh.length > 0 ? fresh : candidates;
		chosen.push(from[Math.floor(random() * from.length)]!);
	};
	const open = () => check.questions.filter((q) => !chosen.includes(q));
	for (const objective of shuffled(objectives, random)) {
		if (chosen.length >= count) break;
		const candidates = open().filter((q) => q.objective === objective);
		if (candidates.length > 0) pickFrom(candidates);
	}
	while (chosen.length < Math.min(count, check.questions.length)) pickFrom(open());
	return shuffled(chosen, random).map((q) => ({
		id: q.id,
		options: shuffled(
			q.options.map((o) => o.id),
			random
		)
	}));
}

/** Every question in file order, options as written: what attempts before drawing showed. */
export function wholePool(check: KnowledgeCheck): DrawnQuestion[] {
	return check.questions.map((q) => ({ id: q.id, options: q.options.map((o) => o.id) }));
}

/**
 * The drawn questions as they stand in the pool now, or null when the pool no longer has one of
 * them (or one of its options): the draw belongs to content that has since changed.
 */
export function drawnQuestions(check: KnowledgeCheck, draw: readonly DrawnQuestion[]): Question[] | null {
	const found: Question[] = [];
	for (const drawn of draw) {
		const q = check.questions.find((c) => c.id === drawn.id);
		if (!q || q.options.length !== drawn.options.length) return null;
		const options = drawn.options.map((id) => q.options.find((o) => o.id === id));
		if (options.some((o) => o === undefined)) return null;
		found.push({ ...q, options: options as Question['options'] });
	}
	return found;
}

/**
 * Single choice: full credit for the correct option, none otherwise. Multiple choice: each right
 * option chosen earns a share, each wrong option chosen takes one back, never below zero, so
 * ticking everything is not a strategy. Results follow the order the questions were shown in.
 */
export function gradeCheck(questions: readonly Question[], answers: Answers): Grade {
	const results = questions.map((q): QuestionResult => {
		const chosen = new Set(answers[q.id] ?? []);
		const correctIds = q.options.filter((o) => o.correct).map((o) => o.id);
		let credit: number;
		if (q.kind === 'single') {
			credit = chosen.size === 1 && correctIds.includes([...chosen][0]!) ? 1 : 0;
		} else {
			const right = correctIds.filter((id) => chosen.has(id)).length;
			const wrong = [...chosen].filter((id) => q.options.some((o) => o.id === id && !o.correct)).length;
			credit = Math.max(0, (right - wrong) / correctIds.length);
		}
		return {
			id: q.id,
			prompt: q.prompt,
			kind: q.kind,
			credit,
			options: q.options.map((o) => ({
				id: o.id,
				text: o.text,
				correct: o.correct,
				chosen: chosen.has(o.id),
				feedback: o.feedback
			}))
		};
	});
	const total = results.reduce((sum, r) => sum + r.credit, 0);
	const score = Math.round((100 * total) / Math.max(1, results.length));
	return { score, passed: score >= PASS_MARK, passMark: PASS_MARK, results };
}

/**
 * A submitted check as a form: each question's field holds the chosen option ids. Ids that are not
 * the question's options are dropped, repeats count once, and a single-answer question keeps one.
 */
export function answersSchema(questions: readonly Question[]) {
	return z.object(
		Object.fromEntries(
			questions.map((q) => {
				const valid = new Set(q.options.map((o) => o.id));
				return [
					q.id,
					z.array(z.string()).transform((chosen) => {
						const picked = [...new Set(chosen.filter((id) => valid.has(id)))];
						return q.kind === 'single' ? picked.slice(0, 1) : picked;
					})
				];
			})
		)
	);
}

/** Questions the learner left unanswered (the form asks them to answer everything). */
export function unanswered(questions: readonly Question[], answers: Answers): string[] {
	return questions.filter((q) => (answers[q.id] ?? []).length === 0).map((q) => q.id);
}

/** A module is complete when every lesson is done and the knowledge check is passed. */
export function isModuleComplete(
	lessonSlugs: readonly string[],
	lessonsDone: ReadonlySet<string>,
	checkPassed: boolean
): boolean {
	return checkPassed && lessonSlugs.every((slug) => lessonsDone.has(slug));
}

export function parseVersion(version: string): [number, number, number] {
	const [major = 0, minor = 0, patch = 0] = version.split('.').map((n) => Number.parseInt(n, 10) || 0);
	return [major, minor, patch];
}

/** Negative when a is older than b, zero when equal, positive when newer. */
export function compareVersions(a: string, b: string): number {
	const va = parseVersion(a);
	const vb = parseVersion(b);
	for (let i = 0; i < 3; i++) if (va[i] !== vb[i]) return va[i]! - vb[i]!;
	return 0;
}

/** A completion of an earlier major version no longer counts as current. */
export function isEarlierMajor(completedVersion: string, currentVersion: string): boolean {
	return parseVersion(completedVersion)[0] < parseVersion(currentVersion)[0];
}

export type LearnerStatus = 'not_started' | 'in_progress' | 'completed' | 'earlier_version';

export function learnerStatus(input: {
	currentVersion: string;
	/** Versions this learner completed, any order. */
	completedVersions: readonly string[];
	started: boolean;
}): LearnerStatus {
	if (input.completedVersions.some((v) => !isEarlierMajor(v, input.currentVersion))) return 'completed';
	if (input.started) return 'in_progress';
	if (input.completedVersions.length > 0) return 'earlier_version';
	return 'not_started';
}

export type DueStatus = 'completed' | 'overdue' | 'due_soon' | 'upcoming';

export const DUE_SOON_DAYS = 7;

/** Days from `today` to `dueOn`, both calendar dates (YYYY-MM-DD). */
export function daysUntil(dueOn: string, today: string): number {
	return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export function dueStatus(dueOn: string, today: string, completed: boolean): DueStatus {
	if (completed) return 'completed';
	const days = daysUntil(dueOn, today);
	if (days < 0) return 'overdue';
	if (days <= DUE_SOON_DAYS) return 'due_soon';
	return 'upcoming';
}

/** Today's date in a time zone, as YYYY-MM-DD. */
export function calendarDate(now: Date, timeZone: string): string {
	try {
		return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
	} catch {
		return now.toISOString().slice(0, 10);
	}
}

export interface PathProgress {
	done: number;
	total: number;
	percent: number;
	complete: boolean;
	/** The first module not yet done, to continue with. */
	next: string | null;
}

export function pathProgress(moduleSlugs: readonly string[], completed: ReadonlySet<string>): PathProgress {
	const done = moduleSlugs.filter((s) => completed.has(s)).length;
	const total = moduleSlugs.length;
	return {
		done,
		total,
		percent: total === 0 ? 0 : Math.round((100 * done) / total),
		complete: total > 0 && done === total,
		next: moduleSlugs.find((s) => !completed.has(s)) ?? null
	};
}
