import type { Db } from '../db';
import { modulesBuilding, type BuildingModule } from './modules';
import { suggestModules, type RatingSummary } from './rules';

export interface BehaviourRatings {
	behaviourId: string;
	slug: string;
	label: string;
	valueName: string;
	/** The person's own ratings, kept apart from everyone else's. */
	self: RatingSummary | null;
	/** Managers' and peers' ratings together. */
	others: RatingSummary | null;
}

/**
 * A person's ratings per behaviour, self apart from others, in framework order. Every behaviour
 * they have been rated on appears, archived ones included, so nothing they were told disappears.
 */
export async function personBehaviourRatings(database: Db, personId: string): Promise<BehaviourRatings[]> {
	const grouped = (self: boolean) =>
		database
			.selectFrom('observations')
			.select((eb) => [
				'observations.behaviour_id',
				eb.fn.avg<number>('observations.level').as('average'),
				eb.fn.countAll<number>().as('count'),
				eb.fn.count<number>('observations.author_id').distinct().as('raters')
			])
			.where('observations.person_id', '=', personId)
			.where('observations.source', self ? '=' : '!=', 'self')
			.groupBy('observations.behaviour_id')
			.execute();
	const [own, others] = await Promise.all([grouped(true), grouped(false)]);
	const summary = (rows: typeof own) =>
		new Map(
			rows.map((r) => [
				r.behaviour_id,
				{ average: Number(r.average), count: Number(r.count), raters: Number(r.raters) }
			])
		);
	const ownBy = summary(own);
	const othersBy = summary(others);
	const rated = [...new Set([...ownBy.keys(), ...othersBy.keys()])];
	if (rated.length === 0) return [];
	const behaviours = await database
		.selectFrom('behaviours')
		.innerJoin('behaviour_values', 'behaviour_values.id', 'behaviours.value_id')
		.select(['behaviours.id', 'behaviours.slug', 'behaviours.label', 'behaviour_values.name as value_name'])
		.where('behaviours.id', 'in', rated)
		.orderBy('behaviour_values.position')
		.orderBy('behaviours.position')
		.execute();
	return behaviours.map((b) => ({
		behaviourId: b.id,
		slug: b.slug,
		label: b.label,
		valueName: b.value_name,
		self: ownBy.get(b.id) ?? null,
		others: othersBy.get(b.id) ?? null
	}));
}

/** Up to three modules that build what others rated lowest, leaving out those already completed. */
export function modulesToSuggest(
	ratings: readonly BehaviourRatings[],
	completedModules: ReadonlySet<string>
): { module: BuildingModule; because: string }[] {
	return suggestModules(ratings, modulesBuilding, completedModules);
}
