import { requireActor } from '$lib/server/policy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const actor = requireActor(locals);
	const { state } = await parent();
	return {
		name: locals.user?.name ?? '',
		completion: state.completion,
		isNew: url.searchParams.has('new'),
		timeZone: actor.timeZone,
		origin: url.origin
	};
};
