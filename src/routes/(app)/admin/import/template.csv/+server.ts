import { requireAdmin } from '$lib/server/policy';
import { csvResponse } from '$lib/server/csv';
import { db } from '$lib/server/db';
import { staffImportTemplate } from '$lib/server/people/import';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	requireAdmin(locals);
	return csvResponse(['staff', 'template'], await staffImportTemplate(db()));
};
