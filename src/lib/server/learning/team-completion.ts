import { groupBy } from '../../group';
import { baseLocale } from '../../i18n/locales';
import type { Db } from '../db';
import { findModule } from './content';
import { learnerStatus } from './rules';
import { modulesOf } from './team';

export interface LearningCompletion {
	/** Modules assigned to the person (one per module, however many assignments ask for it). */
	assigned: number;
	/** Of those, the ones the person has completed in a way that satisfies the assignment. */
	completed: number;
}

/** The records that decide people's assigned learning: live assignments to them or their teams, completions and progress. */
async function learningRecordsOf(database: Db, people: readonly { id: string; team_id: string | null }[]) {
	const ids = people.map((p) => p.id);
	const teamIds = [...new Set(people.flatMap((p) => (p.team_id ? [p.team_id] : [])))];
	const [assignments, completions, progress] = await Promise.all([
		database
			.selectFrom('assignments')
			.select(['item_kind', 'item_slug', 'person_id', 'team_id', 'due_on', 'refresh'])
			.where('cancelled_at', 'is', null)
			.where((eb) =>
				teamIds.length ? eb.or([eb('person_id', 'in', ids), eb('team_id', 'in', teamIds)]) : eb('person_id', 'in', ids)
			)
			.orderBy('due_on')
			.execute(),
		database
			.selectFrom('completions')
			.select(['person_id', 'module_slug', 'module_version', (eb) => eb.fn.max('completed_at').as('completed_at')])
			.where('person_id', 'in', ids)
			.groupBy(['person_id', 'module_slug', 'module_version'])
			.execute(),
		database
			.selectFrom('module_progress')
			.select(['person_id', 'module_slug', 'updated_at'])
			.where('person_id', 'in', ids)
			.execute()
	]);
	return { assignments, completions, progress };
}

/**
 * Each person's assigned-module completion as it stands, worked out from the raw records in three
 * queries however many people (call with a few hundred at a time). The rules match the team
 * matrix (learning/team.ts): the earliest due assignment of a module decides whether an earlier
 * major version still counts, and working on a module again after completing an older version
 * means it is not done. This is what the roll-up stores and what its check compares against.
 */
export async function learningFromRecords(
	database: Db,
	people: readonly { id: string; team_id: string | null }[]
): Promise<Map<string, LearningCompletion>> {
	const result = new Map<string, LearningCompletion>();
	if (people.length === 0) return result;
	const { assignments, completions, progress } = await learningRecordsOf(database, people);

	const byPerson = groupBy(
		assignments.filter((a) => a.person_id),
		(a) => a.person_id ?? ''
	);
	const byTeam = groupBy(
		assignments.filter((a) => !a.person_id),
		(a) => a.team_id ?? ''
	);
	const done = new Map<string, { versions: string[]; newest: string }>();
	for (const c of completions) {
		const key = `${c.person_id}|${c.module_slug}`;
		const entry = done.get(key) ?? { versions: [], newest: '' };
		entry.versions.push(c.module_version);
		if (String(c.completed_at) > entry.newest) entry.newest = String(c.completed_at);
		done.set(key, entry);
	}
	const lastActivity = new Map(progress.map((p) => [`${p.person_id}|${p.module_slug}`, p.updated_at]));

	for (const person of people) {
		const totals = { assigned: 0, completed: 0 };
		result.set(person.id, totals);
		// Assignments arrive sorted by due date, so the first to name a module is its earliest.
		const refreshFor = new Map<string, boolean>();
		for (const a of [...(byPerson.get(person.id) ?? []), ...(byTeam.get(person.team_id ?? '') ?? [])].sort((x, y) =>
			x.due_on.localeCompare(y.due_on)
		)) {
			for (const slug of modulesOf(a)) if (!refreshFor.has(slug)) refreshFor.set(slug, a.refresh === 1);
		}
		for (const [slug, refresh] of refreshFor) {
			// The structure and version of a module are the same in every language.
			const mod = findModule(slug, baseLocale);
			if (!mod) continue;
			const record = done.get(`${person.id}|${slug}`);
			const activity = lastActivity.get(`${person.id}|${slug}`);
			const status = learnerStatus({
				currentVersion: mod.version,
				completedVersions: record?.versions ?? [],
				started: activity !== undefined && activity > (record?.newest ?? '')
			});
			totals.assigned++;
			// As satisfies() in learning/service.ts: a refresh assignment needs the current major version.
			if (status === 'completed' || (!refresh && status === 'earlier_version')) totals.completed++;
		}
	}
	return result;
}
