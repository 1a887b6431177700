import { dueStateLabel, learningStatusLabel } from '../../learning/labels';
import { recordAudit } from '../audit/log';
import { toCsv } from '../csv';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { manageableTeams, teamMatrix } from './team';

const header = ['person', 'team', 'module', 'status', 'lessons done', 'due on', 'due status'];

/**
 * A team's learning matrix as CSV, one row per person and module, for someone who follows the
 * team; the export is audited. Null when the team is not one of theirs (or does not exist).
 */
export async function exportTeamLearning(
	database: Db,
	actor: Actor,
	teamId: string | null,
	now: Date
): Promise<{ teamName: string; csv: string } | null> {
	const team = (await manageableTeams(database, actor.scope)).find((t) => t.id === teamId);
	if (!team) return null;
	const matrix = await teamMatrix(database, [team.id], now);
	await recordAudit(database, {
		actorId: actor.id,
		action: 'learning.exported',
		objectType: 'team',
		objectId: team.id,
		summary: { code: 'learn_audit_progress_exported', params: { team: team.name } },
		ip: actor.ip,
		at: now
	});
	const rows = matrix.rows.flatMap((row) =>
		matrix.modules.map((mod) => {
			const cell = row.cells[mod.slug]!;
			return [
				row.name,
				team.name,
				mod.title,
				learningStatusLabel(cell.status),
				cell.lessons,
				cell.due?.on ?? '',
				cell.due ? dueStateLabel(cell.due.status) : ''
			];
		})
	);
	return { teamName: team.name, csv: toCsv(header, rows) };
}
