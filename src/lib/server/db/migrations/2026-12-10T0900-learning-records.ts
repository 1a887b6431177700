import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen once shipped: later changes get a migration of their own.

/**
 * Each person's learning records kept beside their learning roll-up (issue 19): `records` holds, as
 * JSON, their module progress, lessons done per module and completions (learning/records.ts), so
 * the team matrix and the home page read one row a person instead of three tables. The records are
 * valid while `records_gen` equals the row's `gen`. The roll-up's triggers already move `gen` on
 * every write to progress and completions; this adds lessons done, which move `gen` without making
 * the roll-up's figures stale (lessons done do not change them).
 */
const bump = (person: string) =>
	`INSERT INTO learning_rollup (person_id, gen) SELECT id, 1 FROM people WHERE id = ${person}
	 ON CONFLICT (person_id) DO UPDATE SET gen = learning_rollup.gen + 1`;

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('learning_rollup').addColumn('records', 'text').execute();
	await db.schema.alterTable('learning_rollup').addColumn('records_gen', 'integer').execute();

	if (db.getExecutor().adapter instanceof PostgresAdapter) {
		await sql
			.raw(
				`CREATE FUNCTION learning_rollup_on_lesson() RETURNS trigger LANGUAGE plpgsql AS $$
				 BEGIN
				   IF TG_OP <> 'INSERT' THEN ${bump('OLD.person_id')}; END IF;
				   IF TG_OP <> 'DELETE' THEN ${bump('NEW.person_id')}; END IF;
				   RETURN NULL;
				 END $$;
				 CREATE TRIGGER learning_rollup_lessons AFTER INSERT OR UPDATE OR DELETE ON lesson_completions
				   FOR EACH ROW EXECUTE FUNCTION learning_rollup_on_lesson();`
			)
			.execute(db);
		return;
	}
	for (const [event, rows] of [
		['INSERT', ['NEW']],
		['UPDATE', ['OLD', 'NEW']],
		['DELETE', ['OLD']]
	] as const) {
		const body = rows.map((row) => `${bump(`${row}.person_id`)};`).join('\n');
		await sql
			.raw(
				`CREATE TRIGGER learning_rollup_lesson_completions_${event.toLowerCase()} AFTER ${event} ON lesson_completions BEGIN ${body} END`
			)
			.execute(db);
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	if (db.getExecutor().adapter instanceof PostgresAdapter) {
		await sql
			.raw(`DROP TRIGGER learning_rollup_lessons ON lesson_completions; DROP FUNCTION learning_rollup_on_lesson();`)
			.execute(db);
	} else {
		for (const event of ['insert', 'update', 'delete'])
			await sql.raw(`DROP TRIGGER learning_rollup_lesson_completions_${event}`).execute(db);
	}
	await db.schema.alterTable('learning_rollup').dropColumn('records_gen').execute();
	await db.schema.alterTable('learning_rollup').dropColumn('records').execute();
}
