import { z } from 'zod';
import { recordAudit } from '../audit/log';
import type { Db } from '../db';
import { newId } from '../db/ids';
import type { Observation, ObservationSource } from '../db/schema';
import type { Scope } from '../people/rules';
import type { Actor } from '../auth/actor';
import { rejected, type ServiceResult } from '../service-result';
import {
	observationAccess,
	observationSource,
	seesAllObservationsOf,
	type ObservationAccess,
	type ObservedPerson
} from './policy';
import { observedOnProblem } from './rules';
import { anchorFor, anchorsOf, type Anchors } from './rules';

/**
 * Observations: one rating of one behaviour for one person, with situation–behaviour–impact
 * evidence. Routes call these with the signed-in person; who may do what is decided by
 * observation-rules, and every change is audited in the same transaction.
 */

export const EVIDENCE_MAX = 2000;
export const RESPONSE_MAX = 2000;

const evidence = (missing: string) =>
	z
		.string()
		.trim()
		.min(10, missing)
		.max(EVIDENCE_MAX, `Keep this under ${EVIDENCE_MAX.toLocaleString('en')} characters`);

export const observationSchema = z.object({
	behaviour: z.string().trim().min(1, 'Choose the behaviour you saw'),
	level: z.coerce
		.number('Choose the level that fits best')
		.int('Choose a level from 1 to 5')
		.min(1, 'Choose the level that fits best')
		.max(5, 'Choose a level from 1 to 5'),
	situation: evidence('Describe the situation, in a sentence or two'),
	action: evidence('Describe what they did, in a sentence or two'),
	impact: evidence('Describe the impact it had, in a sentence or two'),
	observed_on: z.string().trim().min(1, 'Enter the date you saw it')
});
export type ObservationInput = z.infer<typeof observationSchema>;

export const responseSchema = z.object({
	response: z
		.string()
		.trim()
		.min(2, 'Write your response')
		.max(RESPONSE_MAX, `Keep your response under ${RESPONSE_MAX.toLocaleString('en')} characters`)
});

// ---------------------------------------------------------------------------------------------
// People and behaviours as observations need them

export interface ObservedPersonRow extends ObservedPerson {
	name: string;
	teamName: string | null;
}

export async function observedPerson(database: Db, personId: string): Promise<ObservedPersonRow | undefined> {
	const row = await database
		.selectFrom('people')
		.leftJoin('teams', 'teams.id', 'people.team_id')
		.leftJoin('org_units', 'org_units.id', 'teams.org_unit_id')
		.select([
			'people.id',
			'people.name',
			'people.team_id',
			'people.manager_id',
			'people.active',
			'teams.name as team_name',
			'org_units.path'
		])
		.where('people.id', '=', personId)
		.executeTakeFirst();
	return (
		row && {
			personId: row.id,
			name: row.name,
			teamId: row.team_id,
			teamName: row.team_name,
			unitPath: row.path,
			managerId: row.manager_id,
			active: row.active === 1
		}
	);
}

export async function activePersonByEmail(database: Db, email: string): Promise<{ id: string } | undefined> {
	return database
		.selectFrom('people')
		.select('id')
		.where('email', '=', email.trim().toLowerCase())
		.where('active', '=', 1)
		.executeTakeFirst();
}

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

const anchorColumns = [
	'behaviour_versions.anchor_1',
	'behaviour_versions.anchor_2',
	'behaviour_versions.anchor_3',
	'behaviour_versions.anchor_4',
	'behaviour_versions.anchor_5'
] as const;

function scaleQuery(database: Db) {
	return database
		.selectFrom('behaviours')
		.innerJoin('behaviour_values', 'behaviour_values.id', 'behaviours.value_id')
		.innerJoin('behaviour_versions', 'behaviour_versions.behaviour_id', 'behaviours.id')
		.select([
			'behaviours.id',
			'behaviours.slug',
			'behaviours.label',
			'behaviours.description',
			'behaviours.archived_at',
			'behaviours.current_version',
			'behaviour_values.name as value_name',
			'behaviour_versions.id as version_id',
			'behaviour_versions.version',
			...anchorColumns
		]);
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

// ---------------------------------------------------------------------------------------------
// Reading observations

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
		.innerJoin('behaviour_values', 'behaviour_values.id', 'behaviours.value_id')
		.innerJoin('behaviour_versions', 'behaviour_versions.id', 'observations.behaviour_version_id')
		.selectAll('observations')
		.select([
			'person.name as person_name',
			'author.name as author_name',
			'behaviours.slug as behaviour_slug',
			'behaviours.label as behaviour_label',
			'behaviours.archived_at as behaviour_archived_at',
			'behaviours.current_version',
			'behaviour_values.name as value_name',
			'behaviour_versions.version',
			...anchorColumns
		]);
}

type ObservationRow = Awaited<ReturnType<ReturnType<typeof observationQuery>['executeTakeFirstOrThrow']>>;

function toView(r: ObservationRow): ObservationView {
	return {
		id: r.id,
		level: r.level,
		anchor: anchorFor(anchorsOf(r), r.level),
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

/**
 * One observation as a viewer may see it: undefined both when it does not exist and when it is out
 * of their sight, so pages answer 404 alike.
 */
export async function observationForViewer(
	database: Db,
	scope: Scope,
	id: string
): Promise<{ observation: ObservationView; access: ObservationAccess; person: ObservedPersonRow } | undefined> {
	const row = await observationQuery(database).where('observations.id', '=', id).executeTakeFirst();
	if (!row) return undefined;
	const person = await observedPerson(database, row.person_id);
	if (!person) return undefined;
	const access = observationAccess(scope, { person, authorId: row.author_id, source: row.source });
	return access.see ? { observation: toView(row), access, person } : undefined;
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

/** Whether the viewer may open the page of everything about a person (not only what they wrote). */
export async function seesObservationsOf(
	database: Db,
	scope: Scope,
	personId: string
): Promise<ObservedPersonRow | undefined> {
	const person = await observedPerson(database, personId);
	return person && seesAllObservationsOf(scope, person) ? person : undefined;
}

// ---------------------------------------------------------------------------------------------
// Writing

const snapshot = (o: Observation) => ({
	behaviour_id: o.behaviour_id,
	behaviour_version_id: o.behaviour_version_id,
	level: o.level,
	situation: o.situation,
	action: o.action,
	impact: o.impact,
	observed_on: o.observed_on
});

export async function createObservation(
	database: Db,
	author: Actor,
	personId: string,
	input: ObservationInput,
	today: string,
	now: Date
): Promise<ServiceResult<{ id: string; source: ObservationSource }>> {
	return database.transaction().execute(async (trx) => {
		const person = await observedPerson(trx, personId);
		const source = person ? observationSource(author.scope, person) : null;
		if (!person || !source) return rejected({ _form: 'This person is no longer in Ripple' });
		const scale = await currentScale(trx, input.behaviour);
		if (!scale) return rejected({ behaviour: 'Choose a behaviour from the list' });
		const dateProblem = observedOnProblem(input.observed_on, today);
		if (dateProblem) return rejected({ observed_on: dateProblem });
		const id = newId();
		const at = now.toISOString();
		await trx
			.insertInto('observations')
			.values({
				id,
				person_id: person.personId,
				behaviour_id: scale.behaviourId,
				behaviour_version_id: scale.versionId,
				level: input.level,
				situation: input.situation,
				action: input.action,
				impact: input.impact,
				observed_on: input.observed_on,
				source,
				author_id: author.id,
				response: null,
				responded_at: null,
				created_at: at,
				updated_at: at
			})
			.execute();
		await recordAudit(trx, {
			actorId: author.id,
			action: 'observation.created',
			objectType: 'observation',
			objectId: id,
			summary:
				source === 'self'
					? `Rated themselves on ${scale.label}`
					: `Recorded a ${source} observation of ${person.name} on ${scale.label}`,
			details: {
				person_id: person.personId,
				behaviour: scale.slug,
				version: scale.version,
				level: input.level,
				source,
				observed_on: input.observed_on
			},
			ip: author.ip,
			at: now
		});
		return { ok: true as const, id, source };
	});
}

async function observationWithAccess(database: Db, scope: Scope, id: string) {
	const observation = await database.selectFrom('observations').selectAll().where('id', '=', id).executeTakeFirst();
	if (!observation) return undefined;
	const person = await observedPerson(database, observation.person_id);
	if (!person) return undefined;
	return {
		observation,
		person,
		access: observationAccess(scope, { person, authorId: observation.author_id, source: observation.source })
	};
}

const GONE = { _form: 'This observation no longer exists' };

/**
 * The author changes their rating or evidence. The rating stays on the scale it was made against
 * unless they choose another behaviour, which takes that behaviour's current scale.
 */
export async function updateObservation(
	database: Db,
	author: Actor,
	id: string,
	input: ObservationInput,
	today: string,
	now: Date
): Promise<ServiceResult<object>> {
	return database.transaction().execute(async (trx) => {
		const found = await observationWithAccess(trx, author.scope, id);
		if (!found?.access.edit) return rejected(GONE);
		const before = snapshot(found.observation);
		const sameBehaviour = await trx
			.selectFrom('behaviours')
			.select('slug')
			.where('id', '=', before.behaviour_id)
			.executeTakeFirstOrThrow();
		let behaviour = { id: before.behaviour_id, versionId: before.behaviour_version_id, slug: sameBehaviour.slug };
		if (input.behaviour !== sameBehaviour.slug) {
			const scale = await currentScale(trx, input.behaviour);
			if (!scale) return rejected({ behaviour: 'Choose a behaviour from the list' });
			behaviour = { id: scale.behaviourId, versionId: scale.versionId, slug: scale.slug };
		}
		// An old observation can be corrected without re-dating it, however long ago it was.
		if (input.observed_on !== before.observed_on) {
			const dateProblem = observedOnProblem(input.observed_on, today);
			if (dateProblem) return rejected({ observed_on: dateProblem });
		}
		const after = {
			...before,
			behaviour_id: behaviour.id,
			behaviour_version_id: behaviour.versionId,
			level: input.level,
			situation: input.situation,
			action: input.action,
			impact: input.impact,
			observed_on: input.observed_on
		};
		const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
		if (!changed.length) return { ok: true as const };
		await trx
			.updateTable('observations')
			.set({ ...after, updated_at: now.toISOString() })
			.where('id', '=', id)
			.execute();
		await recordAudit(trx, {
			actorId: author.id,
			action: 'observation.updated',
			objectType: 'observation',
			objectId: id,
			summary: `Edited an observation of ${found.person.name} (${changed.join(', ')})`,
			details: {
				person_id: found.person.personId,
				before: Object.fromEntries(changed.map((k) => [k, before[k]])),
				after: Object.fromEntries(changed.map((k) => [k, after[k]]))
			},
			ip: author.ip,
			at: now
		});
		return { ok: true as const };
	});
}

/** The author or an admin removes an observation; the audit log keeps what it said. */
export async function deleteObservation(
	database: Db,
	actor: Actor,
	id: string,
	now: Date
): Promise<ServiceResult<{ personId: string }>> {
	return database.transaction().execute(async (trx) => {
		const found = await observationWithAccess(trx, actor.scope, id);
		if (!found?.access.remove) return rejected(GONE);
		const { observation } = found;
		await trx.deleteFrom('observations').where('id', '=', id).execute();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'observation.deleted',
			objectType: 'observation',
			objectId: id,
			summary: `Deleted a ${observation.source} observation of ${found.person.name}`,
			details: {
				person_id: observation.person_id,
				author_id: observation.author_id,
				source: observation.source,
				...snapshot(observation),
				response: observation.response
			},
			ip: actor.ip,
			at: now
		});
		return { ok: true as const, personId: observation.person_id };
	});
}

/** The observed person's one reply; writing again replaces it. */
export async function respondToObservation(
	database: Db,
	actor: Actor,
	id: string,
	response: string,
	now: Date
): Promise<ServiceResult<object>> {
	return database.transaction().execute(async (trx) => {
		const found = await observationWithAccess(trx, actor.scope, id);
		if (!found?.access.respond) return rejected(GONE);
		const previous = found.observation.response;
		if (previous === response) return { ok: true as const };
		// updated_at stays: it tells when the author last changed the rating, not when it was answered.
		await trx
			.updateTable('observations')
			.set({ response, responded_at: now.toISOString() })
			.where('id', '=', id)
			.execute();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'observation.responded',
			objectType: 'observation',
			objectId: id,
			summary:
				previous === null
					? 'Responded to an observation about them'
					: 'Changed their response to an observation about them',
			details: { previous, response },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const };
	});
}
