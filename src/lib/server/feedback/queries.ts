import type { Insertable } from 'kysely';
import type { Db } from '../db';
import type { CaseFeedback, CaseFeedbackTable, FeedbackLink, FeedbackLinkTable } from '../db/schema';
import { hashSecret } from '../auth/tokens';
import { SCORE_COLUMNS, scoresOf } from './rollup';

/** Link tokens are `generateSecret()` output; anything else cannot match and skips the lookup. */
const TOKEN = /^[a-z2-7]{32}$/;

export interface LinkWithTeam extends FeedbackLink {
	team_name: string;
}

/** The link behind a raw token from a URL (looked up by its hash), with the team's name. */
export async function findLinkByToken(database: Db, token: string): Promise<LinkWithTeam | undefined> {
	if (!TOKEN.test(token)) return undefined;
	return database
		.selectFrom('feedback_links')
		.innerJoin('teams', 'teams.id', 'feedback_links.team_id')
		.selectAll('feedback_links')
		.select('teams.name as team_name')
		.where('feedback_links.token_hash', '=', hashSecret(token))
		.executeTakeFirst();
}

/** The standing-link answer that carries a respondent key, if there is one. */
export async function findAnswerByRespondent(
	database: Db,
	respondentKey: string
): Promise<Pick<CaseFeedback, 'score' | 'reasons' | 'comment' | 'minutes_lost' | 'submitted_at'> | undefined> {
	return database
		.selectFrom('case_feedback')
		.select(['score', 'reasons', 'comment', 'minutes_lost', 'submitted_at'])
		.where('respondent_key', '=', respondentKey)
		.executeTakeFirst();
}

/** A team's link as its managers see it: never the requester's email, and how many answers it has. */
export interface LinkSummary {
	id: string;
	kind: FeedbackLink['kind'];
	case_reference: string | null;
	created_at: string;
	expires_at: string;
	answered_at: string | null;
	closed_at: string | null;
	responses: number;
}

export async function listTeamLinks(
	database: Db,
	teamId: string,
	page: { limit: number; offset: number }
): Promise<{ rows: LinkSummary[]; total: number }> {
	const base = database.selectFrom('feedback_links').where('feedback_links.team_id', '=', teamId);
	const [rows, count] = await Promise.all([
		base
			.select(['id', 'kind', 'case_reference', 'created_at', 'expires_at', 'answered_at', 'closed_at'])
			.select((eb) =>
				eb
					.selectFrom('case_feedback')
					.select((sub) => sub.fn.countAll<number>().as('n'))
					.whereRef('case_feedback.link_id', '=', 'feedback_links.id')
					.as('responses')
			)
			.orderBy('created_at', 'desc')
			.orderBy('id', 'desc')
			.limit(page.limit)
			.offset(page.offset)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows: rows.map((r) => ({ ...r, responses: Number(r.responses ?? 0) })), total: Number(count.n) };
}

/** The team's standing link that still takes answers, if any. */
export async function currentStandingLink(database: Db, teamId: string, now: Date): Promise<FeedbackLink | undefined> {
	return database
		.selectFrom('feedback_links')
		.selectAll()
		.where('team_id', '=', teamId)
		.where('kind', '=', 'standing')
		.where('closed_at', 'is', null)
		.where('expires_at', '>', now.toISOString())
		.orderBy('created_at', 'desc')
		.executeTakeFirst();
}

/** One answer as the team's managers read it: the case it is about, never who sent the link to whom. */
export interface ResponseRow {
	id: string;
	score: number;
	reasons: string;
	comment: string;
	minutes_lost: number | null;
	submitted_at: string;
	kind: FeedbackLink['kind'];
	case_reference: string | null;
}

export async function listTeamResponses(
	database: Db,
	teamId: string,
	page: { limit: number; offset: number }
): Promise<{ rows: ResponseRow[]; total: number }> {
	const base = database.selectFrom('case_feedback').where('case_feedback.team_id', '=', teamId);
	const [rows, count] = await Promise.all([
		base
			.innerJoin('feedback_links', 'feedback_links.id', 'case_feedback.link_id')
			.select([
				'case_feedback.id',
				'case_feedback.score',
				'case_feedback.reasons',
				'case_feedback.comment',
				'case_feedback.minutes_lost',
				'case_feedback.submitted_at',
				'feedback_links.kind',
				'feedback_links.case_reference'
			])
			.orderBy('case_feedback.submitted_at', 'desc')
			.orderBy('case_feedback.id', 'desc')
			.limit(page.limit)
			.offset(page.offset)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows, total: Number(count.n) };
}

/** Teams per query: well inside SQLite's and PostgreSQL's limits on bound parameters. */
const TEAMS_PER_QUERY = 500;

/**
 * teamId -> month (`YYYY-MM`, of submitted_at in UTC) -> scores (0-10), for the given teams and months.
 * One score per respondent: a case answer is one requester, and a standing-link answer is one person
 * for the team and month (its respondent key is unique), so the list's length is what the anonymity
 * threshold counts. Read from the answers' roll-up, a row per team and month (./rollup.ts).
 * Scorecards, trends and the team's feedback page all read it from here.
 */
export async function monthlyCaseScores(
	database: Db,
	teamIds: readonly string[],
	months: readonly string[]
): Promise<Map<string, Map<string, number[]>>> {
	// Every requested team and month is present, with an empty list when nobody answered, so
	// callers can read `.get(team)!.get(month)!` for anything they asked about.
	const result = new Map<string, Map<string, number[]>>();
	for (const teamId of teamIds) result.set(teamId, new Map(months.map((m) => [m, []])));
	if (teamIds.length === 0 || months.length === 0) return result;

	const unique = [...new Set(teamIds)];
	for (let i = 0; i < unique.length; i += TEAMS_PER_QUERY) {
		const rows = await database
			.selectFrom('feedback_month_rollup')
			.select(['team_id', 'month', ...SCORE_COLUMNS])
			.where('team_id', 'in', unique.slice(i, i + TEAMS_PER_QUERY))
			.where('month', 'in', [...new Set(months)])
			.execute();
		for (const row of rows) result.get(row.team_id)?.set(row.month, scoresOf(SCORE_COLUMNS.map((c) => Number(row[c]))));
	}
	return result;
}

// ---------------------------------------------------------------------------------------------
// Writing links and answers

export async function insertLink(database: Db, link: Insertable<FeedbackLinkTable>): Promise<void> {
	await database.insertInto('feedback_links').values(link).execute();
}

/** The ids of a team's standing links that still take answers at `now`. */
export async function openStandingLinkIds(database: Db, teamId: string, now: Date): Promise<string[]> {
	const rows = await database
		.selectFrom('feedback_links')
		.select('id')
		.where('team_id', '=', teamId)
		.where('kind', '=', 'standing')
		.where('closed_at', 'is', null)
		.where('expires_at', '>', now.toISOString())
		.execute();
	return rows.map((r) => r.id);
}

/** A link of this team; undefined for another team's. */
export async function getTeamLink(database: Db, teamId: string, linkId: string): Promise<FeedbackLink | undefined> {
	return database
		.selectFrom('feedback_links')
		.selectAll()
		.where('id', '=', linkId)
		.where('team_id', '=', teamId)
		.executeTakeFirst();
}

/** Closes a link unless it is closed already; true when this call closed it. */
export async function closeLinkIfOpen(database: Db, linkId: string, at: string): Promise<boolean> {
	const result = await database
		.updateTable('feedback_links')
		.set({ closed_at: at })
		.where('id', '=', linkId)
		.where('closed_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/**
 * Marks a case link answered unless it is answered or closed already; true when this call did.
 * Being a write, it takes the write lock, so of two racing answers only one gets true.
 */
export async function claimCaseLink(database: Db, linkId: string, at: string): Promise<boolean> {
	const claimed = await database
		.updateTable('feedback_links')
		.set({ answered_at: at })
		.where('id', '=', linkId)
		.where('answered_at', 'is', null)
		.where('closed_at', 'is', null)
		.executeTakeFirst();
	return Number(claimed.numUpdatedRows) === 1;
}

/** What a link's status is decided from, as the database holds it now. */
export async function linkStatusFields(database: Db, linkId: string) {
	return database
		.selectFrom('feedback_links')
		.select(['kind', 'expires_at', 'answered_at', 'closed_at'])
		.where('id', '=', linkId)
		.executeTakeFirstOrThrow();
}

export async function insertAnswer(database: Db, answer: Insertable<CaseFeedbackTable>): Promise<void> {
	await database.insertInto('case_feedback').values(answer).execute();
}

/** Stores a standing-link answer, or replaces the one with the same respondent key in place. */
export async function saveAnswerOfRespondent(
	database: Db,
	answer: Insertable<CaseFeedbackTable> & { respondent_key: string },
	replacing: Omit<Insertable<CaseFeedbackTable>, 'id' | 'team_id' | 'respondent_key'>
): Promise<void> {
	await database
		.insertInto('case_feedback')
		.values(answer)
		.onConflict((oc) => oc.column('respondent_key').doUpdateSet(replacing))
		.execute();
}
