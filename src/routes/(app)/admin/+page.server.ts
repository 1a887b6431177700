import { redirect } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/policy';
import type { PageServerLoad } from './$types';

// Administration opens on the people directory, the page admins use most.
export const load: PageServerLoad = ({ locals }) => {
	requireAdmin(locals);
	redirect(307, '/admin/people');
};
