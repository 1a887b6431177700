import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { catalogueFor, durations, readFilters } from '$lib/server/learning/catalogue';
import { audienceLabel } from '$lib/learning/schemas';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals);
	const filters = readFilters(url.searchParams);
	const catalogue = await catalogueFor(db(), user.id, filters);
	return { ...catalogue, filters, durations, audienceLabel };
};
