import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db';
import type {
	Behaviour,
	BehaviourTable,
	BehaviourValue,
	BehaviourValueTable,
	BehaviourVersion,
	BehaviourVersionTable
} from '../db/schema';
import type { Anchors } from './rules';

/**
 * Repository functions for the behaviour framework: values, behaviours, the versions of their
 * scales, and the counts of observations resting on them. Who may change what is decided elsewhere.
 */

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

// ---------------------------------------------------------------------------------------------
// The framework as admins edit it: values, behaviours and their versioned scales

/** Every value, in framework order. */
export async function listValues(database: Db): Promise<BehaviourValue[]> {
	return database.selectFrom('behaviour_values').selectAll().orderBy('position').orderBy('name').execute();
}

export async function getValue(database: Db, id: string): Promise<BehaviourValue | undefined> {
	return database.selectFrom('behaviour_values').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The values, in order, for choosing where a behaviour belongs. */
export async function valueChoices(database: Db): Promise<{ id: string; name: string }[]> {
	return database.selectFrom('behaviour_values').select(['id', 'name']).orderBy('position').orderBy('name').execute();
}

/** Another value than `exceptId` with this name, ignoring case. */
export async function otherValueNamed(database: Db, name: string, exceptId: string) {
	return database
		.selectFrom('behaviour_values')
		.select('id')
		.where('id', '!=', exceptId)
		.where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
		.executeTakeFirst();
}

export async function insertValue(database: Db, value: Insertable<BehaviourValueTable>): Promise<void> {
	await database.insertInto('behaviour_values').values(value).execute();
}

export async function updateValueRow(database: Db, id: string, patch: Updateable<BehaviourValueTable>): Promise<void> {
	await database.updateTable('behaviour_values').set(patch).where('id', '=', id).execute();
}

/** Renumbers the values so they stand in this order. */
export async function setValueOrder(database: Db, orderedIds: readonly string[]): Promise<void> {
	for (const [position, id] of orderedIds.entries()) {
		await database.updateTable('behaviour_values').set({ position }).where('id', '=', id).execute();
	}
}

export async function deleteValueRow(database: Db, id: string): Promise<void> {
	await database.deleteFrom('behaviour_values').where('id', '=', id).execute();
}

/** How many behaviours, archived ones included, sit under a value. */
export async function countBehavioursOfValue(database: Db, valueId: string): Promise<number> {
	const row = await database
		.selectFrom('behaviours')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('value_id', '=', valueId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Every behaviour, archived ones too, in position order within its value. */
export async function listAllBehaviours(database: Db): Promise<Behaviour[]> {
	return database.selectFrom('behaviours').selectAll().orderBy('position').orderBy('label').execute();
}

export async function getBehaviour(database: Db, id: string): Promise<Behaviour | undefined> {
	return database.selectFrom('behaviours').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A behaviour with the name of the value it sits under. */
export async function getBehaviourWithValue(database: Db, id: string) {
	return database
		.selectFrom('behaviours')
		.innerJoin('behaviour_values', 'behaviour_values.id', 'behaviours.value_id')
		.selectAll('behaviours')
		.select('behaviour_values.name as value_name')
		.where('behaviours.id', '=', id)
		.executeTakeFirst();
}

/** Every behaviour's slug, archived ones included: slugs are never reused. */
export async function behaviourSlugs(database: Db): Promise<Set<string>> {
	const rows = await database.selectFrom('behaviours').select('slug').execute();
	return new Set(rows.map((b) => b.slug));
}

/** The ids of a value's behaviours, in order. */
export async function behaviourOrderOfValue(database: Db, valueId: string): Promise<string[]> {
	const rows = await database
		.selectFrom('behaviours')
		.select('id')
		.where('value_id', '=', valueId)
		.orderBy('position')
		.orderBy('label')
		.execute();
	return rows.map((b) => b.id);
}

/** The position after the last behaviour of a value (0 for an empty one). */
export async function nextBehaviourPosition(database: Db, valueId: string): Promise<number> {
	const row = await database
		.selectFrom('behaviours')
		.select((eb) => eb.fn.max('position').as('p'))
		.where('value_id', '=', valueId)
		.executeTakeFirst();
	return row?.p === null || row?.p === undefined ? 0 : Number(row.p) + 1;
}

export async function insertBehaviour(database: Db, behaviour: Insertable<BehaviourTable>): Promise<void> {
	await database.insertInto('behaviours').values(behaviour).execute();
}

export async function updateBehaviourRow(database: Db, id: string, patch: Updateable<BehaviourTable>): Promise<void> {
	await database.updateTable('behaviours').set(patch).where('id', '=', id).execute();
}

/** Renumbers behaviours so they stand in this order. */
export async function setBehaviourOrder(database: Db, orderedIds: readonly string[]): Promise<void> {
	for (const [position, id] of orderedIds.entries()) {
		await database.updateTable('behaviours').set({ position }).where('id', '=', id).execute();
	}
}

/** Every version of a behaviour's scale, newest first, with who wrote it. */
export async function versionsOf(database: Db, behaviourId: string) {
	return database
		.selectFrom('behaviour_versions')
		.leftJoin('people', 'people.id', 'behaviour_versions.created_by')
		.selectAll('behaviour_versions')
		.select('people.name as created_by_name')
		.where('behaviour_versions.behaviour_id', '=', behaviourId)
		.orderBy('behaviour_versions.version', 'desc')
		.execute();
}

export async function getVersion(database: Db, behaviourId: string, version: number): Promise<BehaviourVersion> {
	return database
		.selectFrom('behaviour_versions')
		.selectAll()
		.where('behaviour_id', '=', behaviourId)
		.where('version', '=', version)
		.executeTakeFirstOrThrow();
}

/** The highest version number a behaviour's scale has reached. */
export async function latestVersionNumber(database: Db, behaviourId: string): Promise<number> {
	const row = await database
		.selectFrom('behaviour_versions')
		.select((eb) => eb.fn.max('version').as('v'))
		.where('behaviour_id', '=', behaviourId)
		.executeTakeFirstOrThrow();
	return Number(row.v);
}

export async function insertVersion(database: Db, version: Insertable<BehaviourVersionTable>): Promise<void> {
	await database.insertInto('behaviour_versions').values(version).execute();
}

/** Rewrites the anchors of a version nobody has been rated against yet. */
export async function correctVersionAnchors(database: Db, versionId: string, anchors: Anchors): Promise<void> {
	const [anchor_1, anchor_2, anchor_3, anchor_4, anchor_5] = anchors;
	await database
		.updateTable('behaviour_versions')
		.set({ anchor_1, anchor_2, anchor_3, anchor_4, anchor_5 })
		.where('id', '=', versionId)
		.execute();
}

/** Behaviour id -> how many observations rate it. */
export async function observationCountsByBehaviour(database: Db): Promise<Map<string, number>> {
	const rows = await database
		.selectFrom('observations')
		.select(['behaviour_id', (eb) => eb.fn.countAll<number>().as('n')])
		.groupBy('behaviour_id')
		.execute();
	return new Map(rows.map((c) => [c.behaviour_id, Number(c.n)]));
}

/** Version id -> how many observations of this behaviour were rated on it. */
export async function observationCountsByVersion(database: Db, behaviourId: string): Promise<Map<string, number>> {
	const rows = await database
		.selectFrom('observations')
		.select(['behaviour_version_id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('behaviour_id', '=', behaviourId)
		.groupBy('behaviour_version_id')
		.execute();
	return new Map(rows.map((c) => [c.behaviour_version_id, Number(c.n)]));
}

/** How many observations were rated on one version of a scale. */
export async function countObservationsOnVersion(database: Db, versionId: string): Promise<number> {
	const row = await database
		.selectFrom('observations')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('behaviour_version_id', '=', versionId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
