import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseContent } from '../../src/lib/server/learning/content';
import { myLearning } from '../../src/lib/server/learning/my-learning';
import { completionByCode } from '../../src/lib/server/learning/queries';
import { completeLesson, submitCheck, visitLesson } from '../../src/lib/server/learning/service';
import { assignLearning, cancelAssignment, teamMatrix } from '../../src/lib/server/learning/team';
import { exportTeamLearning } from '../../src/lib/server/learning/team-export';
import { addGrant, addPerson, addTeam, addUnit, openTempDb, T0, type TempDb, actorFor } from './temp-db';
import { load as loadCheckPage } from '../../src/routes/(app)/learn/[module]/check/+page.server';

let temp: TempDb;
const mod = courseContent().modules[0]!;
const allRight = Object.fromEntries(
	mod.check.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)])
);
const allWrong = Object.fromEntries(mod.check.questions.map((q) => [q.id, [q.options.find((o) => !o.correct)!.id]]));

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

	it('refuses teams the manager does not manage, people outside the team and past dates', async () => {
		expect(await assignLearning(temp.db, await actor(), input({ team_id: 't-hr' }), T0)).toEqual({
			ok: false,
			errors: { team_id: 'Choose one of your teams' }
		});
		const outsider = await assignLearning(
			temp.db,
			await actor(),
			input({ target: 'people', person_ids: ['ann', 'hal'] }),
			T0
		);
		expect(outsider.ok).toBe(false);
		expect(await assignLearning(temp.db, await actor(), input({ due_on: '2026-11-01' }), T0)).toEqual({
			ok: false,
			errors: { due_on: 'Choose today or a later date' }
		});
	});
});

describe('knowledge check', () => {
	it('sends questions without the answer key before submission', async () => {
		const data = await loadCheckPage({
			locals: { user: { id: 'ann' }, actor: await actorFor(temp.db, 'ann'), session: null },
			params: { module: mod.slug }
		} as unknown as Parameters<typeof loadCheckPage>[0]);
		const json = JSON.stringify(data);
		expect(json).not.toContain('"correct"');
		expect(json).not.toContain('feedback');
		for (const q of mod.check.questions) for (const o of q.options) expect(json).not.toContain(o.feedback);
		expect(json).toContain(mod.check.questions[0]!.prompt);
	});

	it('stores every attempt, and completes the module only with every lesson done and a pass', async () => {
		const failed = await submitCheck(temp.db, await actorFor(temp.db, 'ann'), mod, allWrong, T0);
		expect(failed.grade.passed).toBe(false);
		expect(failed.completion).toBeUndefined();

		const passedEarly = await submitCheck(temp.db, await actorFor(temp.db, 'ann'), mod, allRight, T0);
		expect(passedEarly.grade.score).toBe(100);
		expect(passedEarly.completion).toBeUndefined();

		const attempts = await temp.db
			.selectFrom('check_attempts')
			.select(['score', 'passed', 'module_version'])
			.where('person_id', '=', 'ann')
			.orderBy('submitted_at')
			.execute();
		expect(attempts).toHaveLength(2);
		expect(attempts.map((a) => a.passed)).toEqual([0, 1]);
		expect(attempts[1]!.module_version).toBe(mod.version);

		let last;
		for (const lesson of mod.lessons)
			last = await completeLesson(temp.db, await actorFor(temp.db, 'ann'), mod, lesson.slug, T0);
		expect(last!.completion).toMatchObject({ module_slug: mod.slug, module_version: mod.version });
		const verified = await completionByCode(temp.db, last!.completion!.verification_code);
		expect(verified?.name).toBe('Ann Early');
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
