import { requireActor } from '$lib/server/policy';
import { listBehaviours } from '$lib/server/behaviours/directory';
import { db } from '$lib/server/db';
import { catalogueFor, durations, readFilters } from '$lib/server/learning/catalogue';
import { audiences } from '$lib/learning/schemas';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals);
	const behaviours = await listBehaviours(db(), { includeArchived: true });
	const filters = readFilters(
		url.searchParams,
		behaviours.map((b) => b.slug)
	);
	const catalogue = await catalogueFor(db(), actor.id, filters);
	return {
		...catalogue,
		behaviours: behaviours.filter((b) => !b.archived),
		behaviourLabels: Object.fromEntries(behaviours.map((b) => [b.slug, b.label])),
		filters,
		durations,
		audiences
	};
};
