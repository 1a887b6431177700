import { z } from 'zod';
import { recordAudit } from '../audit/log';
import type { Db } from '../db';
import { newId } from '../db/ids';
import type { Metric, MetricUpdate } from '../db/schema';
import type { Actor } from '../auth/actor';
import { m } from '../../paraglide/messages.js';
import { refuse, type ServiceResult } from '../service-result';
import { parseValue } from './plan';
import { findMetricByKey, getMetric, insertMetric, metricHasValues, nextMetricPosition, updateMetric } from './queries';

/** Metric definitions as pages and other domains read them. */
export { getMetric, listMetrics } from './queries';

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
		await insertMetric(trx, {
			id,
			...input,
			source: 'values',
			position: await nextMetricPosition(trx),
			archived_at: null,
			created_at: at,
			updated_at: at
		});
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'metric.created',
			objectType: 'metric',
			objectId: id,
			summary: `Created metric ${input.name} (${input.key})`,
			details: { ...input },
			ip: actor.ip,
			at: now
		});
		return { ok: true as const, id };
	});
}

const fieldLabels: Record<keyof MetricEditInput, string> = {
	name: 'name',
	description: 'description',
	unit: 'unit',
	direction: 'direction',
	target: 'target',
	amber_band: 'amber band',
	kind: 'kind',
	period: 'period',
	rollup: 'roll-up'
};

/**
 * Edits a metric. A computed (case feedback) metric takes only the fields of
 * `computedMetricEditSchema`; anything else given for it is ignored.
 */
export async function editMetric(
	database: Db,
	actor: Actor,
	id: string,
	input: MetricEditInput | ComputedMetricEditInput,
	now: Date
): Promise<ServiceResult<object>> {
	return database.transaction().execute(async (trx) => {
		const metric = await getMetric(trx, id);
		if (!metric) return refuse('_form', 'measure_metric_gone');
		const patch: MetricEditInput | ComputedMetricEditInput = takesValues(metric)
			? input
			: { name: input.name, description: input.description, target: input.target, amber_band: input.amber_band };
		if ('period' in patch && patch.period !== metric.period && (await metricHasValues(trx, id))) {
			return refuse('period', 'measure_metric_period_locked');
		}
		const changes = (Object.keys(patch) as (keyof typeof patch)[])
			.filter((field) => patch[field] !== metric[field])
			.map((field) => ({ field, from: metric[field], to: patch[field] }));
		if (changes.length === 0) return { ok: true as const };
		const update: MetricUpdate = { ...patch, updated_at: now.toISOString() };
		await updateMetric(trx, id, update);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'metric.updated',
			objectType: 'metric',
			objectId: id,
			summary: `Metric ${metric.key}: changed ${changes.map((c) => fieldLabels[c.field]).join(', ')}`,
			details: { changes },
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
			summary: `${archived ? 'Archived' : 'Restored'} metric ${metric.name} (${metric.key})`,
			ip: actor.ip,
			at: now
		});
		return { ok: true as const };
	});
}
