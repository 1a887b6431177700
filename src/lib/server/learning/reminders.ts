import { groupBy } from '../../group';
import type { Db } from '../db';
import { teamManagers } from '../people/directory';
import { findModule, findPath } from './content';
import { completionsOf } from './queries';
import { isEarlierMajor } from './rules';

/**
 * What the reminder scheduler needs from learning: every open assignment due in a window, once per
 * person it reaches (a team assignment reaches its current members), with whether that person has
 * done it and who manages them. The scheduler decides which day's reminder falls when.
 */

export interface OpenLearning {
	assignmentId: string;
	personId: string;
	personName: string;
	/** `module:<slug>` or `path:<slug>`. */
	item: string;
	dueOn: string;
	/** The managers of the person's team, to hear when they fall well behind. */
	managerIds: string[];
}

async function openAssignmentsDueBetween(database: Db, from: string, to: string) {
	return database
		.selectFrom('assignments')
		.select(['id', 'item_kind', 'item_slug', 'person_id', 'team_id', 'due_on', 'refresh'])
		.where('cancelled_at', 'is', null)
		.where('due_on', '>=', from)
		.where('due_on', '<=', to)
		.execute();
}

async function peopleReached(database: Db, personIds: readonly string[], teamIds: readonly string[]) {
	if (personIds.length === 0 && teamIds.length === 0) return [];
	return database
		.selectFrom('people')
		.select(['id', 'name', 'team_id'])
		.where('active', '=', 1)
		.where((eb) =>
			eb.or([
				...(personIds.length ? [eb('id', 'in', personIds)] : []),
				...(teamIds.length ? [eb('team_id', 'in', teamIds)] : [])
			])
		)
		.execute();
}

/** The open learning due between two calendar dates that the person reached has not done. */
export async function openLearningDueBetween(database: Db, from: string, to: string): Promise<OpenLearning[]> {
	const assignments = await openAssignmentsDueBetween(database, from, to);
	if (assignments.length === 0) return [];
	const people = await peopleReached(
		database,
		[...new Set(assignments.flatMap((a) => (a.person_id ? [a.person_id] : [])))],
		[...new Set(assignments.flatMap((a) => (a.team_id ? [a.team_id] : [])))]
	);
	const byTeam = groupBy(people, (p) => p.team_id);
	const byId = new Map(people.map((p) => [p.id, p]));
	const [completions, managers] = await Promise.all([
		completionsOf(
			database,
			people.map((p) => p.id)
		),
		teamManagers(database, [...new Set(people.flatMap((p) => (p.team_id ? [p.team_id] : [])))])
	]);
	const completed = groupBy(completions, (c) => `${c.person_id}|${c.module_slug}`);
	const managersByTeam = groupBy(managers, (m) => m.teamId);

	// Done as the learner's own page counts it: completed at the current major version, or at any
	// version when the assignment does not ask for a refresh.
	const moduleDone = (personId: string, slug: string, refresh: boolean) => {
		const mod = findModule(slug);
		const mine = completed.get(`${personId}|${slug}`) ?? [];
		if (!mod || mine.length === 0) return false;
		return !refresh || mine.some((c) => !isEarlierMajor(c.module_version, mod.version));
	};
	const done = (personId: string, kind: string, slug: string, refresh: boolean) => {
		if (kind === 'module') return moduleDone(personId, slug, refresh);
		const path = findPath(slug);
		return !!path && path.modules.every((m) => moduleDone(personId, m, refresh));
	};

	return assignments.flatMap((a) => {
		const reached = a.person_id
			? [byId.get(a.person_id)].filter((p) => p !== undefined)
			: (byTeam.get(a.team_id) ?? []);
		return reached
			.filter((person) => !done(person.id, a.item_kind, a.item_slug, a.refresh === 1))
			.map((person) => ({
				assignmentId: a.id,
				personId: person.id,
				personName: person.name,
				item: `${a.item_kind}:${a.item_slug}`,
				dueOn: a.due_on,
				managerIds: (managersByTeam.get(person.team_id) ?? []).map((m) => m.personId).filter((id) => id !== person.id)
			}));
	});
}

/**
 * Completions made at an earlier major version of a module that has moved on: each learner (active)
 * with the module and the major version they have not seen yet, once per person and module.
 */
export async function completionsBehindMajor(
	database: Db
): Promise<{ personId: string; module: string; major: number }[]> {
	const rows = await database
		.selectFrom('completions')
		.innerJoin('people', 'people.id', 'completions.person_id')
		.select(['completions.person_id', 'completions.module_slug', 'completions.module_version'])
		.where('people.active', '=', 1)
		.execute();
	const newest = new Map<string, { personId: string; module: string; version: string }>();
	for (const row of rows) {
		const key = `${row.person_id}|${row.module_slug}`;
		const known = newest.get(key);
		if (!known || isEarlierMajor(known.version, row.module_version))
			newest.set(key, { personId: row.person_id, module: row.module_slug, version: row.module_version });
	}
	return [...newest.values()].flatMap((c) => {
		const mod = findModule(c.module);
		if (!mod || !isEarlierMajor(c.version, mod.version)) return [];
		return [{ personId: c.personId, module: c.module, major: Number.parseInt(mod.version, 10) }];
	});
}
