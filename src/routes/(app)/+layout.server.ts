import { requireActor } from '$lib/server/policy';
import type { LayoutServerLoad } from './$types';

// Every page in this group is for signed-in people; the hook redirects others before this runs.
export const load: LayoutServerLoad = ({ locals }) => {
	requireActor(locals);
};
