import { requireAdmin } from '$lib/server/auth/current-user';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	requireAdmin(locals);
};
