import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen once shipped: later changes get a migration of their own.

/**
 * A roll-up of each person's assigned learning (issue 19): how many modules are assigned to them
 * and how many of those they have completed in a way that satisfies the assignment. A team's
 * learning rate is the sum over its active members, a few rows a team instead of every
 * assignment, completion and progress record of its people.
 *
 * `assigned` and `completed` are null while the row is stale. Triggers mark a person's row stale
 * (creating it if need be) in the same transaction as any write that can change their figures:
 * their module progress, completions or assignments, an assignment to their team, or a move to
 * another team. `gen` counts those marks, so that a reader who worked the figures out from the raw
 * rows stores them only if no write came in between (learning/rollup.ts). A person without a row
 * is worked out on first read. The figures also depend on the course content (a module's current
 * version, a path's modules): `app_meta` holds which content they were worked out for.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('learning_rollup')
		.addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
		.addColumn('assigned', 'integer')
		.addColumn('completed', 'integer')
		.addColumn('gen', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();

	const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
	// Marks people stale: their row made stale with a new generation, or created stale. Only
	// people who still exist: a cascade from erasing someone deletes their records after them.
	const mark = (people: string) =>
		`INSERT INTO learning_rollup (person_id, gen) SELECT id, 1 FROM people WHERE ${people}
		 ON CONFLICT (person_id) DO UPDATE SET assigned = NULL, completed = NULL, gen = learning_rollup.gen + 1`;

	if (postgres) {
		await sql
			.raw(
				`CREATE FUNCTION learning_rollup_mark_person(p text) RETURNS void LANGUAGE sql AS $$ ${mark('id = p')} $$;
				 CREATE FUNCTION learning_rollup_mark_team(t text) RETURNS void LANGUAGE sql AS $$ ${mark('team_id = t')} $$;
				 CREATE FUNCTION learning_rollup_on_record() RETURNS trigger LANGUAGE plpgsql AS $$
				 BEGIN
				   IF TG_OP <> 'INSERT' THEN PERFORM learning_rollup_mark_person(OLD.person_id); END IF;
				   IF TG_OP <> 'DELETE' THEN PERFORM learning_rollup_mark_person(NEW.person_id); END IF;
				   RETURN NULL;
				 END $$;
				 CREATE FUNCTION learning_rollup_on_assignment() RETURNS trigger LANGUAGE plpgsql AS $$
				 BEGIN
				   IF TG_OP <> 'INSERT' THEN
				     IF OLD.person_id IS NOT NULL THEN PERFORM learning_rollup_mark_person(OLD.person_id); END IF;
				     IF OLD.team_id IS NOT NULL THEN PERFORM learning_rollup_mark_team(OLD.team_id); END IF;
				   END IF;
				   IF TG_OP <> 'DELETE' THEN
				     IF NEW.person_id IS NOT NULL THEN PERFORM learning_rollup_mark_person(NEW.person_id); END IF;
				     IF NEW.team_id IS NOT NULL THEN PERFORM learning_rollup_mark_team(NEW.team_id); END IF;
				   END IF;
				   RETURN NULL;
				 END $$;
				 CREATE FUNCTION learning_rollup_on_move() RETURNS trigger LANGUAGE plpgsql AS $$
				 BEGIN PERFORM learning_rollup_mark_person(NEW.id); RETURN NULL; END $$;
				 CREATE TRIGGER learning_rollup_progress AFTER INSERT OR UPDATE OR DELETE ON module_progress
				   FOR EACH ROW EXECUTE FUNCTION learning_rollup_on_record();
				 CREATE TRIGGER learning_rollup_completions AFTER INSERT OR UPDATE OR DELETE ON completions
				   FOR EACH ROW EXECUTE FUNCTION learning_rollup_on_record();
				 CREATE TRIGGER learning_rollup_assignments AFTER INSERT OR UPDATE OR DELETE ON assignments
				   FOR EACH ROW EXECUTE FUNCTION learning_rollup_on_assignment();
				 CREATE TRIGGER learning_rollup_moves AFTER UPDATE OF team_id ON people
				   FOR EACH ROW WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id) EXECUTE FUNCTION learning_rollup_on_move();`
			)
			.execute(db);
		return;
	}

	for (const table of ['module_progress', 'completions']) {
		for (const [event, rows] of [
			['INSERT', ['NEW']],
			['UPDATE', ['OLD', 'NEW']],
			['DELETE', ['OLD']]
		] as const) {
			const body = rows.map((row) => `${mark(`id = ${row}.person_id`)};`).join('\n');
			await sql
				.raw(
					`CREATE TRIGGER learning_rollup_${table}_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN ${body} END`
				)
				.execute(db);
		}
	}
	for (const [event, rows] of [
		['INSERT', ['NEW']],
		['UPDATE', ['OLD', 'NEW']],
		['DELETE', ['OLD']]
	] as const) {
		// A null person or team matches no one, so both marks can run for every assignment.
		const body = rows.map((row) => `${mark(`id = ${row}.person_id`)}; ${mark(`team_id = ${row}.team_id`)};`).join('\n');
		await sql
			.raw(
				`CREATE TRIGGER learning_rollup_assignments_${event.toLowerCase()} AFTER ${event} ON assignments BEGIN ${body} END`
			)
			.execute(db);
	}
	await sql
		.raw(
			`CREATE TRIGGER learning_rollup_moves AFTER UPDATE OF team_id ON people
			 WHEN OLD.team_id IS NOT NEW.team_id BEGIN ${mark('id = NEW.id')}; END`
		)
		.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
	if (postgres) {
		await sql
			.raw(
				`DROP TRIGGER learning_rollup_progress ON module_progress;
				 DROP TRIGGER learning_rollup_completions ON completions;
				 DROP TRIGGER learning_rollup_assignments ON assignments;
				 DROP TRIGGER learning_rollup_moves ON people;
				 DROP FUNCTION learning_rollup_on_move(); DROP FUNCTION learning_rollup_on_assignment();
				 DROP FUNCTION learning_rollup_on_record(); DROP FUNCTION learning_rollup_mark_team(text);
				 DROP FUNCTION learning_rollup_mark_person(text);`
			)
			.execute(db);
	} else {
		for (const table of ['module_progress', 'completions', 'assignments'])
			for (const event of ['insert', 'update', 'delete'])
				await sql.raw(`DROP TRIGGER learning_rollup_${table}_${event}`).execute(db);
		await sql.raw('DROP TRIGGER learning_rollup_moves').execute(db);
	}
	await db.schema.dropTable('learning_rollup').execute();
}
