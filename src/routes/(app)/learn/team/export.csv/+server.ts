import { error } from '@sveltejs/kit';
import Papa from 'papaparse';
import { recordAudit } from '$lib/server/audit/log';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { manageableTeams, teamMatrix } from '$lib/server/learning/team';
import { dueLabel, statusLabel } from '$lib/learning/labels';
import type { RequestHandler } from './$types';

/** The team matrix as CSV: one row per person and module. */
export const GET: RequestHandler = async ({ locals, url, getClientAddress }) => {
	const user = requireUser(locals);
	const teams = await manageableTeams(db(), user.scope);
	const team = teams.find((t) => t.id === url.searchParams.get('team'));
	if (!team) error(404, 'We could not find that team among yours.');
	const now = new Date();
	const matrix = await teamMatrix(db(), [team.id], now);
	await recordAudit(db(), {
		actorId: user.id,
		action: 'learning.exported',
		objectType: 'team',
		objectId: team.id,
		summary: `Exported learning progress for ${team.name}`,
		ip: getClientAddress(),
		at: now
	});
	const data = matrix.rows.flatMap((row) =>
		matrix.modules.map((m) => {
			const cell = row.cells[m.slug]!;
			return [
				row.name,
				team.name,
				m.title,
				statusLabel[cell.status],
				cell.lessons,
				cell.due?.on ?? '',
				cell.due ? dueLabel[cell.due.status] : ''
			];
		})
	);
	const csv = Papa.unparse({
		fields: ['person', 'team', 'module', 'status', 'lessons done', 'due on', 'due status'],
		data
	});
	const filename = `ripple-learning-${team.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.csv`;
	return new Response(csv + '\r\n', {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` }
	});
};
