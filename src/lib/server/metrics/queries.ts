import type { Insertable, Updateable } from 'kysely';
import { weeksOfMonth } from '../../periods';
import type { Db } from '../db';
import type { Integration, IntegrationTable, Metric, MetricUpdate, MetricValueSource, NewMetric } from '../db/schema';
import { rollUp } from './rules';
import type { Locale } from '../../i18n/locales';
import { metricTexts } from '../db/texts';

/**
 * Metric definitions, ordered by position then name, named in the reader's language (or `locale`);
 * archived ones only when asked for.
 */
export async function listMetrics(
	database: Db,
	options?: { includeArchived?: boolean; locale?: Locale }
): Promise<Metric[]> {
	let query = database.selectFrom('metrics').selectAll().select(metricTexts(undefined, options?.locale));
	if (!options?.includeArchived) query = query.where('archived_at', 'is', null);
	return query.orderBy('position').orderBy('name').execute();
}

export async function getMetric(database: Db, id: string, locale?: Locale): Promise<Metric | undefined> {
	return database
		.selectFrom('metrics')
		.selectAll()
		.select(metricTexts(undefined, locale))
		.where('id', '=', id)
		.executeTakeFirst();
}

export async function findMetricByKey(database: Db, key: string): Promise<Metric | undefined> {
	return database.selectFrom('metrics').selectAll().select(metricTexts()).where('key', '=', key).executeTakeFirst();
}

/** A metric's texts in one language exactly (no fallback), or undefined when it has none yet. */
export async function metricTextIn(database: Db, metricId: string, locale: Locale) {
	return database
		.selectFrom('metric_texts')
		.select(['name', 'description', 'unit'])
		.where('metric_id', '=', metricId)
		.where('locale', '=', locale)
		.executeTakeFirst();
}

/** The languages a metric's texts are written in. */
export async function metricLanguages(database: Db, metricId: string): Promise<string[]> {
	const rows = await database.selectFrom('metric_texts').select('locale').where('metric_id', '=', metricId).execute();
	return rows.map((r) => r.locale);
}

export async function saveMetricText(
	database: Db,
	metricId: string,
	locale: Locale,
	text: { name: string; description: string; unit: string }
): Promise<void> {
	await database
		.insertInto('metric_texts')
		.values({ metric_id: metricId, locale, ...text })
		.onConflict((oc) => oc.columns(['metric_id', 'locale']).doUpdateSet(text))
		.execute();
}

export async function insertMetric(database: Db, metric: NewMetric): Promise<void> {
	await database.insertInto('metrics').values(metric).execute();
}

export async function updateMetric(database: Db, id: string, patch: MetricUpdate): Promise<void> {
	await database.updateTable('metrics').set(patch).where('id', '=', id).execute();
}

/** The position after every existing metric, so a new one is listed last. */
export async function nextMetricPosition(database: Db): Promise<number> {
	const row = await database
		.selectFrom('metrics')
		.select((eb) => eb.fn.max<number | null>('position').as('top'))
		.executeTakeFirstOrThrow();
	return Number(row.top ?? -1) + 1;
}

export async function metricHasValues(database: Db, metricId: string): Promise<boolean> {
	const row = await database
		.selectFrom('metric_values')
		.select('metric_id')
		.where('metric_id', '=', metricId)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

export interface StoredValue {
	metricId: string;
	teamId: string;
	period: string;
	value: number;
}

/** Stored values for some teams and periods (any metric). */
export async function storedValues(
	database: Db,
	teamIds: readonly string[],
	periods: readonly string[]
): Promise<StoredValue[]> {
	if (teamIds.length === 0 || periods.length === 0) return [];
	const rows = await database
		.selectFrom('metric_values')
		.select(['metric_id', 'team_id', 'period', 'value'])
		.where('team_id', 'in', teamIds)
		.where('period', 'in', periods)
		.execute();
	return rows.map((r) => ({ metricId: r.metric_id, teamId: r.team_id, period: r.period, value: r.value }));
}

export interface ValueWrite {
	metricId: string;
	teamId: string;
	period: string;
	value: number;
}

/** SQLite allows 32,766 bound values per statement; 8 columns a row leaves ample room at 500. */
const WRITE_CHUNK = 500;

/** Inserts or overwrites values, recording where each came from. */
export async function upsertValues(
	database: Db,
	writes: readonly ValueWrite[],
	origin: { source: MetricValueSource; updatedBy: string | null; integrationId: string | null; at: string }
): Promise<void> {
	for (let i = 0; i < writes.length; i += WRITE_CHUNK) {
		const rows = writes.slice(i, i + WRITE_CHUNK).map((w) => ({
			metric_id: w.metricId,
			team_id: w.teamId,
			period: w.period,
			value: w.value,
			source: origin.source,
			updated_by: origin.updatedBy,
			integration_id: origin.integrationId,
			updated_at: origin.at
		}));
		await database
			.insertInto('metric_values')
			.values(rows)
			.onConflict((oc) =>
				oc.columns(['metric_id', 'team_id', 'period']).doUpdateSet((eb) => ({
					value: eb.ref('excluded.value'),
					source: eb.ref('excluded.source'),
					updated_by: eb.ref('excluded.updated_by'),
					integration_id: eb.ref('excluded.integration_id'),
					updated_at: eb.ref('excluded.updated_at')
				}))
			)
			.execute();
	}
}

export async function deleteValues(
	database: Db,
	teamId: string,
	cells: readonly { metricId: string; period: string }[]
): Promise<void> {
	for (const cell of cells) {
		await database
			.deleteFrom('metric_values')
			.where('metric_id', '=', cell.metricId)
			.where('team_id', '=', teamId)
			.where('period', '=', cell.period)
			.execute();
	}
}

export interface MonthlyValue {
	metricId: string;
	teamId: string;
	month: string;
	value: number;
}

/**
 * Values of `values`-source metrics for the teams and months; weekly metrics rolled into months
 * with weeksOfMonth + rollUp(metric.rollup) (weeks oldest first); months without any value are
 * absent; `metricIds` narrows them to some metrics. One query: the months and the weeks reporting
 * into them are fetched together.
 */
export async function monthlyMetricValues(
	database: Db,
	teamIds: readonly string[],
	months: readonly string[],
	metricIds?: readonly string[]
): Promise<MonthlyValue[]> {
	if (teamIds.length === 0 || months.length === 0 || metricIds?.length === 0) return [];
	const monthSet = new Set(months);
	const monthOf = new Map([...monthSet].flatMap((month) => weeksOfMonth(month).map((week) => [week, month] as const)));
	const weeks = [...monthOf.keys()];
	const rows = await database
		.selectFrom('metric_values')
		.innerJoin('metrics', 'metrics.id', 'metric_values.metric_id')
		.select([
			'metric_values.metric_id',
			'metric_values.team_id',
			'metric_values.period',
			'metric_values.value',
			'metrics.period as kind',
			'metrics.rollup'
		])
		.where('metrics.source', '=', 'values')
		.where('metric_values.team_id', 'in', teamIds)
		.where('metric_values.period', 'in', [...monthSet, ...weeks])
		.$if(metricIds !== undefined, (qb) => qb.where('metric_values.metric_id', 'in', metricIds!))
		.orderBy('metric_values.period')
		.execute();

	const result: MonthlyValue[] = [];
	// Weekly values by metric, team and month, oldest week first thanks to the ordering above.
	const weekly = new Map<
		string,
		{ metricId: string; teamId: string; month: string; rollup: (typeof rows)[number]['rollup']; values: number[] }
	>();
	for (const row of rows) {
		if (row.kind === 'month') {
			if (monthSet.has(row.period))
				result.push({ metricId: row.metric_id, teamId: row.team_id, month: row.period, value: row.value });
			continue;
		}
		const month = monthOf.get(row.period);
		if (!month) continue;
		const key = `${row.metric_id}|${row.team_id}|${month}`;
		const group = weekly.get(key) ?? {
			metricId: row.metric_id,
			teamId: row.team_id,
			month,
			rollup: row.rollup,
			values: []
		};
		group.values.push(row.value);
		weekly.set(key, group);
	}
	for (const group of weekly.values()) {
		const value = rollUp(group.values, group.rollup);
		if (value !== null) result.push({ metricId: group.metricId, teamId: group.teamId, month: group.month, value });
	}
	return result;
}

export interface IntegrationRow extends Integration {
	created_by_name: string | null;
}

/** Integrations, live ones first, newest first; bounded because a page lists them all. */
export async function listIntegrations(database: Db, limit = 200): Promise<IntegrationRow[]> {
	return database
		.selectFrom('integrations')
		.leftJoin('people', 'people.id', 'integrations.created_by')
		.selectAll('integrations')
		.select('people.name as created_by_name')
		.orderBy((eb) => eb.case().when('integrations.revoked_at', 'is', null).then(0).else(1).end())
		.orderBy('integrations.created_at', 'desc')
		.limit(limit)
		.execute();
}

export async function getIntegration(database: Db, id: string): Promise<Integration | undefined> {
	return database.selectFrom('integrations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertIntegration(database: Db, integration: Insertable<IntegrationTable>): Promise<void> {
	await database.insertInto('integrations').values(integration).execute();
}

export async function updateIntegration(database: Db, id: string, patch: Updateable<IntegrationTable>): Promise<void> {
	await database.updateTable('integrations').set(patch).where('id', '=', id).execute();
}
