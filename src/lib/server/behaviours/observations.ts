import { z } from 'zod';
import { recordAudit } from '../audit/log';
import type { Db } from '../db';
import { newId } from '../db/ids';
import type { Observation, ObservationSource } from '../db/schema';
import type { Scope } from '../people/rules';
import type { Actor } from '../auth/actor';
import { refuse, type MessageKey, type ServiceResult } from '../service-result';
import { formatInteger } from '../../intl';
import { m } from '../../paraglide/messages.js';
import {
	observationAccess,
	observationSource,
	seesAllObservationsOf,
	type ObservationAccess,
	type ObservedPerson
} from './policy';
import { contactsOf, getPersonDetail, findPersonByEmail } from '../people/directory';
import { notify } from '../notifications/notify';
import { behaviourLabelsByLocale } from './directory';
import {
	behaviourSlugOf,
	currentScale,
	deleteObservationRow,
	getObservation,
	insertObservation,
	observationViewRow,
	scaleByVersion as versionScale,
	updateObservationRow,
	type ObservationView
} from './observation-queries';
import { auditSummary } from './audit-summary';
import { observedOnProblem } from './rules';

/**
 * Observations: one rating of one behaviour for one person, with situation–behaviour–impact
 * evidence. Routes call these with the signed-in person; who may do what is decided by
 * observation-rules, and every change is audited in the same transaction.
 */

export const EVIDENCE_MAX = 2000;
export const RESPONSE_MAX = 2000;

const evidence = (missing: () => string) =>
	z
		.string()
		.trim()
		.min(10, { error: missing })
		.max(EVIDENCE_MAX, { error: () => m.growth_evidence_too_long({ max: formatInteger(EVIDENCE_MAX) }) });

export const observationSchema = z.object({
	behaviour: z
		.string()
		.trim()
		.min(1, { error: () => m.growth_behaviour_required() }),
	level: z.coerce
		.number({ error: () => m.growth_level_required() })
		.int({ error: () => m.growth_level_range() })
		.min(1, { error: () => m.growth_level_required() })
		.max(5, { error: () => m.growth_level_range() }),
	situation: evidence(() => m.growth_situation_required()),
	action: evidence(() => m.growth_action_required()),
	impact: evidence(() => m.growth_impact_required()),
	observed_on: z
		.string()
		.trim()
		.min(1, { error: () => m.growth_observed_on_required() })
});
export type ObservationInput = z.infer<typeof observationSchema>;

export const responseSchema = z.object({
	response: z
		.string()
		.trim()
		.min(2, { error: () => m.growth_response_required() })
		.max(RESPONSE_MAX, { error: () => m.growth_response_too_long({ max: formatInteger(RESPONSE_MAX) }) })
});

// ---------------------------------------------------------------------------------------------
// People and behaviours as observations need them

export interface ObservedPersonRow extends ObservedPerson {
	name: string;
	teamName: string | null;
}

export async function observedPerson(database: Db, personId: string): Promise<ObservedPersonRow | undefined> {
	const person = await getPersonDetail(database, personId);
	return (
		person && {
			personId: person.id,
			name: person.name,
			teamId: person.team_id,
			teamName: person.team_name,
			unitPath: person.unit_path,
			managerId: person.manager_id,
			active: person.active === 1
		}
	);
}

export async function activePersonByEmail(database: Db, email: string): Promise<{ id: string } | undefined> {
	const person = await findPersonByEmail(database, email);
	return person?.active === 1 ? { id: person.id } : undefined;
}

export {
	currentScale,
	listObservations,
	observationsAwaitingResponse,
	scaleByVersion,
	type ObservationFilters,
	type ObservationView,
	type ScaleView
} from './observation-queries';

// ---------------------------------------------------------------------------------------------
// Reading observations

/**
 * One observation as a viewer may see it: undefined both when it does not exist and when it is out
 * of their sight, so pages answer 404 alike.
 */
export async function observationForViewer(
	database: Db,
	scope: Scope,
	id: string
): Promise<{ observation: ObservationView; access: ObservationAccess; person: ObservedPersonRow } | undefined> {
	const row = await observationViewRow(database, id);
	if (!row) return undefined;
	const person = await observedPerson(database, row.personId);
	if (!person) return undefined;
	const access = observationAccess(scope, { person, authorId: row.authorId, source: row.source });
	return access.see ? { observation: row.view, access, person } : undefined;
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
		if (!person || !source) return refuse('_form', 'growth_person_gone');
		const scale = await currentScale(trx, input.behaviour);
		if (!scale) return refuse('behaviour', 'growth_behaviour_not_in_list');
		const dateProblem = observedOnProblem(input.observed_on, today);
		if (dateProblem) return refuse('observed_on', dateProblem.code, dateProblem.params);
		const id = newId();
		const at = now.toISOString();
		await insertObservation(trx, {
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
		});
		await recordAudit(trx, {
			actorId: author.id,
			action: 'observation.created',
			objectType: 'observation',
			objectId: id,
			summary:
				source === 'self'
					? auditSummary('growth_audit_self_rated', { behaviour: scale.label })
					: auditSummary(
							source === 'manager'
								? 'growth_audit_manager_observation_recorded'
								: 'growth_audit_peer_observation_recorded',
							{ name: person.name, behaviour: scale.label }
						),
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
		// The person hears of what was written about them (a self-rating is their own news).
		if (source !== 'self') {
			const [writer] = await contactsOf(trx, [author.id]);
			await notify(
				trx,
				[
					{
						to: person.personId,
						kind: 'measure.observation_recorded',
						subject: { type: 'observation', id },
						href: `/observations/${id}`,
						params: {
							author: writer?.name ?? '',
							source,
							behaviour: (await behaviourLabelsByLocale(trx, scale.slug)) ?? { en: scale.label }
						}
					}
				],
				now
			);
		}
		return { ok: true as const, id, source };
	});
}

async function observationWithAccess(database: Db, scope: Scope, id: string) {
	const observation = await getObservation(database, id);
	if (!observation) return undefined;
	const person = await observedPerson(database, observation.person_id);
	if (!person) return undefined;
	return {
		observation,
		person,
		access: observationAccess(scope, { person, authorId: observation.author_id, source: observation.source })
	};
}

const gone = () => refuse('_form', 'growth_observation_gone');

/**
 * The author changes their rating or evidence. The rating stays on the scale it was made against
 * unless they choose another behaviour, which takes that behaviour's current scale.
 */
/** The fields of an observation as its edit summary names them, in each reader's language. */
const fieldLabels = {
	behaviour_id: 'growth_behaviour',
	level: 'growth_level',
	situation: 'growth_situation',
	action: 'growth_action',
	impact: 'growth_impact',
	observed_on: 'growth_observed_on'
} as const;

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
		if (!found?.access.edit) return gone();
		const before = snapshot(found.observation);
		const sameSlug = await behaviourSlugOf(trx, before.behaviour_id);
		let behaviour = { id: before.behaviour_id, versionId: before.behaviour_version_id, slug: sameSlug };
		if (input.behaviour !== sameSlug) {
			const scale = await currentScale(trx, input.behaviour);
			if (!scale) return refuse('behaviour', 'growth_behaviour_not_in_list');
			behaviour = { id: scale.behaviourId, versionId: scale.versionId, slug: scale.slug };
		}
		// An old observation can be corrected without re-dating it, however long ago it was.
		if (input.observed_on !== before.observed_on) {
			const dateProblem = observedOnProblem(input.observed_on, today);
			if (dateProblem) return refuse('observed_on', dateProblem.code, dateProblem.params);
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
		await updateObservationRow(trx, id, { ...after, updated_at: now.toISOString() });
		await recordAudit(trx, {
			actorId: author.id,
			action: 'observation.updated',
			objectType: 'observation',
			objectId: id,
			summary: auditSummary('growth_audit_observation_edited', {
				name: found.person.name,
				fields: changed.flatMap((k) => (k in fieldLabels ? [{ code: fieldLabels[k as keyof typeof fieldLabels] }] : []))
			}),
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

const deletedSummary = {
	manager: 'growth_audit_manager_observation_deleted',
	peer: 'growth_audit_peer_observation_deleted',
	self: 'growth_audit_self_observation_deleted'
} as const satisfies Record<ObservationSource, MessageKey>;

/** The author or an admin removes an observation; the audit log keeps what it said. */
export async function deleteObservation(
	database: Db,
	actor: Actor,
	id: string,
	now: Date
): Promise<ServiceResult<{ personId: string }>> {
	return database.transaction().execute(async (trx) => {
		const found = await observationWithAccess(trx, actor.scope, id);
		if (!found?.access.remove) return gone();
		const { observation } = found;
		await deleteObservationRow(trx, id);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'observation.deleted',
			objectType: 'observation',
			objectId: id,
			summary: auditSummary(deletedSummary[observation.source], { name: found.person.name }),
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
		if (!found?.access.respond) return gone();
		const previous = found.observation.response;
		if (previous === response) return { ok: true as const };
		// updated_at stays: it tells when the author last changed the rating, not when it was answered.
		await updateObservationRow(trx, id, { response, responded_at: now.toISOString() });
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'observation.responded',
			objectType: 'observation',
			objectId: id,
			summary:
				previous === null ? auditSummary('growth_audit_responded') : auditSummary('growth_audit_response_changed'),
			details: { previous, response },
			ip: actor.ip,
			at: now
		});
		const observation = found.observation;
		if (previous === null && observation.author_id && observation.author_id !== actor.id) {
			const scale = await versionScale(trx, observation.behaviour_version_id);
			await notify(
				trx,
				[
					{
						to: observation.author_id,
						kind: 'measure.observation_response',
						subject: { type: 'observation', id },
						href: `/observations/${id}`,
						params: {
							person: found.person.name,
							behaviour: (scale && (await behaviourLabelsByLocale(trx, scale.slug))) ?? { en: scale?.label ?? '' }
						}
					}
				],
				now
			);
		}
		return { ok: true as const };
	});
}
