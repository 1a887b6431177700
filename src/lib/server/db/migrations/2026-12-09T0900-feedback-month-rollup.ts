import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen once shipped: later changes get a migration of their own.

/**
 * A roll-up of internal customers' answers (issue 19): per team and month (UTC, as the answers'
 * `submitted_at`), how many answers gave each score from 0 to 10. A scorecard's Experience
 * figures (volume, average, net score) follow from these counts, so 50 teams' month reads a row a
 * team instead of their answers. Triggers keep it exact in the same transaction as an answer's
 * insert, change (of team, score or time) and removal, including removals cascaded from a link or
 * a team. A histogram rather than ready-made figures keeps the rules (what counts as a promoter)
 * in code, where they can change without touching the stored rows.
 */

const SCORES = Array.from({ length: 11 }, (_, score) => score);
const column = (score: number) => `score_${score}`;

/** The row's counts moved by `delta` for the answer `row` (`NEW` or `OLD`): one statement. */
function adjust(row: string, delta: 1 | -1): string {
	const month = `substr(${row}.submitted_at, 1, 7)`;
	if (delta === 1) {
		const bumps = SCORES.map((s) => `CASE WHEN ${row}.score = ${s} THEN 1 ELSE 0 END`).join(', ');
		const sets = SCORES.map((s) => `${column(s)} = feedback_month_rollup.${column(s)} + excluded.${column(s)}`);
		return `INSERT INTO feedback_month_rollup (team_id, month, ${SCORES.map(column).join(', ')})
		  VALUES (${row}.team_id, ${month}, ${bumps})
		  ON CONFLICT (team_id, month) DO UPDATE SET ${sets.join(', ')}`;
	}
	const sets = SCORES.map((s) => `${column(s)} = ${column(s)} - CASE WHEN ${row}.score = ${s} THEN 1 ELSE 0 END`);
	return `UPDATE feedback_month_rollup SET ${sets.join(', ')} WHERE team_id = ${row}.team_id AND month = ${month}`;
}

const COLUMNS = 'team_id, score, submitted_at';

export async function up(db: Kysely<any>): Promise<void> {
	let table = db.schema
		.createTable('feedback_month_rollup')
		.addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
		.addColumn('month', 'text', (c) => c.notNull());
	for (const score of SCORES) table = table.addColumn(column(score), 'integer', (c) => c.notNull().defaultTo(0));
	await table.addPrimaryKeyConstraint('feedback_month_rollup_pk', ['team_id', 'month']).execute();

	// Answers already given.
	const counts = SCORES.map((s) => `sum(CASE WHEN score = ${s} THEN 1 ELSE 0 END)`).join(', ');
	await sql
		.raw(
			`INSERT INTO feedback_month_rollup (team_id, month, ${SCORES.map(column).join(', ')})
			 SELECT team_id, substr(submitted_at, 1, 7), ${counts} FROM case_feedback GROUP BY team_id, substr(submitted_at, 1, 7)`
		)
		.execute(db);

	if (db.getExecutor().adapter instanceof PostgresAdapter) {
		await sql
			.raw(
				`CREATE FUNCTION feedback_month_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
				 BEGIN
				   IF TG_OP <> 'INSERT' THEN ${adjust('OLD', -1)}; END IF;
				   IF TG_OP <> 'DELETE' THEN ${adjust('NEW', 1)}; END IF;
				   RETURN NULL;
				 END $$;
				 CREATE TRIGGER feedback_month_rollup AFTER INSERT OR UPDATE OF ${COLUMNS} OR DELETE ON case_feedback
				   FOR EACH ROW EXECUTE FUNCTION feedback_month_rollup();`
			)
			.execute(db);
		return;
	}
	const triggers: [string, string, string[]][] = [
		['insert', 'INSERT', [adjust('NEW', 1)]],
		['update', `UPDATE OF ${COLUMNS}`, [adjust('OLD', -1), adjust('NEW', 1)]],
		['delete', 'DELETE', [adjust('OLD', -1)]]
	];
	for (const [name, event, statements] of triggers)
		await sql
			.raw(
				`CREATE TRIGGER feedback_month_rollup_${name} AFTER ${event} ON case_feedback BEGIN ${statements.map((s) => `${s};`).join('\n')} END`
			)
			.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	if (db.getExecutor().adapter instanceof PostgresAdapter)
		await sql
			.raw('DROP TRIGGER feedback_month_rollup ON case_feedback; DROP FUNCTION feedback_month_rollup();')
			.execute(db);
	else
		for (const name of ['insert', 'update', 'delete'])
			await sql.raw(`DROP TRIGGER feedback_month_rollup_${name}`).execute(db);
	await db.schema.dropTable('feedback_month_rollup').execute();
}
