import type { Insertable } from 'kysely';
import type { Db } from '../db';
import type { ServiceAssessmentScoreTable, ServiceAssessmentTable } from '../db/schema';

/**
 * Repository functions for the service-framework self-assessment: one assessment per team and
 * quarter, with a score and note per component. Who may assess which team is ./policy.ts.
 */

/** A team's assessments, newest quarter first, at most twelve; only the given quarters when named. */
export async function assessmentsOf(database: Db, teamId: string, periods: readonly string[] | null) {
	let query = database
		.selectFrom('service_assessments')
		.leftJoin('people', 'people.id', 'service_assessments.assessed_by')
		.select([
			'service_assessments.id',
			'service_assessments.period',
			'service_assessments.updated_at',
			'people.name as assessed_by'
		])
		.where('service_assessments.team_id', '=', teamId)
		.orderBy('service_assessments.period', 'desc');
	if (periods) query = query.where('service_assessments.period', 'in', periods);
	return query.limit(12).execute();
}

export async function scoresOfAssessments(database: Db, assessmentIds: readonly string[]) {
	if (assessmentIds.length === 0) return [];
	return database
		.selectFrom('service_assessment_scores')
		.select(['assessment_id', 'component', 'score', 'note'])
		.where('assessment_id', 'in', assessmentIds)
		.execute();
}

/** Every component score given in a quarter, with the team and its unit's path. */
export async function componentScoresIn(database: Db, period: string) {
	return database
		.selectFrom('service_assessment_scores')
		.innerJoin('service_assessments', 'service_assessments.id', 'service_assessment_scores.assessment_id')
		.innerJoin('teams', 'teams.id', 'service_assessments.team_id')
		.innerJoin('org_units', 'org_units.id', 'teams.org_unit_id')
		.select([
			'service_assessments.team_id',
			'org_units.path',
			'service_assessment_scores.component',
			'service_assessment_scores.score'
		])
		.where('service_assessments.period', '=', period)
		.execute();
}

/** The id of the team's assessment for a quarter, if it has one. */
export async function assessmentIdFor(database: Db, teamId: string, period: string): Promise<string | undefined> {
	const row = await database
		.selectFrom('service_assessments')
		.select('id')
		.where('team_id', '=', teamId)
		.where('period', '=', period)
		.executeTakeFirst();
	return row?.id;
}

export async function insertAssessment(database: Db, assessment: Insertable<ServiceAssessmentTable>): Promise<void> {
	await database.insertInto('service_assessments').values(assessment).execute();
}

/** Records who assessed again and when. */
export async function markReassessed(
	database: Db,
	assessmentId: string,
	assessedBy: string,
	at: string
): Promise<void> {
	await database
		.updateTable('service_assessments')
		.set({ assessed_by: assessedBy, updated_at: at })
		.where('id', '=', assessmentId)
		.execute();
}

export async function deleteAssessmentScores(database: Db, assessmentId: string): Promise<void> {
	await database.deleteFrom('service_assessment_scores').where('assessment_id', '=', assessmentId).execute();
}

export async function insertAssessmentScores(
	database: Db,
	scores: readonly Insertable<ServiceAssessmentScoreTable>[]
): Promise<void> {
	await database.insertInto('service_assessment_scores').values(scores).execute();
}
