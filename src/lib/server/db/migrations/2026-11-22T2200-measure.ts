import type { Kysely } from 'kysely';
import { defaultFramework } from './default-framework';

// Frozen once shipped: later changes get a migration of their own. (Numbers are double
// precision: PostgreSQL's `real` keeps only about seven digits, SQLite's keeps fifteen.)

/** The case-feedback measures every install starts with; admins tune their targets later. */
const defaultExperienceMetrics = [
	{
		key: 'case_net_score',
		name: 'Internal customer net score',
		description: 'Share of case-feedback scores of 9 or 10 minus the share of 0 to 6, in points.',
		unit: 'points',
		target: 30,
		amber_band: 20,
		source: 'case_net'
	},
	{
		key: 'case_average',
		name: 'Average case score',
		description: 'Mean case-feedback score, 0 to 10.',
		unit: 'score',
		target: 8,
		amber_band: 1,
		source: 'case_average'
	},
	{
		key: 'case_responses',
		name: 'Case-feedback responses',
		description: 'How many internal customers answered a feedback link.',
		unit: 'responses',
		target: null,
		amber_band: 0,
		source: 'case_volume'
	}
] as const;

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('behaviour_values')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('behaviours')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('value_id', 'text', (c) => c.notNull().references('behaviour_values.id'))
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('current_version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('archived_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('behaviours_value').on('behaviours').columns(['value_id', 'position']).execute();

	await db.schema
		.createTable('behaviour_versions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('behaviour_id', 'text', (c) => c.notNull().references('behaviours.id').onDelete('cascade'))
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('anchor_1', 'text', (c) => c.notNull())
		.addColumn('anchor_2', 'text', (c) => c.notNull())
		.addColumn('anchor_3', 'text', (c) => c.notNull())
		.addColumn('anchor_4', 'text', (c) => c.notNull())
		.addColumn('anchor_5', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('behaviour_versions_number', ['behaviour_id', 'version'])
		.execute();

	await db.schema
		.createTable('observations')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('behaviour_id', 'text', (c) => c.notNull().references('behaviours.id'))
		.addColumn('behaviour_version_id', 'text', (c) => c.notNull().references('behaviour_versions.id'))
		.addColumn('level', 'integer', (c) => c.notNull())
		.addColumn('situation', 'text', (c) => c.notNull())
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('impact', 'text', (c) => c.notNull())
		.addColumn('observed_on', 'text', (c) => c.notNull())
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('author_id', 'text', (c) => c.references('people.id').onDelete('set null'))
		.addColumn('response', 'text')
		.addColumn('responded_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('observations_person').on('observations').columns(['person_id', 'observed_on']).execute();
	await db.schema
		.createIndex('observations_behaviour')
		.on('observations')
		.columns(['behaviour_id', 'observed_on'])
		.execute();
	await db.schema.createIndex('observations_author').on('observations').column('author_id').execute();

	await db.schema
		.createTable('metrics')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('key', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('direction', 'text', (c) => c.notNull())
		.addColumn('target', 'double precision')
		.addColumn('amber_band', 'double precision', (c) => c.notNull().defaultTo(0))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('period', 'text', (c) => c.notNull())
		.addColumn('rollup', 'text', (c) => c.notNull())
		.addColumn('source', 'text', (c) => c.notNull().defaultTo('values'))
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('archived_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('integrations')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_used_at', 'text')
		.addColumn('revoked_at', 'text')
		.execute();

	await db.schema
		.createTable('metric_values')
		.addColumn('metric_id', 'text', (c) => c.notNull().references('metrics.id').onDelete('cascade'))
		.addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
		.addColumn('period', 'text', (c) => c.notNull())
		.addColumn('value', 'double precision', (c) => c.notNull())
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'text', (c) => c.references('people.id').onDelete('set null'))
		.addColumn('integration_id', 'text', (c) => c.references('integrations.id').onDelete('set null'))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('metric_values_pk', ['metric_id', 'team_id', 'period'])
		.execute();
	await db.schema.createIndex('metric_values_team').on('metric_values').columns(['team_id', 'period']).execute();

	await db.schema
		.createTable('feedback_links')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('case_reference', 'text')
		.addColumn('requester_email', 'text')
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('answered_at', 'text')
		.addColumn('closed_at', 'text')
		.execute();
	await db.schema.createIndex('feedback_links_team').on('feedback_links').columns(['team_id', 'created_at']).execute();

	await db.schema
		.createTable('case_feedback')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('link_id', 'text', (c) => c.notNull().references('feedback_links.id').onDelete('cascade'))
		.addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
		.addColumn('score', 'integer', (c) => c.notNull())
		.addColumn('reasons', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('minutes_lost', 'integer')
		.addColumn('submitted_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('case_feedback_team').on('case_feedback').columns(['team_id', 'submitted_at']).execute();
	await db.schema.createIndex('case_feedback_link').on('case_feedback').column('link_id').execute();

	await db.schema
		.createTable('service_assessments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
		.addColumn('period', 'text', (c) => c.notNull())
		.addColumn('assessed_by', 'text', (c) => c.references('people.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('service_assessments_team_period', ['team_id', 'period'])
		.execute();

	await db.schema
		.createTable('service_assessment_scores')
		.addColumn('assessment_id', 'text', (c) => c.notNull().references('service_assessments.id').onDelete('cascade'))
		.addColumn('component', 'text', (c) => c.notNull())
		.addColumn('score', 'integer', (c) => c.notNull())
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.addPrimaryKeyConstraint('service_assessment_scores_pk', ['assessment_id', 'component'])
		.execute();

	// A fresh install starts with a usable framework and experience measures; ids are derived from
	// slugs so the rows are the same on every install.
	const at = '2026-11-22T22:00:00.000Z';
	for (const [vi, value] of defaultFramework.entries()) {
		const valueId = `value-${value.slug}`;
		await db
			.insertInto('behaviour_values')
			.values({
				id: valueId,
				slug: value.slug,
				name: value.name,
				description: value.description,
				position: vi,
				created_at: at
			})
			.execute();
		for (const [bi, b] of value.behaviours.entries()) {
			const behaviourId = `behaviour-${b.slug}`;
			await db
				.insertInto('behaviours')
				.values({
					id: behaviourId,
					value_id: valueId,
					slug: b.slug,
					label: b.label,
					description: b.description,
					position: bi,
					current_version: 1,
					archived_at: null,
					created_at: at
				})
				.execute();
			const [a1, a2, a3, a4, a5] = b.anchors;
			await db
				.insertInto('behaviour_versions')
				.values({
					id: `${behaviourId}-v1`,
					behaviour_id: behaviourId,
					version: 1,
					anchor_1: a1,
					anchor_2: a2,
					anchor_3: a3,
					anchor_4: a4,
					anchor_5: a5,
					created_by: null,
					created_at: at
				})
				.execute();
		}
	}
	for (const [i, m] of defaultExperienceMetrics.entries()) {
		await db
			.insertInto('metrics')
			.values({
				id: `metric-${m.key}`,
				key: m.key,
				name: m.name,
				description: m.description,
				unit: m.unit,
				direction: 'higher',
				target: m.target,
				amber_band: m.amber_band,
				kind: 'experience',
				period: 'month',
				rollup: 'mean',
				source: m.source,
				position: 100 + i,
				archived_at: null,
				created_at: at,
				updated_at: at
			})
			.execute();
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'service_assessment_scores',
		'service_assessments',
		'case_feedback',
		'feedback_links',
		'metric_values',
		'integrations',
		'metrics',
		'observations',
		'behaviour_versions',
		'behaviours',
		'behaviour_values'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
