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
import type { Locale } from '../../i18n/locales';
import { anchorTexts, behaviourTexts, textOf, valueTexts } from '../db/texts';
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
		.select(['behaviours.id', 'behaviours.slug', 'behaviours.archived_at'])
		.select(behaviourTexts())
		.select(textOf('behaviour_value_texts', 'name', 'behaviour_values.id').as('value_name'))
		.orderBy('behaviour_values.position')
		.orderBy('behaviours.position')
		.orderBy('label');
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
	const rows = await database.selectFrom('behaviours').select('slug').select(behaviourTexts()).execute();
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

/** Every value, in framework order, in the reader's language. */
export async function listValues(database: Db, locale?: Locale): Promise<BehaviourValue[]> {
	return database
		.selectFrom('behaviour_values')
		.selectAll()
		.select(valueTexts(undefined, locale))
		.orderBy('position')
		.orderBy('name')
		.execute();
}

export async function getValue(database: Db, id: string, locale?: Locale): Promise<BehaviourValue | undefined> {
	return database
		.selectFrom('behaviour_values')
		.selectAll()
		.select(valueTexts(undefined, locale))
		.where('id', '=', id)
		.executeTakeFirst();
}

/** The values, in order, for choosing where a behaviour belongs. */
export async function valueChoices(database: Db, locale?: Locale): Promise<{ id: string; name: string }[]> {
	return database
		.selectFrom('behaviour_values')
		.select('id')
		.select(textOf('behaviour_value_texts', 'name', 'behaviour_values.id', locale).as('name'))
		.orderBy('position')
		.orderBy('name')
		.execute();
}

/** Another value than `exceptId` with this name in this language, ignoring case. */
export async function otherValueNamed(database: Db, name: string, locale: Locale, exceptId: string | null) {
	let query = database
		.selectFrom('behaviour_value_texts')
		.select('value_id')
		.where('locale', '=', locale)
		.where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
	if (exceptId) query = query.where('value_id', '!=', exceptId);
	return query.executeTakeFirst();
}

export async function insertValue(database: Db, value: Insertable<BehaviourValueTable>): Promise<void> {
	await database.insertInto('behaviour_values').values(value).execute();
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
export async function listAllBehaviours(database: Db, locale?: Locale): Promise<Behaviour[]> {
	return database
		.selectFrom('behaviours')
		.selectAll()
		.select(behaviourTexts(undefined, locale))
		.orderBy('position')
		.orderBy('label')
		.execute();
}

export async function getBehaviour(database: Db, id: string): Promise<Behaviour | undefined> {
	return database.selectFrom('behaviours').selectAll().select(behaviourTexts()).where('id', '=', id).executeTakeFirst();
}

/** A behaviour with the name of the value it sits under. */
export async function getBehaviourWithValue(database: Db, id: string, locale?: Locale) {
	return database
		.selectFrom('behaviours')
		.selectAll('behaviours')
		.select(behaviourTexts(undefined, locale))
		.select(textOf('behaviour_value_texts', 'name', 'behaviours.value_id', locale).as('value_name'))
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
		.orderBy(textOf('behaviour_texts', 'label', 'behaviours.id'))
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
export async function versionsOf(database: Db, behaviourId: string, locale?: Locale) {
	return database
		.selectFrom('behaviour_versions')
		.leftJoin('people', 'people.id', 'behaviour_versions.created_by')
		.selectAll('behaviour_versions')
		.select(anchorTexts(undefined, locale))
		.select('people.name as created_by_name')
		.where('behaviour_versions.behaviour_id', '=', behaviourId)
		.orderBy('behaviour_versions.version', 'desc')
		.execute();
}

export async function getVersion(database: Db, behaviourId: string, version: number): Promise<BehaviourVersion> {
	return database
		.selectFrom('behaviour_versions')
		.selectAll()
		.select(anchorTexts())
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

// ---------------------------------------------------------------------------------------------
// Texts per language: what admins write, one row per language

export async function saveValueText(
	database: Db,
	valueId: string,
	locale: Locale,
	text: { name: string; description: string }
): Promise<void> {
	await database
		.insertInto('behaviour_value_texts')
		.values({ value_id: valueId, locale, ...text })
		.onConflict((oc) => oc.columns(['value_id', 'locale']).doUpdateSet(text))
		.execute();
}

export async function saveBehaviourText(
	database: Db,
	behaviourId: string,
	locale: Locale,
	text: { label: string; description: string }
): Promise<void> {
	await database
		.insertInto('behaviour_texts')
		.values({ behaviour_id: behaviourId, locale, ...text })
		.onConflict((oc) => oc.columns(['behaviour_id', 'locale']).doUpdateSet(text))
		.execute();
}

/** Writes a scale's level descriptions in one language: a new version's, a correction or a translation. */
export async function saveVersionAnchors(
	database: Db,
	versionId: string,
	locale: Locale,
	anchors: Anchors
): Promise<void> {
	const [anchor_1, anchor_2, anchor_3, anchor_4, anchor_5] = anchors;
	const text = { anchor_1, anchor_2, anchor_3, anchor_4, anchor_5 };
	await database
		.insertInto('behaviour_version_texts')
		.values({ version_id: versionId, locale, ...text })
		.onConflict((oc) => oc.columns(['version_id', 'locale']).doUpdateSet(text))
		.execute();
}

/** A value's texts in one language exactly (no fallback), or undefined when it has none yet. */
export async function valueTextIn(database: Db, valueId: string, locale: Locale) {
	return database
		.selectFrom('behaviour_value_texts')
		.select(['name', 'description'])
		.where('value_id', '=', valueId)
		.where('locale', '=', locale)
		.executeTakeFirst();
}

export async function behaviourTextIn(database: Db, behaviourId: string, locale: Locale) {
	return database
		.selectFrom('behaviour_texts')
		.select(['label', 'description'])
		.where('behaviour_id', '=', behaviourId)
		.where('locale', '=', locale)
		.executeTakeFirst();
}

export async function versionAnchorsIn(database: Db, versionId: string, locale: Locale) {
	return database
		.selectFrom('behaviour_version_texts')
		.select(['anchor_1', 'anchor_2', 'anchor_3', 'anchor_4', 'anchor_5'])
		.where('version_id', '=', versionId)
		.where('locale', '=', locale)
		.executeTakeFirst();
}

/** Which languages each value, behaviour and current scale has texts in, for the admin's overview. */
export async function frameworkLanguages(database: Db) {
	const [values, behaviours, scales] = await Promise.all([
		database.selectFrom('behaviour_value_texts').select(['value_id as id', 'locale']).execute(),
		database.selectFrom('behaviour_texts').select(['behaviour_id as id', 'locale']).execute(),
		database
			.selectFrom('behaviour_version_texts')
			.innerJoin('behaviour_versions', 'behaviour_versions.id', 'behaviour_version_texts.version_id')
			.innerJoin('behaviours', (join) =>
				join
					.onRef('behaviours.id', '=', 'behaviour_versions.behaviour_id')
					.onRef('behaviours.current_version', '=', 'behaviour_versions.version')
			)
			.select(['behaviours.id as id', 'behaviour_version_texts.locale'])
			.execute()
	]);
	const group = (rows: { id: string; locale: string }[]) => {
		const byId = new Map<string, Set<string>>();
		for (const r of rows) byId.set(r.id, (byId.get(r.id) ?? new Set()).add(r.locale));
		return byId;
	};
	return { values: group(values), behaviours: group(behaviours), scales: group(scales) };
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
