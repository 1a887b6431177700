import { z } from 'zod';
import { recordAudit } from '../audit/log';
import type { Db } from '../db';
import { newId } from '../db/ids';
import type { Metric, MetricUpdate } from '../db/schema';
import type { Actor } from '../auth/actor';
import { m } from '../../paraglide/messages.js';
import { refuse, type ServiceResult } from '../service-result';
import { parseValue } from './plan';
import {
	findMetricByKey,
	getMetric,
	insertMetric,
	metricHasValues,
	metricTextIn,
	nextMetricPosition,
	saveMetricText,
	updateMetric
} from './queries';
import { isLocale, type Locale } from '../../i18n/locales';
import type { AuditWording } from '../audit/log';
import { languageInText } from '../org/settings';

/** Metric definitions as pages and other domains read them. */
export { getMetric, listMetrics, metricLanguages, metricTextIn } from './queries';

/** Admins define metrics; these are the forms' schemas and the changes they make. */

export const metricKinds = ['sla', 'operational', 'experience'] as const;
export const metricDirections = ['higher', 'lower'] as const;
export const metricPeriods = ['month', 'week'] as const;
export const metricRollups = ['sum', 'mean', 'min', 'max', 'last'] as const;

/** Text from a number field as a number; `empty` is what a blank field means. */
function numberField<E>(empty: E, message: () => string) {
	return z
		.string()
		.trim()
		.transform((raw, ctx): number | E => {
			if (raw === '') return empty;
			const parsed = parseValue(raw);
			if (parsed.ok) return parsed.value;
			ctx.addIssue({ code: 'custom', message: message() });
			return z.NEVER;
		});
}

/** Messages are worded when a form is checked, in the admin's language. */
const metricFields = {
	/** The language the texts are written in (a hidden field: only a tampered form gets it wrong). */
	language: z.string().refine(isLocale, { error: () => m.org_language_invalid() }),
	name: z
		.string()
		.trim()
		.min(1, { error: () => m.measure_metric_name_required() })
		.max(80, { error: () => m.measure_metric_name_too_long({ max: 80 }) }),
	key: z
		.string()
		.trim()
		.min(2, { error: () => m.measure_metric_key_too_short({ min: 2 }) })
		.max(40, { error: () => m.measure_metric_key_too_long({ max: 40 }) })
		.regex(/^[a-z][a-z0-9_]*$/, { error: () => m.measure_metric_key_invalid() }),
	description: z
		.string()
		.trim()
		.max(500, { error: () => m.measure_metric_description_too_long({ max: 500 }) }),
	unit: z
		.string()
		.trim()
		.max(20, { error: () => m.measure_metric_unit_too_long({ max: 20 }) }),
	direction: z.enum(metricDirections, { error: () => m.measure_metric_direction_required() }),
	target: numberField(null, () => m.measure_metric_target_invalid()),
	amber_band: numberField(0, () => m.measure_metric_amber_invalid()).pipe(
		z.number().min(0, { error: () => m.measure_metric_amber_negative() })
	),
	kind: z.enum(metricKinds, { error: () => m.measure_metric_kind_required() }),
	period: z.enum(metricPeriods, { error: () => m.measure_metric_period_required() }),
	rollup: z.enum(metricRollups, { error: () => m.measure_metric_rollup_required() })
};

export const newMetricSchema = z.object(metricFields);
/** The key is fixed once created: files and the API name metrics by it. */
export const metricEditSchema = newMetricSchema.omit({ key: true });
/** Metrics computed from case feedback: only their wording and thresholds can change. */
export const computedMetricEditSchema = newMetricSchema.pick({
	language: true,
	name: true,
	description: true,
	target: true,
	amber_band: true
});

export type NewMetricInput = z.infer<typeof newMetricSchema>;
export type MetricEditInput = z.infer<typeof metricEditSchema>;
export type ComputedMetricEditInput = z.infer<typeof computedMetricEditSchema>;

/** Whether a metric takes values, or is worked out from case feedback (and so is partly fixed). */
export function takesValues(metric: Pick<Metric, 'source'>): boolean {
	return metric.source === 'values';
}

export async function createMetric(
	database: Db,
	actor: Actor,
	input: NewMetricInput,
	now: Date
): Promise<ServiceResult<{ id: string }>> {
	return database.transaction().execute(async (trx) => {
		if (await findMetricByKey(trx, input.key)) return refuse('key', 'measure_metric_key_taken', { key: input.key });
		const id = newId();
		const at = now.toISOString();
		const { language, name, description, unit, ...definition } = input;
		await insertMetric(trx, {
			id,
			...definition,
			source: 'values',
			position: await nextMetricPosition(trx),
			archived_at: null,
			created_at: at,
			updated_at: at
		});
		await saveMetricText(trx, id, language as Locale, { name, description, unit });
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'metric.created',
			objectType: 'metric',
			objectId: id,
			summary: { code: 'measure_audit_metric_created', params: { name, key: input.key } },
			details: { ...input },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const, id };
	});
}

type EditableField = Exclude<keyof MetricEditInput, 'language'>;

/** Each field as the audit log names it, in its reader's language. */
const fieldLabels: Record<EditableField, AuditWording> = {
	name: { code: 'measure_audit_field_name' },
	description: { code: 'measure_audit_field_description' },
	unit: { code: 'measure_audit_field_unit' },
	direction: { code: 'measure_audit_field_direction' },
	target: { code: 'measure_audit_field_target' },
	amber_band: { code: 'measure_audit_field_amber_band' },
	kind: { code: 'measure_audit_field_kind' },
	period: { code: 'measure_audit_field_period' },
	rollup: { code: 'measure_audit_field_rollup' }
};

const textFields = ['name', 'description', 'unit'] as const;

/**
 * Edits a metric: its definition, and its name, description and unit in the form's language. A
 * computed (case feedback) metric takes only the fields of `computedMetricEditSchema`; anything else
 * given for it is ignored.
 */
export async function editMetric(
	database: Db,
	actor: Actor,
	id: string,
	input: MetricEditInput | ComputedMetricEditInput,
	now: Date
): Promise<ServiceResult<object>> {
	return database.transaction().execute(async (trx) => {
		const locale = input.language as Locale;
		const metric = await getMetric(trx, id);
		if (!metric) return refuse('_form', 'measure_metric_gone');
		const written = await metricTextIn(trx, id, locale);
		const { name, description, target, amber_band } = input;
		const patch: Partial<Record<EditableField, unknown>> & { name: string; description: string; unit: string } =
			takesValues(metric) && 'kind' in input
				? {
						name,
						description,
						target,
						amber_band,
						unit: input.unit,
						direction: input.direction,
						kind: input.kind,
						period: input.period,
						rollup: input.rollup
					}
				: { name, description, target, amber_band, unit: written?.unit ?? metric.unit };
		if ('period' in patch && patch.period !== metric.period && (await metricHasValues(trx, id))) {
			return refuse('period', 'measure_metric_period_locked');
		}
		const text = { name: patch.name, description: patch.description, unit: patch.unit };
		const before: Record<EditableField, unknown> = {
			...metric,
			...(written ?? { name: '', description: '', unit: '' })
		};
		const fields = (Object.keys(patch) as EditableField[]).filter((field) => field in fieldLabels);
		const changes = fields
			.filter((field) => patch[field] !== before[field])
			.map((field) => ({ field, from: before[field], to: patch[field] }));
		if (changes.length === 0) return { ok: true as const };
		const definition = changes.filter((c) => !(textFields as readonly string[]).includes(c.field));
		if (definition.length) {
			const update: MetricUpdate = Object.fromEntries(definition.map((c) => [c.field, c.to]));
			await updateMetric(trx, id, { ...update, updated_at: now.toISOString() });
		} else {
			await updateMetric(trx, id, { updated_at: now.toISOString() });
		}
		if (changes.some((c) => (textFields as readonly string[]).includes(c.field)))
			await saveMetricText(trx, id, locale, text);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'metric.updated',
			objectType: 'metric',
			objectId: id,
			summary: written
				? {
						code: 'measure_audit_metric_updated',
						params: { key: metric.key, fields: changes.map((c) => fieldLabels[c.field]) }
					}
				: { code: 'measure_audit_metric_translated', params: { key: metric.key, language: languageInText[locale] } },
			details: { locale, changes },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const };
	});
}

/** Archiving hides a metric from grids, imports and scorecards; its values stay. */
export async function setMetricArchived(
	database: Db,
	actor: Actor,
	id: string,
	archived: boolean,
	now: Date
): Promise<ServiceResult<object>> {
	return database.transaction().execute(async (trx) => {
		const metric = await getMetric(trx, id);
		if (!metric) return refuse('_form', 'measure_metric_gone');
		if ((metric.archived_at !== null) === archived) return { ok: true as const };
		await updateMetric(trx, id, { archived_at: archived ? now.toISOString() : null, updated_at: now.toISOString() });
		await recordAudit(trx, {
			actorId: actor.id,
			action: archived ? 'metric.archived' : 'metric.restored',
			objectType: 'metric',
			objectId: id,
			summary: {
				code: archived ? 'measure_audit_metric_archived' : 'measure_audit_metric_restored',
				params: { name: metric.name, key: metric.key }
			},
			ip: actor.ip,
			at: now
		});
		return { ok: true as const };
	});
}
