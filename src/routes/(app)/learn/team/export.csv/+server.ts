import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { csvResponse } from '$lib/server/csv';
import { db } from '$lib/server/db';
import { exportTeamLearning } from '$lib/server/learning/team-export';
import type { RequestHandler } from './$types';

/** The team matrix as CSV: one row per person and module. */
export const GET: RequestHandler = async ({ locals, url, getClientAddress }) => {
	const user = requireUser(locals);
	const exported = await exportTeamLearning(
		db(),
		{ id: user.id, ip: getClientAddress(), scope: user.scope },
		url.searchParams.get('team'),
		new Date()
	);
	if (!exported) error(404, 'We could not find that team among yours.');
	return csvResponse(['learning', exported.teamName], exported.csv);
};
