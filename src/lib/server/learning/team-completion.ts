import { groupBy } from '../../group';
import type { Db } from '../db';
import { findModule } from './content';
import { activeMembers, teamLearningRecords } from './queries';
import { learnerStatus } from './rules';
import { modulesOf } from './team';

export interface LearningCompletion {
	/** Modules assigned to active members (one per person and module, however many assignments ask for it). */
	assigned: number;
	/** Of those, the ones the person has completed in a way that satisfies the assignment. */
	completed: number;
}

/**
 * Assigned-module completion per team as it stood at `range.to`: assignments made before then and
 * not withdrawn by then, completions before then. Built for whole units, so it reads members,
 * assignments, completions and module progress in four queries and joins them in memory, rather
 * than going person by person (see teamLearningRecords). The rules match the team matrix (learning/team.ts): the earliest
 * due assignment of a module decides whether an earlier major version still counts, and working
 * on a module again after completing an older version means it is not done.
 */
export async function teamLearningCompletion(
	database: Db,
	teamIds: readonly string[],
	range: { from: string; to: string }
): Promise<Map<string, LearningCompletion>> {
	const result = new Map<string, LearningCompletion>(teamIds.map((id) => [id, { assigned: 0, completed: 0 }]));
	if (teamIds.length === 0) return result;
	const [people, { assignments, completions, progress }] = await Promise.all([
		activeMembers(database, teamIds),
		teamLearningRecords(database, teamIds, range.to)
	]);

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
		const totals = person.team_id ? result.get(person.team_id) : undefined;
		if (!totals) continue;
		// Assignments arrive sorted by due date, so the first to name a module is its earliest.
		const refreshFor = new Map<string, boolean>();
		for (const a of [...(byPerson.get(person.id) ?? []), ...(byTeam.get(person.team_id ?? '') ?? [])].sort((x, y) =>
			x.due_on.localeCompare(y.due_on)
		)) {
			for (const slug of modulesOf(a)) if (!refreshFor.has(slug)) refreshFor.set(slug, a.refresh === 1);
		}
		for (const [slug, refresh] of refreshFor) {
			const mod = findModule(slug);
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
