import { requireUser } from '$lib/server/auth/current-user';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const user = requireUser(locals);
	const { state } = await parent();
	return {
		name: user.name,
		completion: state.completion,
		isNew: url.searchParams.has('new'),
		timeZone: user.timeZone,
		origin: url.origin
	};
};
