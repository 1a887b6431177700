import type { Kysely } from 'kysely';

// Frozen once shipped: later changes get a migration of their own.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('module_progress')
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('module_slug', 'text', (c) => c.notNull())
		.addColumn('last_lesson_slug', 'text', (c) => c.notNull())
		.addColumn('started_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('module_progress_pk', ['person_id', 'module_slug'])
		.execute();

	await db.schema
		.createTable('lesson_completions')
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('module_slug', 'text', (c) => c.notNull())
		.addColumn('lesson_slug', 'text', (c) => c.notNull())
		.addColumn('completed_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('lesson_completions_pk', ['person_id', 'module_slug', 'lesson_slug'])
		.execute();

	await db.schema
		.createTable('check_attempts')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('module_slug', 'text', (c) => c.notNull())
		.addColumn('module_version', 'text', (c) => c.notNull())
		.addColumn('answers', 'text', (c) => c.notNull())
		.addColumn('score', 'integer', (c) => c.notNull())
		.addColumn('passed', 'integer', (c) => c.notNull())
		.addColumn('submitted_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('check_attempts_person_module')
		.on('check_attempts')
		.columns(['person_id', 'module_slug', 'submitted_at'])
		.execute();

	await db.schema
		.createTable('completions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('module_slug', 'text', (c) => c.notNull())
		.addColumn('module_version', 'text', (c) => c.notNull())
		.addColumn('completed_at', 'text', (c) => c.notNull())
		.addColumn('verification_code', 'text', (c) => c.notNull().unique())
		.addUniqueConstraint('completions_person_module_version', ['person_id', 'module_slug', 'module_version'])
		.execute();
	await db.schema.createIndex('completions_module').on('completions').columns(['module_slug', 'person_id']).execute();

	await db.schema
		.createTable('reflections')
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('module_slug', 'text', (c) => c.notNull())
		.addColumn('prompt_id', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('share_with_buddy', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('share_with_manager', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('reflections_pk', ['person_id', 'module_slug', 'prompt_id'])
		.execute();

	await db.schema
		.createTable('practice_logs')
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('module_slug', 'text', (c) => c.notNull())
		.addColumn('note', 'text', (c) => c.notNull())
		.addColumn('done_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('practice_logs_pk', ['person_id', 'module_slug'])
		.execute();

	await db.schema
		.createTable('assignments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('item_kind', 'text', (c) => c.notNull())
		.addColumn('item_slug', 'text', (c) => c.notNull())
		.addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
		.addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('cascade'))
		.addColumn('due_on', 'text', (c) => c.notNull())
		.addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('refresh', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('assigned_by', 'text', (c) => c.references('people.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('cancelled_at', 'text')
		.execute();
	await db.schema.createIndex('assignments_person').on('assignments').column('person_id').execute();
	await db.schema.createIndex('assignments_team').on('assignments').column('team_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'assignments',
		'practice_logs',
		'reflections',
		'completions',
		'check_attempts',
		'lesson_completions',
		'module_progress'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
