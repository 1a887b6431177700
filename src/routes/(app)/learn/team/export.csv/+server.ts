import { csvResponse } from '$lib/server/csv';
import { db } from '$lib/server/db';
import { exportTeamLearning } from '$lib/server/learning/team-export';
import { requireActor, requireFound } from '$lib/server/policy';
import type { RequestHandler } from './$types';

/** The team matrix as CSV: one row per person and module. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const exported = requireFound(
		await exportTeamLearning(db(), requireActor(locals), url.searchParams.get('team'), new Date()),
		'We could not find that team among yours.'
	);
	return csvResponse(['learning', exported.teamName], exported.csv);
};
