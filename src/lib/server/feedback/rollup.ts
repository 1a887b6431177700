import { sql, type Insertable } from 'kysely';
import type { Db } from '../db';
import type { FeedbackMonthRollupTable } from '../db/schema';
import { inTransaction } from '../db/transaction';

/**
 * The answers' roll-up (issue 19): per team and month, how many answers gave each score from 0 to
 * 10, kept exact by triggers on `case_feedback` (migration 2026-12-09T0900-feedback-month-rollup).
 * Scorecards read it instead of the answers; this module also compares it with the answers and
 * rebuilds it, for `npm run db:check-rollups` and `db:repair-rollups`.
 */

export const SCORES = Array.from({ length: 11 }, (_, score) => score);
type ScoreColumn = `score_${number}` & keyof FeedbackMonthRollupTable;
export const SCORE_COLUMNS = SCORES.map((s) => `score_${s}` as ScoreColumn);

/** A month's counts, index = score. */
export type ScoreCounts = number[];

/** The scores a month's counts stand for, lowest first: what the Experience rules take. */
export function scoresOf(counts: readonly number[]): number[] {
	return counts.flatMap((n, score) => Array<number>(Math.max(0, n)).fill(score));
}

const key = (teamId: string, month: string) => `${teamId}|${month}`;

/** Counts per team and month worked out from the answers themselves. */
async function countsFromAnswers(database: Db): Promise<Map<string, ScoreCounts>> {
	const month = sql<string>`substr(submitted_at, 1, 7)`;
	const rows = await database
		.selectFrom('case_feedback')
		.select(['team_id', month.as('month'), 'score', (eb) => eb.fn.countAll<number>().as('n')])
		.groupBy(['team_id', month, 'score'])
		.execute();
	const counts = new Map<string, ScoreCounts>();
	for (const row of rows) {
		const k = key(row.team_id, row.month);
		const c = counts.get(k) ?? SCORES.map(() => 0);
		// A score outside 0-10 has no column: it shows up as a difference in the check.
		c[row.score] = (c[row.score] ?? 0) + Number(row.n);
		counts.set(k, c);
	}
	return counts;
}

async function storedCounts(database: Db): Promise<Map<string, ScoreCounts>> {
	const rows = await database
		.selectFrom('feedback_month_rollup')
		.select(['team_id', 'month', ...SCORE_COLUMNS])
		.execute();
	return new Map(rows.map((row) => [key(row.team_id, row.month), SCORE_COLUMNS.map((c) => Number(row[c]))]));
}

const isEmpty = (counts: readonly number[] | undefined) => !counts || counts.every((n) => n === 0);

export interface FeedbackRollupDifference {
	teamId: string;
	month: string;
	stored: ScoreCounts;
	fromAnswers: ScoreCounts;
}

/** Every stored team-month compared with the answers (a month whose answers all went counts zero). */
export async function checkFeedbackRollup(
	database: Db
): Promise<{ checked: number; differences: FeedbackRollupDifference[] }> {
	const [stored, fromAnswers] = await Promise.all([storedCounts(database), countsFromAnswers(database)]);
	const differences: FeedbackRollupDifference[] = [];
	const zero = SCORES.map(() => 0);
	for (const k of new Set([...stored.keys(), ...fromAnswers.keys()])) {
		const [s, f] = [stored.get(k), fromAnswers.get(k)];
		if (isEmpty(s) && isEmpty(f)) continue;
		if (s && f && s.length === f.length && s.every((n, i) => n === f[i])) continue;
		const [teamId, month] = k.split('|') as [string, string];
		differences.push({ teamId, month, stored: s ?? zero, fromAnswers: f ?? zero });
	}
	return { checked: stored.size, differences };
}

const ROWS_PER_INSERT = 500;

/** Works the roll-up out afresh from the answers, in one transaction; returns the rows stored. */
export async function rebuildFeedbackRollup(database: Db): Promise<number> {
	return inTransaction(database, async (trx) => {
		await trx.deleteFrom('feedback_month_rollup').execute();
		const rows: Insertable<FeedbackMonthRollupTable>[] = [...(await countsFromAnswers(trx))].map(([k, counts]) => {
			const [team_id, month] = k.split('|') as [string, string];
			return { team_id, month, ...Object.fromEntries(SCORE_COLUMNS.map((c, i) => [c, counts[i] ?? 0])) };
		});
		for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
			await trx
				.insertInto('feedback_month_rollup')
				.values(rows.slice(i, i + ROWS_PER_INSERT))
				.execute();
		return rows.length;
	});
}
