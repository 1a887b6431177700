import type { Updateable } from 'kysely';
import type { Db } from '../db';
import type { NewObservation, Observation, ObservationSource, ObservationTable } from '../db/schema';
import { anchorAtLevel, anchorTexts, behaviourTexts, textOf } from '../db/texts';
import { anchorsOf, type Anchors, type RatingSummary } from './rules';

/**
 * Repository functions for observations and the scales they are rated on. Who may see or change
 * an observation is ./policy.ts; the filters here select only what the caller has allowed.
 */

/** A behaviour with the scale that new ratings use. */
export interface ScaleView {
	behaviourId: string;
	slug: string;
	label: string;
	description: string;
	valueName: string;
	archived: boolean;
	versionId: string;
	version: number;
	current: boolean;
	anchors: Anchors;
}

const valueName = (ref = 'behaviours.value_id') => textOf('behaviour_value_texts', 'name', ref);

function scaleQuery(database: Db) {
	return database
		.selectFrom('behaviours')
		.innerJoin('behaviour_versions', 'behaviour_versions.behaviour_id', 'behaviours.id')
		.select([
			'behaviours.id',
			'behaviours.slug',
			'behaviours.archived_at',
			'behaviours.current_version',
			'behaviour_versions.id as version_id',
			'behaviour_versions.version'
		])
		.select(behaviourTexts())
		.select(valueName().as('value_name'))
		.select(anchorTexts());
}

type ScaleRow = Awaited<ReturnType<ReturnType<typeof scaleQuery>['executeTakeFirstOrThrow']>>;

function toScale(row: ScaleRow): ScaleView {
	return {
		behaviourId: row.id,
		slug: row.slug,
		label: row.label,
		description: row.description,
		valueName: row.value_name,
		archived: row.archived_at !== null,
		versionId: row.version_id,
		version: row.version,
		current: row.version === row.current_version,
		anchors: anchorsOf(row)
	};
}

/** The current scale of a behaviour by slug; archived behaviours only when asked (editing old ratings). */
export async function currentScale(
	database: Db,
	slug: string,
	options: { includeArchived?: boolean } = {}
): Promise<ScaleView | undefined> {
	let query = scaleQuery(database)
		.where('behaviours.slug', '=', slug)
		.whereRef('behaviour_versions.version', '=', 'behaviours.current_version');
	if (!options.includeArchived) query = query.where('behaviours.archived_at', 'is', null);
	const row = await query.executeTakeFirst();
	return row && toScale(row);
}

export async function scaleByVersion(database: Db, versionId: string): Promise<ScaleView | undefined> {
	const row = await scaleQuery(database).where('behaviour_versions.id', '=', versionId).executeTakeFirst();
	return row && toScale(row);
}

export interface ObservationView {
	id: string;
	level: number;
	/** The anchor of the level given, from the version the rating was made against. */
	anchor: string;
	situation: string;
	action: string;
	impact: string;
	observedOn: string;
	source: ObservationSource;
	response: string | null;
	respondedAt: string | null;
	createdAt: string;
	updatedAt: string;
	person: { id: string; name: string };
	author: { id: string; name: string } | null;
	behaviour: { id: string; slug: string; label: string; valueName: string; archived: boolean };
	version: { id: string; number: number; current: boolean };
}

function observationQuery(database: Db) {
	return database
		.selectFrom('observations')
		.innerJoin('people as person', 'person.id', 'observations.person_id')
		.leftJoin('people as author', 'author.id', 'observations.author_id')
		.innerJoin('behaviours', 'behaviours.id', 'observations.behaviour_id')
		.innerJoin('behaviour_versions', 'behaviour_versions.id', 'observations.behaviour_version_id')
		.selectAll('observations')
		.select([
			'person.name as person_name',
			'author.name as author_name',
			'behaviours.slug as behaviour_slug',
			'behaviours.archived_at as behaviour_archived_at',
			'behaviours.current_version',
			'behaviour_versions.version'
		])
		.select(textOf('behaviour_texts', 'label', 'behaviours.id').as('behaviour_label'))
		.select(valueName().as('value_name'))
		.select(anchorAtLevel('observations.behaviour_version_id', 'observations.level').as('anchor'));
}

type ObservationRow = Awaited<ReturnType<ReturnType<typeof observationQuery>['executeTakeFirstOrThrow']>>;

function toView(r: ObservationRow): ObservationView {
	return {
		id: r.id,
		level: r.level,
		anchor: r.anchor ?? '',
		situation: r.situation,
		action: r.action,
		impact: r.impact,
		observedOn: r.observed_on,
		source: r.source,
		response: r.response,
		respondedAt: r.responded_at,
		createdAt: r.created_at,
		updatedAt: r.updated_at,
		person: { id: r.person_id, name: r.person_name },
		author: r.author_id && r.author_name ? { id: r.author_id, name: r.author_name } : null,
		behaviour: {
			id: r.behaviour_id,
			slug: r.behaviour_slug,
			label: r.behaviour_label,
			valueName: r.value_name,
			archived: r.behaviour_archived_at !== null
		},
		version: { id: r.behaviour_version_id, number: r.version, current: r.version === r.current_version }
	};
}

/** One observation as pages show it, with who it is about and who wrote it. */
export async function observationViewRow(
	database: Db,
	id: string
): Promise<
	{ view: ObservationView; personId: string; authorId: string | null; source: ObservationSource } | undefined
> {
	const row = await observationQuery(database).where('observations.id', '=', id).executeTakeFirst();
	return row && { view: toView(row), personId: row.person_id, authorId: row.author_id, source: row.source };
}

export interface ObservationFilters {
	/** Observations about this person. */
	personId?: string;
	/** Observations about the team's current active members. */
	teamId?: string;
	/** Observations this person wrote. */
	authorId?: string;
	/** Leave out what this person wrote about themselves (lists of what they gave others). */
	excludeSelf?: boolean;
	behaviourId?: string;
	source?: ObservationSource;
}

/**
 * Observations, newest first. The caller has decided that the viewer may see everything the
 * filters select (a person's page, a team's evidence, one's own writing).
 */
export async function listObservations(
	database: Db,
	filters: ObservationFilters,
	page: { limit: number; offset: number }
): Promise<{ rows: ObservationView[]; total: number }> {
	let base = database.selectFrom('observations').innerJoin('people as person', 'person.id', 'observations.person_id');
	if (filters.personId) base = base.where('observations.person_id', '=', filters.personId);
	if (filters.teamId) base = base.where('person.team_id', '=', filters.teamId).where('person.active', '=', 1);
	if (filters.authorId) base = base.where('observations.author_id', '=', filters.authorId);
	if (filters.excludeSelf) base = base.where('observations.source', '!=', 'self');
	if (filters.behaviourId) base = base.where('observations.behaviour_id', '=', filters.behaviourId);
	if (filters.source) base = base.where('observations.source', '=', filters.source);
	const [ids, count] = await Promise.all([
		base
			.select('observations.id')
			.orderBy('observations.observed_on', 'desc')
			.orderBy('observations.created_at', 'desc')
			.orderBy('observations.id')
			.limit(page.limit)
			.offset(page.offset)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	const rows = ids.length
		? await observationQuery(database)
				.where(
					'observations.id',
					'in',
					ids.map((r) => r.id)
				)
				.execute()
		: [];
	const byId = new Map(rows.map((r) => [r.id, toView(r)]));
	return { rows: ids.flatMap((r) => byId.get(r.id) ?? []), total: Number(count.n) };
}

export async function getObservation(database: Db, id: string): Promise<Observation | undefined> {
	return database.selectFrom('observations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertObservation(database: Db, observation: NewObservation): Promise<void> {
	await database.insertInto('observations').values(observation).execute();
}

export async function updateObservationRow(
	database: Db,
	id: string,
	patch: Updateable<ObservationTable>
): Promise<void> {
	await database.updateTable('observations').set(patch).where('id', '=', id).execute();
}

export async function deleteObservationRow(database: Db, id: string): Promise<void> {
	await database.deleteFrom('observations').where('id', '=', id).execute();
}

export async function behaviourSlugOf(database: Db, behaviourId: string): Promise<string> {
	const row = await database
		.selectFrom('behaviours')
		.select('slug')
		.where('id', '=', behaviourId)
		.executeTakeFirstOrThrow();
	return row.slug;
}

/** Behaviour id -> a person's ratings given by themselves, or by everyone else. */
export async function personRatingsByBehaviour(
	database: Db,
	personId: string,
	from: 'self' | 'others'
): Promise<Map<string, RatingSummary>> {
	const rows = await database
		.selectFrom('observations')
		.select((eb) => [
			'observations.behaviour_id',
			eb.fn.avg<number>('observations.level').as('average'),
			eb.fn.countAll<number>().as('count'),
			eb.fn.count<number>('observations.author_id').distinct().as('raters')
		])
		.where('observations.person_id', '=', personId)
		.where('observations.source', from === 'self' ? '=' : '!=', 'self')
		.groupBy('observations.behaviour_id')
		.execute();
	return new Map(
		rows.map((r) => [r.behaviour_id, { average: Number(r.average), count: Number(r.count), raters: Number(r.raters) }])
	);
}

/** The given behaviours with their value's name, in framework order. */
export async function behavioursInOrder(database: Db, behaviourIds: readonly string[]) {
	return database
		.selectFrom('behaviours')
		.innerJoin('behaviour_values', 'behaviour_values.id', 'behaviours.value_id')
		.select(['behaviours.id', 'behaviours.slug'])
		.select(textOf('behaviour_texts', 'label', 'behaviours.id').as('label'))
		.select(valueName().as('value_name'))
		.where('behaviours.id', 'in', behaviourIds)
		.orderBy('behaviour_values.position')
		.orderBy('behaviours.position')
		.execute();
}

/**
 * One grouped pass over observations about the given teams' current active members with
 * observed_on in [from, to), self-ratings left out: per team and behaviour, the average level,
 * count and distinct raters. The (person_id, observed_on) index serves it person by person.
 */
export async function teamRatingGroups(database: Db, teamIds: readonly string[], range: { from: string; to: string }) {
	return database
		.selectFrom('observations')
		.innerJoin('people', 'people.id', 'observations.person_id')
		.select((eb) => [
			'people.team_id',
			'observations.behaviour_id',
			eb.fn.avg<number>('observations.level').as('average'),
			eb.fn.countAll<number>().as('observations'),
			eb.fn.count<number>('observations.author_id').distinct().as('raters')
		])
		.where('people.team_id', 'in', teamIds)
		.where('people.active', '=', 1)
		.where('observations.source', '!=', 'self')
		.where('observations.observed_on', '>=', range.from)
		.where('observations.observed_on', '<', range.to)
		.groupBy(['people.team_id', 'observations.behaviour_id'])
		.execute();
}

/**
 * Observations about a person, written since `since` by someone else, that they have not answered:
 * what waits for their response on their home page.
 */
export async function observationsAwaitingResponse(database: Db, personId: string, since: string) {
	return database
		.selectFrom('observations')
		.innerJoin('behaviours', 'behaviours.id', 'observations.behaviour_id')
		.leftJoin('people as author', 'author.id', 'observations.author_id')
		.select(['observations.id', 'observations.created_at', 'observations.source', 'author.name as author_name'])
		.select(textOf('behaviour_texts', 'label', 'behaviours.id').as('behaviour_name'))
		.where('observations.person_id', '=', personId)
		.where('observations.source', '!=', 'self')
		.where('observations.response', 'is', null)
		.where('observations.created_at', '>=', since)
		.orderBy('observations.created_at', 'desc')
		.limit(20)
		.execute();
}
