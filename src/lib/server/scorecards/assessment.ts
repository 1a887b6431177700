import { z } from 'zod';
import { isPeriod, periodWording } from '../../periods';
import { m } from '../../paraglide/messages.js';
import {
	componentLabel,
	serviceComponentKeys,
	serviceComponents,
	type ServiceComponentKey
} from '../../service-framework';
import { recordAudit } from '../audit/log';
import type { Db } from '../db';
import { newId } from '../db/ids';
import type { Actor } from '../auth/actor';
import { refuse, type ServiceResult } from '../service-result';
import {
	assessmentIdFor,
	assessmentsOf,
	componentScoresIn,
	deleteAssessmentScores,
	insertAssessment,
	insertAssessmentScores,
	markReassessed,
	scoresOfAssessments
} from './queries';

/**
 * The service-framework self-assessment: once a quarter a team's managers (or a leader above
 * them) rate the team on the nine components, with notes. Saving again in the same quarter
 * replaces that quarter's ratings, so each quarter keeps one assessment and the history is the
 * list of quarters.
 */

export type ComponentScores = Record<ServiceComponentKey, { score: number; note: string }>;

export interface Assessment {
	id: string;
	period: string;
	assessedBy: string | null;
	updatedAt: string;
	scores: Partial<ComponentScores>;
}

export interface ComponentAverage {
	average: number | null;
	/** How many teams' ratings the average is built from. */
	teams: number;
}

/** Per component, the mean of the ratings given; null where nobody rated it. Pure. */
export function componentAverages(
	rows: readonly { component: string; score: number }[]
): Record<ServiceComponentKey, ComponentAverage> {
	const result = {} as Record<ServiceComponentKey, ComponentAverage>;
	for (const key of serviceComponentKeys) {
		const scores = rows.filter((r) => r.component === key).map((r) => r.score);
		result[key] = {
			average: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
			teams: scores.length
		};
	}
	return result;
}

/** Worded when a form is checked, in the person's language. */
const level = (key: ServiceComponentKey) => {
	const error = () => m.measure_assessment_level_required({ component: componentLabel(key) });
	return z.coerce.number({ error }).int({ error }).min(1, { error }).max(5, { error });
};
const note = z
	.string()
	.trim()
	.max(1000, { error: () => m.measure_assessment_note_too_long({ max: 1000 }) });

/**
 * The form: the `quarter` it rates (saveAssessment refuses one that is malformed or still to
 * come), and `score_<component>` (1-5) and `note_<component>` for each of the nine components.
 */
export const assessmentSchema = z.object({
	quarter: z.string().trim().max(7).default(''),
	...(Object.fromEntries(
		serviceComponents.flatMap((c) => [
			[`score_${c.key}`, level(c.key)],
			[`note_${c.key}`, note]
		])
	) as Record<string, z.ZodType<number | string>>)
});

export function scoresFromForm(data: Record<string, unknown>): ComponentScores {
	return Object.fromEntries(
		serviceComponentKeys.map((key) => [
			key,
			{ score: Number(data[`score_${key}`]), note: String(data[`note_${key}`] ?? '') }
		])
	) as ComponentScores;
}

async function withScores(database: Db, rows: Awaited<ReturnType<typeof assessmentsOf>>): Promise<Assessment[]> {
	if (rows.length === 0) return [];
	const scores = await scoresOfAssessments(
		database,
		rows.map((r) => r.id)
	);
	return rows.map((r) => ({
		id: r.id,
		period: r.period,
		assessedBy: r.assessed_by,
		updatedAt: r.updated_at,
		scores: Object.fromEntries(
			scores.filter((s) => s.assessment_id === r.id).map((s) => [s.component, { score: s.score, note: s.note }])
		)
	}));
}

/** The team's assessment for one quarter, if it has one. */
export async function assessmentFor(database: Db, teamId: string, period: string): Promise<Assessment | null> {
	return (await withScores(database, await assessmentsOf(database, teamId, [period])))[0] ?? null;
}

/** The team's most recent quarters, newest first (at most twelve: three years). */
export async function assessmentHistory(database: Db, teamId: string): Promise<Assessment[]> {
	return withScores(database, await assessmentsOf(database, teamId, null));
}

/**
 * The team beside its unit and the organisation for one quarter. The unit is the one the team
 * belongs to, counting teams in units below it, so every viewer sees the same comparison; the
 * team itself is part of both averages.
 */
export async function assessmentComparison(database: Db, team: { id: string; unitPath: string }, period: string) {
	const rows = await componentScoresIn(database, period);
	return {
		team: componentAverages(rows.filter((r) => r.team_id === team.id)),
		unit: componentAverages(rows.filter((r) => r.path.startsWith(team.unitPath))),
		organisation: componentAverages(rows)
	};
}

/**
 * Records the quarter's ratings for a team, replacing any earlier save in the same quarter. The
 * caller has checked that the actor may assess this team.
 */
export async function saveAssessment(
	database: Db,
	actor: Actor,
	team: { id: string; name: string },
	period: string,
	scores: ComponentScores,
	now: Date,
	currentQuarter: string
): Promise<ServiceResult<{ id: string }>> {
	if (!isPeriod('quarter', period)) return refuse('_form', 'measure_assessment_quarter_invalid');
	if (period > currentQuarter) return refuse('_form', 'measure_assessment_quarter_future');
	const at = now.toISOString();
	const id = await database.transaction().execute(async (trx) => {
		const existing = await assessmentIdFor(trx, team.id, period);
		const assessmentId = existing ?? newId();
		if (existing) {
			await markReassessed(trx, assessmentId, actor.id, at);
			await deleteAssessmentScores(trx, assessmentId);
		} else {
			await insertAssessment(trx, {
				id: assessmentId,
				team_id: team.id,
				period,
				assessed_by: actor.id,
				created_at: at,
				updated_at: at
			});
		}
		await insertAssessmentScores(
			trx,
			serviceComponentKeys.map((key) => ({
				assessment_id: assessmentId,
				component: key,
				score: scores[key].score,
				note: scores[key].note
			}))
		);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'assessment.saved',
			objectType: 'assessment',
			objectId: assessmentId,
			summary: {
				code: existing ? 'measure_audit_assessment_updated' : 'measure_audit_assessment_saved',
				params: { team: team.name, period: periodWording(period) ?? period }
			},
			details: {
				team_id: team.id,
				period,
				scores: Object.fromEntries(serviceComponentKeys.map((key) => [key, scores[key].score]))
			},
			ip: actor.ip,
			at: now
		});
		return assessmentId;
	});
	return { ok: true, id };
}
