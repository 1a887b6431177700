import type { Db } from '../db';

/** A behaviour as pickers and labels need it: active ones only unless asked otherwise. */
export interface BehaviourSummary {
	id: string;
	slug: string;
	label: string;
	description: string;
	valueName: string;
	archived: boolean;
}

export async function listBehaviours(
	database: Db,
	options: { includeArchived?: boolean } = {}
): Promise<BehaviourSummary[]> {
	let query = database
		.selectFrom('behaviours')
		.innerJoin('behaviour_values', 'behaviour_values.id', 'behaviours.value_id')
		.select([
			'behaviours.id',
			'behaviours.slug',
			'behaviours.label',
			'behaviours.description',
			'behaviours.archived_at',
			'behaviour_values.name as value_name'
		])
		.orderBy('behaviour_values.position')
		.orderBy('behaviours.position')
		.orderBy('behaviours.label');
	if (!options.includeArchived) query = query.where('behaviours.archived_at', 'is', null);
	const rows = await query.execute();
	return rows.map((r) => ({
		id: r.id,
		slug: r.slug,
		label: r.label,
		description: r.description,
		valueName: r.value_name,
		archived: r.archived_at !== null
	}));
}

/** Slug -> label for every behaviour, archived ones included, so older records keep their names. */
export async function behaviourLabels(database: Db): Promise<Map<string, string>> {
	const rows = await database.selectFrom('behaviours').select(['slug', 'label']).execute();
	return new Map(rows.map((r) => [r.slug, r.label]));
}

export async function isActiveBehaviour(database: Db, slug: string): Promise<boolean> {
	const row = await database
		.selectFrom('behaviours')
		.select('id')
		.where('slug', '=', slug)
		.where('archived_at', 'is', null)
		.executeTakeFirst();
	return row !== undefined;
}
