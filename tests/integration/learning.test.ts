import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/lib/server/audit/log';
import { getLocale, overwriteGetLocale } from '../../src/lib/paraglide/runtime.js';
import { courseContent } from '../../src/lib/server/learning/content';
import { myLearning } from '../../src/lib/server/learning/my-learning';
import { completionByCode } from '../../src/lib/server/learning/queries';
import {
	attemptReview,
	completeLesson,
	openCheck,
	saveReflections,
	submitCheck,
	visitLesson,
	type CheckSheet,
	type CheckSubmission
} from '../../src/lib/server/learning/service';
import { QUESTIONS_PER_ATTEMPT } from '../../src/lib/server/learning/rules';
import { assignLearning, cancelAssignment, teamMatrix } from '../../src/lib/server/learning/team';
import { exportTeamLearning } from '../../src/lib/server/learning/team-export';
import { word, type Refusal } from '../../src/lib/server/service-result';
import { addGrant, addPerson, addTeam, addUnit, openTempDb, T0, type TempDb, actorFor } from './temp-db';

let temp: TempDb;
const mod = courseContent().modules[0]!;

beforeAll(async () => {
	temp = await openTempDb('learning');
	const company = await addUnit(temp.db, 'u-co', 'Company');
	await addTeam(temp.db, 't-ap', 'Accounts Payable', company.id);
	await addTeam(temp.db, 't-hr', 'HR Advisory', company.id);
	await addPerson(temp.db, { id: 'mgr', email: 'mgr@example.com', name: 'Mona Manager', team_id: 't-ap' });
	await addGrant(temp.db, 'mgr', 'manager', { team_id: 't-ap' });
	await addPerson(temp.db, { id: 'ann', email: 'ann@example.com', name: 'Ann Early', team_id: 't-ap' });
	await addPerson(temp.db, { id: 'hal', email: 'hal@example.com', name: 'Hal Elsewhere', team_id: 't-hr' });
});
afterAll(async () => {
	await temp.close();
});

const actor = () => actorFor(temp.db, 'mgr');
const input = (overrides: Record<string, unknown> = {}) => ({
	item: `module:${mod.slug}`,
	target: 'team' as const,
	team_id: 't-ap',
	due_on: '2026-12-15',
	message: 'Please finish before the holidays',
	refresh: undefined,
	person_ids: [] as string[],
	...overrides
});

describe('assignments', () => {
	it('reaches a person who joins the team after it was assigned', async () => {
		const result = await assignLearning(temp.db, await actor(), input(), T0);
		expect(result.ok && result.outcome.created).toEqual(['Accounts Payable']);

		await addPerson(temp.db, { id: 'neo', email: 'neo@example.com', name: 'Neo Newcomer', team_id: 't-ap' });
		const learning = await myLearning(temp.db, await actorFor(temp.db, 'neo'), { id: 't-ap', kind: 'back_office' }, T0);
		expect(learning.dueSoon.concat(learning.upcoming).map((a) => a.slug)).toContain(mod.slug);

		const matrix = await teamMatrix(temp.db, ['t-ap'], T0);
		const neo = matrix.rows.find((r) => r.id === 'neo')!;
		expect(neo.cells[mod.slug]!.due).toEqual({ on: '2026-12-15', status: 'upcoming' });
		expect(matrix.rows.find((r) => r.id === 'hal')).toBeUndefined();
	});

	it('never gives anyone a second open assignment of the same item', async () => {
		const other = courseContent().modules[1]!;
		const people = (ids: string[], due = '2026-12-20') =>
			input({ item: `module:${other.slug}`, target: 'people', person_ids: ids, due_on: due });
		const first = await assignLearning(temp.db, await actor(), people(['ann']), T0);
		expect(first.ok && first.outcome).toMatchObject({ created: ['Ann Early'], unchanged: [], rescheduled: [] });

		// The form kept Ann ticked and the manager added Mona herself: only Mona gets a new one.
		const again = await assignLearning(temp.db, await actor(), people(['ann', 'mgr']), T0);
		expect(again.ok && again.outcome).toMatchObject({
			created: ['Mona Manager'],
			unchanged: ['Ann Early'],
			rescheduled: []
		});

		// A new date moves the open assignment instead of adding one.
		const moved = await assignLearning(temp.db, await actor(), people(['ann'], '2027-01-10'), T0);
		expect(moved.ok && moved.outcome).toMatchObject({
			created: [],
			unchanged: [],
			rescheduled: [{ name: 'Ann Early', from: '2026-12-20' }]
		});

		const open = (await teamMatrix(temp.db, ['t-ap'], T0)).assignments.filter(
			(a) => a.item_slug === other.slug && a.person_id === 'ann'
		);
		expect(open.map((a) => a.due_on)).toEqual(['2027-01-10']);

		// The whole team twice is one team assignment too.
		const team = input({ item: `module:${other.slug}` });
		await assignLearning(temp.db, await actor(), team, T0);
		const twice = await assignLearning(temp.db, await actor(), team, T0);
		expect(twice.ok && twice.outcome).toMatchObject({ created: [], unchanged: ['Accounts Payable'] });
	});

	it('gives the same item again once the open one was withdrawn', async () => {
		const other = courseContent().modules[2]!;
		const ask = input({ item: `module:${other.slug}`, target: 'people', person_ids: ['ann'] });
		await assignLearning(temp.db, await actor(), ask, T0);
		const [open] = (await teamMatrix(temp.db, ['t-ap'], T0)).assignments.filter((a) => a.item_slug === other.slug);
		expect((await cancelAssignment(temp.db, await actor(), open!.id, T0)).ok).toBe(true);
		const again = await assignLearning(temp.db, await actor(), ask, T0);
		expect(again.ok && again.outcome.created).toEqual(['Ann Early']);
	});

	it('records what it did in the audit log, in English and worded for each reader', async () => {
		const other = courseContent().modules[3]!;
		const people = (ids: string[], due: string) =>
			input({ item: `module:${other.slug}`, target: 'people', person_ids: ids, due_on: due });
		const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
		await assignLearning(temp.db, await actor(), people(['ann'], '2026-12-20'), at(1));
		await assignLearning(temp.db, await actor(), people(['ann', 'mgr'], '2027-01-10'), at(2));
		await assignLearning(temp.db, await actor(), people(['ann', 'mgr'], '2027-02-01'), at(3));
		const [open] = (await teamMatrix(temp.db, ['t-ap'], T0)).assignments.filter(
			(a) => a.item_slug === other.slug && a.person_id === 'ann'
		);
		expect((await cancelAssignment(temp.db, await actor(), open!.id, at(4))).ok).toBe(true);

		const stored = await temp.db
			.selectFrom('audit_events')
			.select('summary')
			.where('action', 'in', ['assignment.created', 'assignment.cancelled'])
			.where('details', 'like', `%${other.slug}%`)
			.orderBy('at')
			.execute();
		const assigned = `Assigned ${other.title} in Accounts Payable`;
		expect(stored.map((r) => r.summary)).toEqual([
			`${assigned}, due 2026-12-20: new for Ann Early`,
			`${assigned}, due 2027-01-10: new for Mona Manager; due date moved for Ann Early`,
			`${assigned}, due 2027-02-01: due date moved for Ann Early and Mona Manager`,
			`Withdrew the assignment of ${other.slug} due 2027-02-01`
		]);

		const latest = async (action: 'assignment.created' | 'assignment.cancelled') =>
			(await listAuditEvents(temp.db, { action, limit: 1, offset: 0 })).rows[0]?.summary;
		const requestLocale = getLocale;
		try {
			overwriteGetLocale(() => 'nl');
			expect(await latest('assignment.created')).toBe(
				`${other.title} toegewezen binnen Accounts Payable, uiterlijk 2027-02-01: uiterste datum verschoven voor Ann Early en Mona Manager`
			);
			expect(await latest('assignment.cancelled')).toBe(
				`Toewijzing van ${other.slug} met uiterste datum 2027-02-01 ingetrokken`
			);
			overwriteGetLocale(() => 'zh-CN');
			expect(await latest('assignment.created')).toBe(
				`在“Accounts Payable”中指派了“${other.title}”，2027-02-01截止：Ann Early和Mona Manager的截止日期已调整`
			);
		} finally {
			overwriteGetLocale(requestLocale);
		}
	});

	it('refuses teams the manager does not manage, people outside the team and past dates', async () => {
		expect(await assignLearning(temp.db, await actor(), input({ team_id: 't-hr' }), T0)).toEqual({
			ok: false,
			errors: { team_id: { code: 'learn_assign_team_not_yours' } }
		});
		const outsider = await assignLearning(
			temp.db,
			await actor(),
			input({ target: 'people', person_ids: ['ann', 'hal'] }),
			T0
		);
		expect(outsider).toEqual({
			ok: false,
			errors: { person_ids: { code: 'learn_assign_people_not_in_team', params: { team: 'Accounts Payable' } } }
		});
		expect(!outsider.ok && word(outsider.errors.person_ids as Refusal)).toBe(
			'Choose one or more people from Accounts Payable'
		);
		const past = await assignLearning(temp.db, await actor(), input({ due_on: '2026-11-01' }), T0);
		expect(past).toEqual({ ok: false, errors: { due_on: { code: 'learn_assign_due_past' } } });
		expect(!past.ok && word(past.errors.due_on as Refusal)).toBe('Choose today or a later date');
	});
});

/** A submission of a drawn sheet: the right options of every question, or one wrong option each. */
function answersTo(sheet: CheckSheet, how: 'right' | 'wrong', leaveOut = 0): FormData {
	const form = new FormData();
	form.set('draw', sheet.drawId);
	for (const shown of sheet.questions.slice(leaveOut)) {
		const q = mod.check.questions.find((c) => c.id === shown.id)!;
		const picks = how === 'right' ? q.options.filter((o) => o.correct) : [q.options.find((o) => !o.correct)!];
		for (const o of picks) form.append(q.id, o.id);
	}
	return form;
}

const graded = (result: CheckSubmission) => {
	if (result.outcome !== 'graded') throw new Error(`expected a graded attempt, got ${result.outcome}`);
	return result;
};

describe('knowledge check', () => {
	it('draws the questions once per attempt and sends them without the answer key', async () => {
		// What the check page's load returns: the sheet of the open draw.
		const page = { sheet: await openCheck(temp.db, await actorFor(temp.db, 'ann'), mod, T0) };
		const json = JSON.stringify(page);
		expect(json).not.toContain('"correct"');
		expect(json).not.toContain('feedback');
		for (const q of mod.check.questions) for (const o of q.options) expect(json).not.toContain(o.feedback);
		expect(page.sheet.questions).toHaveLength(Math.min(QUESTIONS_PER_ATTEMPT, mod.check.questions.length));
		// Coming back to the page shows the same draw, in the same order.
		const again = await openCheck(temp.db, await actorFor(temp.db, 'ann'), mod, T0);
		expect(again).toEqual(page.sheet);
	});

	it('gives two requests that open the check at the same moment the same draw (two tabs, a double click)', async () => {
		await addPerson(temp.db, { id: 'bo', email: 'bo@example.com', name: 'Bo Twice', team_id: 't-hr' });
		const bo = await actorFor(temp.db, 'bo');
		// Different random streams: each request would draw its own questions if both stored one.
		const [one, two] = await Promise.all([
			openCheck(temp.db, bo, mod, T0, () => 0.1),
			openCheck(temp.db, bo, mod, T0, () => 0.9)
		]);
		expect(two).toEqual(one);
		const draws = await temp.db.selectFrom('check_draws').select('id').where('person_id', '=', 'bo').execute();
		expect(draws.map((d) => d.id)).toEqual([one.drawId]);
	});

	it('stores every attempt with the questions as shown, grades a draw once, and completes the module only with every lesson done and a pass', async () => {
		const ann = await actorFor(temp.db, 'ann');
		const first = await openCheck(temp.db, ann, mod, T0);
		const failed = graded(await submitCheck(temp.db, ann, mod, first.drawId, answersTo(first, 'wrong'), T0));
		expect(failed.grade.passed).toBe(false);
		expect(failed.grade.results.map((r) => r.id)).toEqual(first.questions.map((q) => q.id));
		expect(failed.completion).toBeUndefined();
		// The same answers again, to a draw already graded: refused, nothing stored.
		expect(await submitCheck(temp.db, ann, mod, first.drawId, answersTo(first, 'right'), T0)).toEqual({
			outcome: 'stale'
		});

		const second = await openCheck(temp.db, ann, mod, T0);
		expect(second.drawId).not.toBe(first.drawId);
		const passedEarly = graded(await submitCheck(temp.db, ann, mod, second.drawId, answersTo(second, 'right'), T0));
		expect(passedEarly.grade.score).toBe(100);
		expect(passedEarly.completion).toBeUndefined();

		const attempts = await temp.db
			.selectFrom('check_attempts')
			.select(['score', 'passed', 'module_version', 'questions'])
			.where('person_id', '=', 'ann')
			.orderBy('submitted_at')
			.orderBy('passed')
			.execute();
		expect(attempts.map((a) => a.passed)).toEqual([0, 1]);
		expect(attempts[1]!.module_version).toBe(mod.version);
		expect(JSON.parse(attempts[0]!.questions!).map((q: { id: string }) => q.id)).toEqual(
			first.questions.map((q) => q.id)
		);
		expect(JSON.parse(attempts[0]!.questions!)[0].options).toEqual(first.questions[0]!.options.map((o) => o.id));

		let last;
		for (const lesson of mod.lessons) last = await completeLesson(temp.db, ann, mod, lesson.slug, T0);
		expect(last!.completion).toMatchObject({ module_slug: mod.slug, module_version: mod.version });
		const verified = await completionByCode(temp.db, last!.completion!.verification_code);
		expect(verified?.name).toBe('Ann Early');
		// The completion comes with a notification pointing at the certificate.
		const told = await temp.db
			.selectFrom('notifications')
			.select(['kind', 'href'])
			.where('person_id', '=', 'ann')
			.where('kind', '=', 'learning.completed')
			.execute();
		expect(told).toEqual([{ kind: 'learning.completed', href: `/learn/${mod.slug}/certificate` }]);
	});

	it('keeps the draw open and stores nothing while a question is unanswered', async () => {
		const hal = await actorFor(temp.db, 'hal');
		const sheet = await openCheck(temp.db, hal, mod, T0);
		const result = await submitCheck(temp.db, hal, mod, sheet.drawId, answersTo(sheet, 'right', 1), T0);
		expect(result).toMatchObject({ outcome: 'unanswered', missing: [sheet.questions[0]!.id] });
		expect((await openCheck(temp.db, hal, mod, T0)).drawId).toBe(sheet.drawId);
		const stored = await temp.db.selectFrom('check_attempts').select('id').where('person_id', '=', 'hal').execute();
		expect(stored).toEqual([]);
	});

	it('draws afresh when the module has a new version, and refuses answers to the old draw', async () => {
		const hal = await actorFor(temp.db, 'hal');
		const old = await openCheck(temp.db, hal, mod, T0);
		const newer = { ...mod, version: '99.0.0' };
		expect(await submitCheck(temp.db, hal, newer, old.drawId, answersTo(old, 'right'), T0)).toEqual({
			outcome: 'stale'
		});
		expect((await openCheck(temp.db, hal, newer, T0)).drawId).not.toBe(old.drawId);
	});

	it('draws a retake from the questions the learner has not just seen', async () => {
		const pool = Array.from({ length: 14 }, (_, i) => ({
			id: `pool-${i}`,
			objective: mod.objectives[i % mod.objectives.length]!.id,
			kind: 'single' as const,
			prompt: `A situation numbered ${i}`,
			options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `Option ${id}`, correct: id === 'b', feedback: 'Why.' }))
		}));
		const big = { ...mod, slug: 'pool-module', check: { questions: pool } };
		const mgr = await actorFor(temp.db, 'mgr');
		const first = await openCheck(temp.db, mgr, big, T0);
		const form = new FormData();
		form.set('draw', first.drawId);
		for (const q of first.questions) form.append(q.id, 'a');
		graded(await submitCheck(temp.db, mgr, big, first.drawId, form, T0));
		const retake = await openCheck(temp.db, mgr, big, T0);
		const seen = new Set(first.questions.map((q) => q.id));
		// Six of the fourteen were not shown: all six come first, and only two repeat.
		expect(retake.questions.filter((q) => seen.has(q.id))).toHaveLength(2);
	});

	it('shows a learner their own attempt as they saw it, and nobody else’s', async () => {
		const ann = await actorFor(temp.db, 'ann');
		const later = new Date(T0.getTime() + 60_000);
		const sheet = await openCheck(temp.db, ann, mod, later);
		graded(await submitCheck(temp.db, ann, mod, sheet.drawId, answersTo(sheet, 'right'), later));
		const attempt = await temp.db
			.selectFrom('check_attempts')
			.select('id')
			.where('person_id', '=', 'ann')
			.where('submitted_at', '=', later.toISOString())
			.executeTakeFirstOrThrow();
		const mine = await attemptReview(temp.db, ann, mod, attempt.id);
		expect(mine?.grade.results.map((r) => r.options.map((o) => o.id))).toEqual(
			sheet.questions.map((q) => q.options.map((o) => o.id))
		);
		expect(mine?.grade.results.every((r) => r.credit === 1)).toBe(true);
		expect(await attemptReview(temp.db, await actorFor(temp.db, 'hal'), mod, attempt!.id)).toBeUndefined();
	});
});

describe('reflections', () => {
	it('saves nothing while an answer is over the limit, and says how long it is', async () => {
		const [first, second] = mod.reflections;
		const entries = [
			{ promptId: first!.id, body: 'x'.repeat(4001), shareWithBuddy: false, shareWithManager: false },
			{ promptId: second!.id, body: 'Short enough', shareWithBuddy: false, shareWithManager: false }
		];
		const result = await saveReflections(temp.db, await actorFor(temp.db, 'ann'), mod, entries, T0);
		expect(result).toEqual({
			ok: false,
			errors: { [first!.id]: { code: 'learn_reflection_too_long', params: { max: 4000, length: 4001 } } }
		});
		expect(!result.ok && word(result.errors[first!.id]!)).toBe('Keep this under 4,000 characters; it is 4,001 now.');
	});
});

describe('remembering the lesson a learner is on', () => {
	const progress = () =>
		temp.db
			.selectFrom('module_progress')
			.select(['last_lesson_slug', 'updated_at'])
			.where('person_id', '=', 'hal')
			.where('module_slug', '=', mod.slug)
			.executeTakeFirstOrThrow();
	const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
	const [first, second] = mod.lessons;

	it('writes a new lesson at once, but a re-read of the same lesson only after a quiet minute', async () => {
		await visitLesson(temp.db, await actorFor(temp.db, 'hal'), mod, first!.slug, at(0));
		expect(await progress()).toEqual({ last_lesson_slug: first!.slug, updated_at: at(0).toISOString() });
		// A reload half a minute later is not news.
		await visitLesson(temp.db, await actorFor(temp.db, 'hal'), mod, first!.slug, at(30));
		expect((await progress()).updated_at).toBe(at(0).toISOString());
		// Moving on is, however soon.
		await visitLesson(temp.db, await actorFor(temp.db, 'hal'), mod, second!.slug, at(31));
		expect(await progress()).toEqual({ last_lesson_slug: second!.slug, updated_at: at(31).toISOString() });
		// And coming back after the quiet minute is activity again.
		await visitLesson(temp.db, await actorFor(temp.db, 'hal'), mod, second!.slug, at(31 + 61));
		expect((await progress()).updated_at).toBe(at(92).toISOString());
	});
});

describe('the team learning export', () => {
	it('gives a manager their team as CSV, one row per person and module, and audits it', async () => {
		const exported = await exportTeamLearning(temp.db, await actor(), 't-ap', T0);
		expect(exported?.teamName).toBe('Accounts Payable');
		const [header, ...rows] = exported!.csv.trim().split('\r\n');
		expect(header).toBe('person,team,module,status,lessons done,due on,due status');
		const modules = courseContent().modules.length;
		const people = new Set(rows.map((r) => r.split(',')[0]));
		expect(people.has('Ann Early')).toBe(true);
		expect(people.has('Hal Elsewhere')).toBe(false);
		expect(rows).toHaveLength(people.size * modules);
		const audit = await temp.db
			.selectFrom('audit_events')
			.select(['actor_id', 'object_id', 'summary'])
			.where('action', '=', 'learning.exported')
			.execute();
		expect(audit).toEqual([
			{ actor_id: 'mgr', object_id: 't-ap', summary: 'Exported learning progress for Accounts Payable' }
		]);
	});

	it('gives nothing, and audits nothing, for a team the manager does not follow', async () => {
		expect(await exportTeamLearning(temp.db, await actor(), 't-hr', T0)).toBeNull();
		expect(await exportTeamLearning(temp.db, await actor(), null, T0)).toBeNull();
		const audits = await temp.db
			.selectFrom('audit_events')
			.select('object_id')
			.where('action', '=', 'learning.exported')
			.execute();
		expect(audits.map((a) => a.object_id)).toEqual(['t-ap']);
	});
});
