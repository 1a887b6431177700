import type { Actor } from '../auth/actor';
import type { Db } from '../db';
import { leadsPeople } from '../people/policy';
import { modulesIn, pathsIn } from './content';
import { assignmentsFor } from './queries';
import { calendarDate } from './rules';
import { moduleStates, viewAssignment, type AssignmentView } from './service';

/** The path that suits a person: leading service for managers, otherwise by their team's kind. */
function suitedPath(opts: { isManager: boolean; teamKind: string | null }): string {
	if (opts.isManager) return 'leading-service';
	return opts.teamKind === 'customer_facing' ? 'customer-facing-foundations' : 'back-office-foundations';
}

/**
 * "My learning" on the home page: what is overdue or due soon, what is under way, what is done,
 * and a few recommendations from the path that suits the person.
 */
export async function myLearning(database: Db, learner: Actor, team: { id: string; kind: string } | null, now: Date) {
	const [assignments, states] = await Promise.all([
		assignmentsFor(database, learner.id, team?.id ?? null),
		moduleStates(database, learner.id)
	]);
	const today = calendarDate(now, learner.timeZone);
	const views = assignments.map((a) => viewAssignment(a, states, today)).filter((v): v is AssignmentView => v !== null);
	// The same item assigned twice (to the person and their team) shows once, with the earliest due date.
	const seen = new Set<string>();
	const assigned = views.filter((v) => !seen.has(`${v.kind}:${v.slug}`) && seen.add(`${v.kind}:${v.slug}`));

	const [modules, paths] = [modulesIn(), pathsIn()];
	const assignedModules = new Set(
		assignments.flatMap((a) =>
			a.item_kind === 'module' ? [a.item_slug] : (paths.find((p) => p.slug === a.item_slug)?.modules ?? [])
		)
	);
	const entry = (slug: string) => {
		const mod = modules.find((m) => m.slug === slug)!;
		const state = states.get(slug)!;
		return { slug, title: mod.title, minutes: mod.minutes, state };
	};
	const path = paths.find(
		(p) => p.slug === suitedPath({ isManager: leadsPeople(learner.scope), teamKind: team?.kind ?? null })
	);
	return {
		overdue: assigned.filter((v) => v.status === 'overdue'),
		dueSoon: assigned.filter((v) => v.status === 'due_soon'),
		upcoming: assigned.filter((v) => v.status === 'upcoming'),
		inProgress: modules.filter((m) => states.get(m.slug)?.status === 'in_progress').map((m) => entry(m.slug)),
		completed: modules
			.filter((m) => ['completed', 'earlier_version'].includes(states.get(m.slug)!.status))
			.map((m) => entry(m.slug))
			.sort((a, b) => (b.state.completion?.completed_at ?? '').localeCompare(a.state.completion?.completed_at ?? '')),
		recommended: (path?.modules ?? [])
			.filter((slug) => states.get(slug)?.status === 'not_started' && !assignedModules.has(slug))
			.slice(0, 3)
			.map(entry),
		recommendedPath: path ? { slug: path.slug, title: path.title } : null
	};
}
