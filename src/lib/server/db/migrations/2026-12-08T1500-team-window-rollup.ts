import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen once shipped: later changes get a migration of their own.

/**
 * A roll-up of each team's How window (issue 19): per team and month, the figures a scorecard
 * shows over the three months ending with that month (observations, raters and average level per
 * behaviour; recognition received; job shadowing; buddy participation), so a scorecard of 50
 * teams reads a row a team instead of their observations, recognitions, visits and meetings.
 *
 * `team_rollup_gen` counts, per team, the writes that can change any of its figures: triggers
 * bump it in the same transaction as an observation, a recognition or its recipients, a visit or
 * a slot's team, a buddy meeting, a pair's members or a cycle's dates and publication, and a
 * person's move, deactivation or removal. A window row holds the generation its figures were
 * worked out at, and is used only while that is still the team's (scorecards/window-rollup.ts).
 * Only windows that have ended are stored; the one still running is worked out when read.
 */

interface Source {
	table: string;
	/** Columns whose change can change a figure. */
	columns: string[];
	/** Whether an inserted row can already change a figure (a new slot or cycle has no visits or pairs yet). */
	insert: boolean;
	/** A query for the ids of the teams a row (`NEW` or `OLD`) touches. */
	teams: (row: string) => string;
}

const teamOfPerson = (person: string) => `SELECT team_id FROM people WHERE id = ${person}`;
const teamsOfPair = (pair: string) =>
	`SELECT p.team_id FROM buddy_pair_members m JOIN people p ON p.id = m.person_id WHERE m.pair_id = ${pair}`;

const sources: Source[] = [
	{
		table: 'observations',
		columns: ['person_id', 'behaviour_id', 'level', 'observed_on', 'source', 'author_id'],
		insert: true,
		teams: (r) => teamOfPerson(`${r}.person_id`)
	},
	{ table: 'people', columns: ['team_id', 'active'], insert: false, teams: (r) => `SELECT ${r}.team_id` },
	{
		table: 'recognition_recipients',
		columns: ['recognition_id', 'person_id'],
		insert: true,
		teams: (r) => teamOfPerson(`${r}.person_id`)
	},
	{
		table: 'recognitions',
		columns: ['created_at', 'cross_department'],
		insert: false,
		teams: (r) =>
			`SELECT p.team_id FROM recognition_recipients rr JOIN people p ON p.id = rr.person_id WHERE rr.recognition_id = ${r}.id`
	},
	{
		table: 'shadow_visits',
		columns: ['slot_id', 'visitor_id', 'status', 'ends_at'],
		insert: true,
		teams: (r) => `${teamOfPerson(`${r}.visitor_id`)} UNION SELECT team_id FROM shadow_slots WHERE id = ${r}.slot_id`
	},
	{ table: 'shadow_slots', columns: ['team_id'], insert: false, teams: (r) => `SELECT ${r}.team_id` },
	{
		table: 'buddy_meetings',
		columns: ['pair_id', 'met', 'met_on'],
		insert: true,
		teams: (r) => teamsOfPair(`${r}.pair_id`)
	},
	{
		table: 'buddy_pair_members',
		columns: ['pair_id', 'person_id'],
		insert: true,
		teams: (r) => teamOfPerson(`${r}.person_id`)
	},
	{ table: 'buddy_pairs', columns: ['cycle_id'], insert: false, teams: (r) => teamsOfPair(`${r}.id`) },
	{
		table: 'buddy_cycles',
		columns: ['published_at', 'starts_on', 'ends_on'],
		insert: false,
		teams: (r) => `SELECT p.team_id FROM buddy_pairs bp JOIN buddy_pair_members m ON m.pair_id = bp.id
		  JOIN people p ON p.id = m.person_id WHERE bp.cycle_id = ${r}.id`
	}
];

/**
 * Bumps the generation of the teams a row touches. Only teams that still exist: a team being
 * deleted takes its rows with it, and the cascade must not bring them back.
 */
const mark = (source: Source, row: string) =>
	`INSERT INTO team_rollup_gen (team_id, gen) SELECT id, 1 FROM teams WHERE id IN (${source.teams(row)})
	 ON CONFLICT (team_id) DO UPDATE SET gen = team_rollup_gen.gen + 1`;

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('team_rollup_gen')
		.addColumn('team_id', 'text', (c) => c.primaryKey().references('teams.id').onDelete('cascade'))
		.addColumn('gen', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('team_window_rollup')
		.addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
		.addColumn('month', 'text', (c) => c.notNull())
		.addColumn('gen', 'integer', (c) => c.notNull())
		/** JSON: see scorecards/window-rollup.ts. */
		.addColumn('figures', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('team_window_rollup_pk', ['team_id', 'month'])
		.execute();

	const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
	for (const source of sources) {
		const name = `team_rollup_${source.table}`;
		const columns = source.columns.join(', ');
		if (postgres) {
			const events = [...(source.insert ? ['INSERT'] : []), `UPDATE OF ${columns}`, 'DELETE'].join(' OR ');
			await sql
				.raw(
					`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
					 BEGIN
					   IF TG_OP <> 'INSERT' THEN ${mark(source, 'OLD')}; END IF;
					   IF TG_OP <> 'DELETE' THEN ${mark(source, 'NEW')}; END IF;
					   RETURN NULL;
					 END $$;
					 CREATE TRIGGER ${name} AFTER ${events} ON ${source.table} FOR EACH ROW EXECUTE FUNCTION ${name}();`
				)
				.execute(db);
			continue;
		}
		const events: [string, string[]][] = [
			...(source.insert ? [['INSERT', ['NEW']] as [string, string[]]] : []),
			[`UPDATE OF ${columns}`, ['OLD', 'NEW']],
			['DELETE', ['OLD']]
		];
		for (const [event, rows] of events) {
			const body = rows.map((row) => `${mark(source, row)};`).join('\n');
			await sql
				.raw(
					`CREATE TRIGGER ${name}_${event.split(' ')[0]!.toLowerCase()} AFTER ${event} ON ${source.table} BEGIN ${body} END`
				)
				.execute(db);
		}
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
	for (const source of sources) {
		const name = `team_rollup_${source.table}`;
		if (postgres) {
			await sql.raw(`DROP TRIGGER ${name} ON ${source.table}; DROP FUNCTION ${name}();`).execute(db);
			continue;
		}
		for (const event of [...(source.insert ? ['insert'] : []), 'update', 'delete'])
			await sql.raw(`DROP TRIGGER ${name}_${event}`).execute(db);
	}
	await db.schema.dropTable('team_window_rollup').execute();
	await db.schema.dropTable('team_rollup_gen').execute();
}
