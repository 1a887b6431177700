import { z } from 'zod';
import { recordAudit } from '../audit/log';
import type { Db } from '../db';
import { newId } from '../db/ids';
import type { Actor } from '../auth/actor';
import { refuse, type ServiceResult } from '../service-result';
import { formatInteger } from '../../intl';
import { m } from '../../paraglide/messages.js';
import { auditSummary } from './audit-summary';
import { isLocale, type Locale } from '../../i18n/locales';
import { defaultLocale, languageInText } from '../org/settings';
import { modulesByBehaviour, type BuildingModule } from './modules';
import {
	behaviourOrderOfValue,
	behaviourSlugs,
	countBehavioursOfValue,
	countObservationsOnVersion,
	deleteValueRow,
	getBehaviour,
	getBehaviourWithValue,
	getValue,
	getVersion,
	insertBehaviour,
	insertValue,
	insertVersion,
	latestVersionNumber,
	listAllBehaviours,
	listValues,
	nextBehaviourPosition,
	observationCountsByBehaviour,
	observationCountsByVersion,
	otherValueNamed,
	behaviourTextIn,
	frameworkLanguages,
	saveBehaviourText,
	saveValueText,
	saveVersionAnchors,
	valueTextIn,
	versionAnchorsIn,
	setBehaviourOrder,
	setValueOrder,
	updateBehaviourRow,
	versionsOf
} from './queries';
import { anchorChangeIn, anchorsOf, moveItem, slugFrom, uniqueSlug, type AnchorChange, type Anchors } from './rules';

/**
 * The behaviour framework as admins edit it: company values and the behaviours under them, with
 * their versioned anchored scales. Every change is written to the audit log in its transaction.
 */

const tooLong = (max: number, message: (inputs: { max: string }) => string) =>
	({ error: () => message({ max: formatInteger(max) }) }) as const;

/** The language a form's texts are written in (a hidden field: only a tampered form gets it wrong). */
const language = z.string().refine(isLocale, { error: () => m.org_language_invalid() });

export const valueSchema = z.object({
	language,
	name: z
		.string()
		.trim()
		.min(2, { error: () => m.growth_value_name_required() })
		.max(80, tooLong(80, m.growth_name_too_long)),
	description: z.string().trim().max(500, tooLong(500, m.growth_description_too_long))
});
export type ValueInput = z.infer<typeof valueSchema>;

const anchor = (level: number) =>
	z
		.string()
		.trim()
		.min(10, { error: () => m.growth_anchor_required({ level }) })
		.max(500, { error: () => m.growth_anchor_too_long({ level, max: formatInteger(500) }) });

export const behaviourSchema = z.object({
	language,
	label: z
		.string()
		.trim()
		.min(3, { error: () => m.growth_behaviour_name_required() })
		.max(100, tooLong(100, m.growth_name_too_long)),
	description: z.string().trim().max(500, tooLong(500, m.growth_description_too_long)),
	value_id: z.string().min(1, { error: () => m.growth_value_choice_required() }),
	anchor_1: anchor(1),
	anchor_2: anchor(2),
	anchor_3: anchor(3),
	anchor_4: anchor(4),
	anchor_5: anchor(5)
});
export type BehaviourInput = z.infer<typeof behaviourSchema>;

export type Direction = 'up' | 'down';

/** Moving a value or behaviour one place up or down; anything else means down. */
export const directionSchema = z.object({ direction: z.enum(['up', 'down']).catch('down') });

const inputAnchors = (input: BehaviourInput): Anchors => [
	input.anchor_1,
	input.anchor_2,
	input.anchor_3,
	input.anchor_4,
	input.anchor_5
];

// ---------------------------------------------------------------------------------------------
// Reading

export interface FrameworkBehaviour {
	id: string;
	slug: string;
	label: string;
	description: string;
	currentVersion: number;
	archived: boolean;
	observations: number;
	modules: BuildingModule[];
	/** The languages its label and current scale are both written in. */
	languages: Locale[];
}

export interface FrameworkValue {
	id: string;
	slug: string;
	name: string;
	description: string;
	/** The languages its name is written in. */
	languages: Locale[];
	behaviours: FrameworkBehaviour[];
}

/**
 * Every value in order with all its behaviours (archived ones too), their use and their modules,
 * worded in `locale` where written (else as its readers would get them) and the languages each is written in.
 */
export async function frameworkOverview(database: Db, locale: Locale): Promise<FrameworkValue[]> {
	const [values, behaviours, observed, written] = await Promise.all([
		listValues(database, locale),
		listAllBehaviours(database, locale),
		observationCountsByBehaviour(database),
		frameworkLanguages(database)
	]);
	const modules = modulesByBehaviour();
	const languagesOf = (...sets: (Set<string> | undefined)[]): Locale[] =>
		[...(sets[0] ?? [])].filter((l): l is Locale => isLocale(l) && sets.every((set) => set?.has(l)));
	return values.map((v) => ({
		id: v.id,
		slug: v.slug,
		name: v.name,
		description: v.description,
		languages: languagesOf(written.values.get(v.id)),
		behaviours: behaviours
			.filter((b) => b.value_id === v.id)
			.map((b) => ({
				id: b.id,
				slug: b.slug,
				label: b.label,
				description: b.description,
				currentVersion: b.current_version,
				archived: b.archived_at !== null,
				observations: observed.get(b.id) ?? 0,
				modules: modules.get(b.slug) ?? [],
				languages: languagesOf(written.behaviours.get(b.id), written.scales.get(b.id))
			}))
	}));
}

export interface VersionView {
	id: string;
	version: number;
	anchors: Anchors;
	createdAt: string;
	createdBy: string | null;
	observations: number;
}

/**
 * One behaviour with every version of its scale (newest first) and how many ratings rest on each,
 * worded for `locale`, and its texts written in `locale` exactly (null where none are yet) for editing.
 */
export async function behaviourDetail(database: Db, id: string, locale: Locale) {
	const behaviour = await getBehaviourWithValue(database, id, locale);
	if (!behaviour) return undefined;
	const [versions, observed, written, organisationLocale] = await Promise.all([
		versionsOf(database, id, locale),
		observationCountsByVersion(database, id),
		behaviourTextIn(database, id, locale),
		defaultLocale(database)
	]);
	const current = versions.find((v) => v.version === behaviour.current_version);
	const writtenAnchors = current ? await versionAnchorsIn(database, current.id, locale) : undefined;
	const languages = await frameworkLanguages(database);
	return {
		behaviour: {
			id: behaviour.id,
			slug: behaviour.slug,
			label: behaviour.label,
			description: behaviour.description,
			valueId: behaviour.value_id,
			valueName: behaviour.value_name,
			currentVersion: behaviour.current_version,
			archived: behaviour.archived_at !== null,
			archivedAt: behaviour.archived_at
		},
		versions: versions.map((v): VersionView => ({
			id: v.id,
			version: v.version,
			anchors: anchorsOf(v),
			createdAt: v.created_at,
			createdBy: v.created_by_name,
			observations: observed.get(v.id) ?? 0
		})),
		/** The behaviour's label and current scale as written in `locale`: what its edit form starts from. */
		written: {
			label: written?.label ?? null,
			description: written?.description ?? null,
			anchors: writtenAnchors ? anchorsOf(writtenAnchors) : null
		},
		/** The languages its label and current scale are both written in. */
		writtenIn: [...(languages.behaviours.get(id) ?? [])].filter(
			(l): l is Locale => isLocale(l) && (languages.scales.get(id)?.has(l) ?? false)
		),
		/** The language the scale is defined in; texts in the others translate it. */
		organisationLocale
	};
}

export { getValue, valueChoices } from './queries';

// ---------------------------------------------------------------------------------------------
// Values

export async function createValue(
	database: Db,
	actor: Actor,
	input: ValueInput,
	now: Date
): Promise<ServiceResult<{ id: string }>> {
	return database.transaction().execute(async (trx) => {
		const locale = input.language as Locale;
		if (await otherValueNamed(trx, input.name, locale, null)) return refuse('name', 'growth_value_name_taken');
		const existing = await listValues(trx);
		const id = newId();
		const slug = uniqueSlug(slugFrom(input.name, 'value'), new Set(existing.map((v) => v.slug)));
		const position = Math.max(-1, ...existing.map((v) => v.position)) + 1;
		await insertValue(trx, { id, slug, position, created_at: now.toISOString() });
		await saveValueText(trx, id, locale, { name: input.name, description: input.description });
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'behaviour_value.created',
			objectType: 'behaviour_value',
			objectId: id,
			summary: auditSummary('growth_audit_value_created', { name: input.name }),
			details: { slug, locale },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const, id };
	});
}

/** Writes a value's name and description in one language: a change, or the first text in that language. */
export async function updateValue(
	database: Db,
	actor: Actor,
	id: string,
	input: ValueInput,
	now: Date
): Promise<ServiceResult<object>> {
	return database.transaction().execute(async (trx) => {
		const locale = input.language as Locale;
		const value = await getValue(trx, id);
		if (!value) return refuse('_form', 'growth_value_gone');
		if (await otherValueNamed(trx, input.name, locale, id)) return refuse('name', 'growth_value_name_taken');
		const before = await valueTextIn(trx, id, locale);
		if (before?.name === input.name && before.description === input.description) return { ok: true as const };
		await saveValueText(trx, id, locale, { name: input.name, description: input.description });
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'behaviour_value.updated',
			objectType: 'behaviour_value',
			objectId: id,
			summary: !before
				? auditSummary('growth_audit_value_translated', { name: input.name, language: languageInText[locale] })
				: before.name === input.name
					? auditSummary('growth_audit_value_description_changed', { name: input.name })
					: auditSummary('growth_audit_value_renamed', { from: before.name, to: input.name }),
			details: { locale, before: before ?? null, after: { name: input.name, description: input.description } },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const };
	});
}

export async function moveValue(
	database: Db,
	actor: Actor,
	id: string,
	direction: Direction,
	now: Date
): Promise<ServiceResult<object>> {
	return database.transaction().execute(async (trx) => {
		const values = await listValues(trx);
		const value = values.find((v) => v.id === id);
		if (!value) return refuse('_form', 'growth_value_gone');
		const order = moveItem(
			values.map((v) => v.id),
			id,
			direction
		);
		await setValueOrder(trx, order);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'behaviour_value.updated',
			objectType: 'behaviour_value',
			objectId: id,
			summary: auditSummary(direction === 'up' ? 'growth_audit_value_moved_up' : 'growth_audit_value_moved_down', {
				name: value.name
			}),
			details: { position: order.indexOf(id) },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const };
	});
}

/** Only an empty value goes: archived behaviours keep their history, so they keep their value too. */
export async function deleteValue(database: Db, actor: Actor, id: string, now: Date): Promise<ServiceResult<object>> {
	return database.transaction().execute(async (trx) => {
		const value = await getValue(trx, id);
		if (!value) return refuse('_form', 'growth_value_gone');
		const used = await countBehavioursOfValue(trx, id);
		if (used > 0) return refuse('_form', 'growth_value_still_used', { name: value.name, count: used });
		await deleteValueRow(trx, id);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'behaviour_value.deleted',
			objectType: 'behaviour_value',
			objectId: id,
			summary: auditSummary('growth_audit_value_deleted', { name: value.name }),
			details: { slug: value.slug, name: value.name, description: value.description },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const };
	});
}

// ---------------------------------------------------------------------------------------------
// Behaviours

export async function createBehaviour(
	database: Db,
	actor: Actor,
	input: BehaviourInput,
	now: Date
): Promise<ServiceResult<{ id: string; slug: string }>> {
	return database.transaction().execute(async (trx) => {
		const locale = input.language as Locale;
		const value = await getValue(trx, input.value_id);
		if (!value) return refuse('value_id', 'growth_value_not_in_list');
		const slug = uniqueSlug(slugFrom(input.label), await behaviourSlugs(trx));
		const id = newId();
		const versionId = newId();
		const at = now.toISOString();
		await insertBehaviour(trx, {
			id,
			value_id: value.id,
			slug,
			position: await nextBehaviourPosition(trx, value.id),
			current_version: 1,
			archived_at: null,
			created_at: at
		});
		await saveBehaviourText(trx, id, locale, { label: input.label, description: input.description });
		await insertVersion(trx, { id: versionId, behaviour_id: id, version: 1, created_by: actor.id, created_at: at });
		await saveVersionAnchors(trx, versionId, locale, inputAnchors(input));
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'behaviour.created',
			objectType: 'behaviour',
			objectId: id,
			summary: auditSummary('growth_audit_behaviour_created', { label: input.label, value: value.name }),
			details: { slug, locale },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const, id, slug };
	});
}

/**
 * Saves a behaviour's name, description, value and anchors, its texts in the form's language. The
 * slug never changes: modules and recognitions refer to it. Anchors follow `anchorChangeIn`: in the
 * organisation's default language, corrected in place while unobserved, otherwise a new version
 * becomes current (written in that language only) and earlier ratings keep the scale they were made
 * on; in any other language they translate the current scale and are written in place.
 */
export async function updateBehaviour(
	database: Db,
	actor: Actor,
	id: string,
	input: BehaviourInput,
	now: Date
): Promise<ServiceResult<{ change: AnchorChange; version: number }>> {
	return database.transaction().execute(async (trx) => {
		const locale = input.language as Locale;
		const behaviour = await getBehaviour(trx, id);
		if (!behaviour) return refuse('_form', 'growth_behaviour_gone');
		const value = await getValue(trx, input.value_id);
		if (!value) return refuse('value_id', 'growth_value_not_in_list');

		const current = await getVersion(trx, id, behaviour.current_version);
		const observed = await countObservationsOnVersion(trx, current.id);
		const written = await versionAnchorsIn(trx, current.id, locale);
		const before = written ? anchorsOf(written) : null;
		const next = inputAnchors(input);
		const change = anchorChangeIn(
			{ written: before, scaleLanguage: locale === (await defaultLocale(trx)) },
			next,
			observed
		);
		let version = behaviour.current_version;
		if (change === 'edit_in_place') {
			await saveVersionAnchors(trx, current.id, locale, next);
		} else if (change === 'new_version') {
			version = (await latestVersionNumber(trx, id)) + 1;
			const versionId = newId();
			await insertVersion(trx, {
				id: versionId,
				behaviour_id: id,
				version,
				created_by: actor.id,
				created_at: now.toISOString()
			});
			await saveVersionAnchors(trx, versionId, locale, next);
		}

		const moved = value.id !== behaviour.value_id;
		const textBefore = await behaviourTextIn(trx, id, locale);
		const text = { label: input.label, description: input.description };
		const textChanged = (Object.keys(text) as (keyof typeof text)[]).filter((k) => text[k] !== textBefore?.[k]);
		if (textChanged.length) await saveBehaviourText(trx, id, locale, text);
		if (moved || version !== behaviour.current_version) {
			await updateBehaviourRow(trx, id, {
				value_id: value.id,
				current_version: version,
				...(moved ? { position: await nextBehaviourPosition(trx, value.id) } : {})
			});
		}
		if (textChanged.length || moved || change === 'edit_in_place') {
			const anchorsChanged = change === 'edit_in_place' ? { anchors: { version, before, after: next } } : {};
			await recordAudit(trx, {
				actorId: actor.id,
				action: 'behaviour.updated',
				objectType: 'behaviour',
				objectId: id,
				summary: auditSummary(
					change === 'edit_in_place'
						? moved
							? 'growth_audit_behaviour_edited_moved_corrected'
							: 'growth_audit_behaviour_edited_corrected'
						: moved
							? 'growth_audit_behaviour_edited_moved'
							: 'growth_audit_behaviour_edited',
					{ label: input.label, value: value.name, version }
				),
				details: {
					locale,
					before: {
						...Object.fromEntries(textChanged.map((k) => [k, textBefore?.[k] ?? null])),
						...(moved ? { value_id: behaviour.value_id } : {})
					},
					after: {
						...Object.fromEntries(textChanged.map((k) => [k, text[k]])),
						...(moved ? { value_id: value.id } : {})
					},
					...anchorsChanged
				},
				ip: actor.ip,
				at: now
			});
		}
		if (change === 'new_version') {
			await recordAudit(trx, {
				actorId: actor.id,
				action: 'behaviour.versioned',
				objectType: 'behaviour',
				objectId: id,
				summary: auditSummary('growth_audit_behaviour_versioned', {
					label: input.label,
					version,
					previous: behaviour.current_version,
					count: observed
				}),
				details: { locale, from: behaviour.current_version, to: version, before, after: next },
				ip: actor.ip,
				at: now
			});
		}
		return { ok: true as const, change, version };
	});
}

export async function moveBehaviour(
	database: Db,
	actor: Actor,
	id: string,
	direction: Direction,
	now: Date
): Promise<ServiceResult<object>> {
	return database.transaction().execute(async (trx) => {
		const behaviour = await getBehaviour(trx, id);
		if (!behaviour) return refuse('_form', 'growth_behaviour_gone');
		const order = moveItem(await behaviourOrderOfValue(trx, behaviour.value_id), id, direction);
		await setBehaviourOrder(trx, order);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'behaviour.updated',
			objectType: 'behaviour',
			objectId: id,
			summary: auditSummary(
				direction === 'up' ? 'growth_audit_behaviour_moved_up' : 'growth_audit_behaviour_moved_down',
				{ label: behaviour.label }
			),
			details: { position: order.indexOf(id) },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const };
	});
}

/**
 * Archiving hides a behaviour from every picker (observations, recognition) while its versions,
 * label and observations stay, so older records read as before. Restoring brings it back.
 */
export async function setBehaviourArchived(
	database: Db,
	actor: Actor,
	id: string,
	archived: boolean,
	now: Date
): Promise<ServiceResult<object>> {
	return database.transaction().execute(async (trx) => {
		const behaviour = await getBehaviour(trx, id);
		if (!behaviour) return refuse('_form', 'growth_behaviour_gone');
		if ((behaviour.archived_at !== null) === archived) return { ok: true as const };
		await updateBehaviourRow(trx, id, { archived_at: archived ? now.toISOString() : null });
		await recordAudit(trx, {
			actorId: actor.id,
			action: archived ? 'behaviour.archived' : 'behaviour.restored',
			objectType: 'behaviour',
			objectId: id,
			summary: auditSummary(archived ? 'growth_audit_behaviour_archived' : 'growth_audit_behaviour_restored', {
				label: behaviour.label
			}),
			ip: actor.ip,
			at: now
		});
		return { ok: true as const };
	});
}
