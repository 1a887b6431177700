import { requireAdmin } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { listTeams } from '$lib/server/org/queries';
import { importTemplate } from '$lib/server/people/import-plan';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	requireAdmin(locals);
	const teams = await listTeams(db());
	return new Response(importTemplate(teams[0]?.name ?? 'Payroll') + '\r\n', {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="ripple-staff-template.csv"'
		}
	});
};
