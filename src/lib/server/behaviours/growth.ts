import type { Db } from '../db';
import { modulesBuilding, type BuildingModule } from './modules';
import { behavioursInOrder, personRatingsByBehaviour } from './observation-queries';
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
	const [ownBy, othersBy] = await Promise.all([
		personRatingsByBehaviour(database, personId, 'self'),
		personRatingsByBehaviour(database, personId, 'others')
	]);
	const rated = [...new Set([...ownBy.keys(), ...othersBy.keys()])];
	if (rated.length === 0) return [];
	const behaviours = await behavioursInOrder(database, rated);
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
