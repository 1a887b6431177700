import { ragLabel } from '../../measure';
import { periodWording } from '../../periods';
import { m } from '../../paraglide/messages.js';
import { recordAudit } from '../audit/log';
import { toCsv, type CsvCell } from '../csv';
import type { Db } from '../db';
import type { Metric } from '../db/schema';
import type { Actor } from '../auth/actor';
import { leaderView, type LeaderQuery } from './leader-view';
import type { OverviewRow } from './overview';
import { confidenceLabel } from './rules';
import type { TeamScorecard } from './scorecard';
import { listMetrics } from '../metrics/definitions';

/**
 * The leader table as CSV: one row per team, a value and a status column for every measure, then
 * the How and Experience counts and the watermelon flag with its reason. Values are numbers, so a
 * negative one stays a number when text is neutralised. Column keys stay English in every
 * language (files and BI tools depend on them); the cells people read are in the request's language.
 */
export function scorecardCsv(view: {
	month: string;
	metrics: readonly Metric[];
	rows: readonly OverviewRow[];
	cards: ReadonlyMap<string, TeamScorecard>;
}): string {
	const fields = [
		'team',
		'unit',
		'team kind',
		'month',
		...view.metrics.flatMap((m) => [`${m.name} (${m.unit || 'value'})`, `${m.name} status`]),
		'observations (3 months)',
		'how confidence',
		'learning assigned',
		'learning completed',
		'recognition received',
		'recognition across departments',
		'members who shadowed another team',
		'shadowing visits hosted',
		'members with a buddy',
		'buddy meetings',
		'case-feedback responses',
		'watermelon',
		'watermelon reason'
	];
	const data = view.rows.map((row): CsvCell[] => {
		const card = view.cards.get(row.teamId);
		if (!card) return [];
		const measures = [...card.what, ...card.experience.measures];
		const p = card.how.participation;
		return [
			row.team,
			row.unit,
			row.kind === 'back_office' ? m.measure_team_kind_back_office() : m.measure_team_kind_customer_facing(),
			view.month,
			...view.metrics.flatMap((metric) => {
				const measure = measures.find((x) => x.id === metric.id);
				if (!measure) return [null, ''];
				return [
					measure.value === null ? null : Math.round(measure.value * 100) / 100,
					measure.missing === 'not_enough_responses' ? m.measure_not_enough_responses() : ragLabel(measure.status)
				];
			}),
			card.how.observations,
			confidenceLabel(card.how.confidence),
			p.learning.assigned,
			p.learning.completed,
			p.recognition.received,
			p.recognition.crossDepartment,
			p.shadowing.visitors,
			p.shadowing.hosted,
			p.buddies.paired,
			p.buddies.meetings,
			card.experience.responses,
			row.watermelon ? m.measure_csv_yes() : m.measure_csv_no(),
			row.explanation ?? ''
		];
	});
	return toCsv(fields, data);
}

/**
 * The /measure table for the same month and filters, every matching team (not one page), as CSV;
 * the export is audited with the filters it used.
 */
export async function exportScorecards(
	database: Db,
	actor: Actor,
	query: LeaderQuery,
	now: Date
): Promise<{ csv: string; unitName: string | null }> {
	const view = await leaderView(database, actor.scope, query, now);
	// Columns do not depend on who downloads the file: metrics in their order, named as an English
	// reader reads them (English where written, else the organisation's default language).
	const english = await listMetrics(database, { includeArchived: true, locale: 'en' });
	const shown = new Set(view.metrics.map((m) => m.id));
	const csv = scorecardCsv({ ...view, metrics: english.filter((m) => shown.has(m.id)) });
	const teams = view.rows.length;
	const month = periodWording(query.month) ?? query.month;
	await recordAudit(database, {
		actorId: actor.id,
		action: 'scorecard.exported',
		objectType: 'team',
		objectId: null,
		summary: view.unit
			? { code: 'measure_audit_scorecards_exported_in_unit', params: { month, count: teams, unit: view.unit.name } }
			: { code: 'measure_audit_scorecards_exported', params: { month, count: teams } },
		details: {
			month: query.month,
			unit: view.unit?.id ?? null,
			kind: query.kind || null,
			status: query.status || null,
			watermelons_only: query.onlyWatermelons,
			teams
		},
		ip: actor.ip,
		at: now
	});
	return { csv, unitName: view.unit?.name ?? null };
}
