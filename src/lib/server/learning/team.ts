import { groupBy } from '../../group';
import { z } from 'zod';
import { recordAudit, type AuditWording } from '../audit/log';
import type { Db } from '../db';
import { newId } from '../db/ids';
import type { Assignment } from '../db/schema';
import { listTeams, teamsInGrants } from '../org/directory';
import { contactsOf, placementOf } from '../people/directory';
import type { Scope } from '../people/rules';
import type { Actor } from '../auth/actor';
import { refuse, type ServiceResult } from '../service-result';
import { findModule, findPath, modulesIn } from './content';
import {
	activeMembers,
	assignmentsForGroup,
	getActiveAssignment,
	insertAssignments,
	openAssignmentsOf,
	rescheduleAssignment,
	withdrawAssignment
} from './queries';
import { calendarDate, dueStatus, type DueStatus } from './rules';
import { moduleStatesFor, satisfies, type ModuleState } from './service';
import { calendarDay } from '../../schemas/dates';
import { m } from '../../paraglide/messages';
import { notify, withdraw } from '../notifications/notify';

/** A team's active members, by name. */
export { activeMembers };

/** Teams a person can assign to and follow: those they manage (admins: every team). */
export async function manageableTeams(database: Db, scope: Scope) {
	return scope.isAdmin
		? listTeams(database)
		: teamsInGrants(database, { teamIds: scope.managedTeamIds, unitPaths: [] });
}

/** The modules an assignment asks for (a path asks for each of its modules). */
export function modulesOf(a: Pick<Assignment, 'item_kind' | 'item_slug'>): string[] {
	if (a.item_kind === 'module') return findModule(a.item_slug) ? [a.item_slug] : [];
	return findPath(a.item_slug)?.modules ?? [];
}

export interface MatrixCell {
	status: ModuleState['status'];
	lessons: string;
	/** Present when the module is assigned to this person. */
	due: { on: string; status: DueStatus } | null;
}

export interface MatrixRow {
	id: string;
	name: string;
	teamId: string | null;
	cells: Record<string, MatrixCell>;
	overdue: number;
}

/**
 * People by modules for the teams a manager follows. A cell shows the learner's state and, when
 * the module is assigned to them (directly or through their team), the earliest due date.
 */
export async function teamMatrix(database: Db, teamIds: readonly string[], now: Date) {
	const members = await activeMembers(database, teamIds);
	const ids = members.map((member) => member.id);
	const [assignments, states] = await Promise.all([
		assignmentsForGroup(database, ids, teamIds),
		moduleStatesFor(database, ids)
	]);
	const modules = modulesIn();
	// Assignments by whom they name (a person or a whole team), so each row reads only its own.
	const byTarget = groupBy(assignments, (a) => a.person_id ?? `team:${a.team_id}`);
	const rows: MatrixRow[] = members.map((person) => {
		const today = calendarDate(now, person.time_zone);
		const mine = [
			...(byTarget.get(person.id) ?? []),
			...(person.team_id === null ? [] : (byTarget.get(`team:${person.team_id}`) ?? []))
		];
		const personStates = states.get(person.id)!;
		const cells: Record<string, MatrixCell> = {};
		let overdue = 0;
		for (const mod of modules) {
			const state = personStates.get(mod.slug)!;
			const asks = mine.filter((a) => modulesOf(a).includes(mod.slug)).sort((a, b) => a.due_on.localeCompare(b.due_on));
			const first = asks[0];
			const due = first
				? { on: first.due_on, status: dueStatus(first.due_on, today, satisfies(state, first.refresh === 1)) }
				: null;
			if (due?.status === 'overdue') overdue++;
			cells[mod.slug] = { status: state.status, lessons: `${state.lessonsDone}/${state.lessonCount}`, due };
		}
		return { id: person.id, name: person.name, teamId: person.team_id, cells, overdue };
	});
	return {
		modules: modules.map((mod) => ({ slug: mod.slug, title: mod.title })),
		rows,
		assignments: assignments.filter((a) => a.team_id !== null || (a.person_id !== null && states.has(a.person_id)))
	};
}

/** Completion rates per team under the units a leader leads. */
export async function unitRollup(database: Db, scope: Scope, now: Date) {
	const teams = await teamsInGrants(database, { teamIds: [], unitPaths: scope.ledUnitPaths });
	const matrix = await teamMatrix(
		database,
		teams.map((t) => t.id),
		now
	);
	const rowsByTeam = groupBy(matrix.rows, (r) => r.teamId);
	return teams.map((team) => {
		const rows = rowsByTeam.get(team.id) ?? [];
		let assigned = 0;
		let done = 0;
		let overdue = 0;
		let completions = 0;
		for (const row of rows) {
			for (const cell of Object.values(row.cells)) {
				if (cell.status === 'completed') completions++;
				if (!cell.due) continue;
				assigned++;
				if (cell.due.status === 'completed') done++;
				if (cell.due.status === 'overdue') overdue++;
			}
		}
		return {
			id: team.id,
			name: team.name,
			unit: team.unit_name,
			people: rows.length,
			assigned,
			done,
			overdue,
			completions,
			rate: assigned === 0 ? null : Math.round((100 * done) / assigned)
		};
	});
}

const dueDay = calendarDay(
	() => m.learn_assign_due_required(),
	() => m.learn_assign_due_out_of_range()
);

export const assignmentSchema = z.object({
	item: z.string().regex(/^(module|path):[a-z0-9-]+$/, { error: () => m.learn_assign_item_required() }),
	target: z.enum(['team', 'people'], { error: () => m.learn_assign_target_required() }),
	team_id: z.string().trim(),
	due_on: dueDay,
	message: z
		.string()
		.trim()
		.max(500, { error: () => m.learn_assign_message_too_long({ max: 500 }) }),
	refresh: z.string().optional(),
	person_ids: z
		.array(z.string().max(64, { error: () => m.learn_assign_person_invalid() }))
		.max(500, { error: () => m.learn_assign_too_many_people({ max: 500 }) })
});

export type AssignmentInput = z.infer<typeof assignmentSchema>;

/** What an assignment did for each person (or the whole team) it named. */
export interface AssignmentOutcome {
	title: string;
	target: 'team' | 'people';
	dueOn: string;
	/** Names given it for the first time (the team's name for a whole-team assignment). */
	created: string[];
	/** Names that already had it open with this due date: nothing changed for them. */
	unchanged: string[];
	/** Names that already had it open with another due date, which is now this one. */
	rescheduled: { name: string; from: string }[];
}

/**
 * Gives a module or path to a whole team (reaching whoever joins later too) or to chosen people.
 * Managers assign only within the teams they manage. Someone who already has the same item open
 * (an assignment to them, or to the team, not withdrawn) never gets a second one: with the same due
 * date nothing changes, with another the open one moves to the new date.
 */
export async function assignLearning(
	database: Db,
	actor: Actor,
	input: AssignmentInput,
	now: Date
): Promise<ServiceResult<{ outcome: AssignmentOutcome }>> {
	const [kind, slug] = input.item.split(':') as ['module' | 'path', string];
	if (kind === 'module' ? !findModule(slug) : !findPath(slug)) return refuse('item', 'learn_assign_item_unknown');
	if (input.due_on < calendarDate(now, actor.timeZone)) return refuse('due_on', 'learn_assign_due_past');
	const teams = await manageableTeams(database, actor.scope);
	const team = teams.find((t) => t.id === input.team_id);
	if (!team) return refuse('team_id', 'learn_assign_team_not_yours');

	const members = await activeMembers(database, [team.id]);
	let chosen: { id: string; name: string }[] = [];
	if (input.target === 'people') {
		const asked = new Set(input.person_ids);
		chosen = members.filter((member) => asked.has(member.id));
		if (chosen.length === 0 || chosen.length !== asked.size) {
			return refuse('person_ids', 'learn_assign_people_not_in_team', { team: team.name });
		}
	}
	const title = kind === 'module' ? findModule(slug)!.title : findPath(slug)!.title;
	const targets =
		input.target === 'team'
			? [{ key: `team:${team.id}`, name: team.name, person_id: null, team_id: team.id }]
			: chosen.map((p) => ({ key: p.id, name: p.name, person_id: p.id, team_id: null }));

	const outcome: AssignmentOutcome = {
		title,
		target: input.target,
		dueOn: input.due_on,
		created: [],
		unchanged: [],
		rescheduled: []
	};
	await database.transaction().execute(async (trx) => {
		// Read inside the transaction, so two presses of Assign cannot both find nothing open.
		const open = new Map(
			(
				await openAssignmentsOf(trx, kind, slug, {
					personIds: targets.flatMap((t) => (t.person_id ? [t.person_id] : [])),
					teamIds: targets.flatMap((t) => (t.team_id ? [t.team_id] : []))
				})
			).map((a) => [a.person_id ?? `team:${a.team_id}`, a])
		);
		const rows = [];
		for (const target of targets) {
			const existing = open.get(target.key);
			if (!existing) {
				outcome.created.push(target.name);
				rows.push({
					id: newId(),
					item_kind: kind,
					item_slug: slug,
					person_id: target.person_id,
					team_id: target.team_id,
					due_on: input.due_on,
					message: input.message,
					refresh: input.refresh === 'on' ? 1 : 0,
					assigned_by: actor.id,
					created_at: now.toISOString(),
					cancelled_at: null
				});
			} else if (existing.due_on === input.due_on) {
				outcome.unchanged.push(target.name);
			} else {
				outcome.rescheduled.push({ name: target.name, from: existing.due_on });
				await rescheduleAssignment(trx, existing.id, input.due_on);
			}
		}
		if (rows.length > 0) await insertAssignments(trx, rows);
		if (rows.length === 0 && outcome.rescheduled.length === 0) return;
		// Whoever got something new hears of it: a team assignment reaches every current member.
		const [assigner] = await contactsOf(trx, [actor.id]);
		const href = kind === 'module' ? `/learn/${slug}` : `/learn/paths/${slug}`;
		await notify(
			trx,
			rows.flatMap((row) =>
				(row.person_id ? [row.person_id] : members.map((member) => member.id))
					.filter((person) => person !== actor.id)
					.map((person) => ({
						to: person,
						kind: 'learning.assigned' as const,
						subject: { type: 'assignment', id: row.id },
						href,
						params: { item: input.item, due: input.due_on, by: assigner?.name ?? '', note: input.message }
					}))
			),
			now
		);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'assignment.created',
			objectType: 'team',
			objectId: team.id,
			summary: assignedSummary(title, team.name, input.due_on, outcome),
			details: {
				item: input.item,
				due_on: input.due_on,
				target: input.target,
				people: rows.flatMap((r) => (r.person_id ? [r.person_id] : [])),
				rescheduled: outcome.rescheduled.length
			},
			ip: actor.ip,
			at: now
		});
	});
	return { ok: true, outcome };
}

/**
 * The audit summary of an assignment: who got it new and whose open one moved to the new date,
 * each as a list of names. The due date stays the ISO day it is stored as: the audit log passes
 * inputs on as recorded and has no way to format a date for the reader.
 */
function assignedSummary(
	title: string,
	team: string,
	due: string,
	outcome: Pick<AssignmentOutcome, 'created' | 'rescheduled'>
): AuditWording {
	const people = outcome.created;
	const moved = outcome.rescheduled.map((r) => r.name);
	if (people.length > 0 && moved.length > 0)
		return { code: 'learn_audit_assigned_new_moved', params: { title, team, due, people, moved } };
	if (people.length > 0) return { code: 'learn_audit_assigned_new', params: { title, team, due, people } };
	return { code: 'learn_audit_assigned_moved', params: { title, team, due, moved } };
}

export async function cancelAssignment(
	database: Db,
	actor: Actor,
	assignmentId: string,
	now: Date
): Promise<ServiceResult<object>> {
	const assignment = await getActiveAssignment(database, assignmentId);
	if (!assignment) return refuse('_form', 'learn_withdraw_already_withdrawn');
	const teams = await manageableTeams(database, actor.scope);
	let allowed = assignment.team_id !== null && teams.some((t) => t.id === assignment.team_id);
	if (assignment.person_id) {
		const person = await placementOf(database, assignment.person_id);
		allowed = person?.teamId != null && teams.some((t) => t.id === person.teamId);
	}
	if (!allowed) return refuse('_form', 'learn_withdraw_not_your_team');
	await database.transaction().execute(async (trx) => {
		await withdrawAssignment(trx, assignmentId, now.toISOString());
		// What it made obsolete leaves people's centres, and their emails not yet sent stay unsent.
		await withdraw(
			trx,
			{ type: 'assignment', id: assignmentId },
			['learning.assigned', 'learning.due_soon', 'learning.overdue', 'learning.member_overdue'],
			now
		);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'assignment.cancelled',
			objectType: 'team',
			objectId: assignment.team_id,
			summary: {
				code: 'learn_audit_assignment_withdrawn',
				params: { item: assignment.item_slug, due: assignment.due_on }
			},
			ip: actor.ip,
			at: now
		});
	});
	return { ok: true };
}
