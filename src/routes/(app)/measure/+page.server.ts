import { metricKindLabel } from '$lib/measure';
import { m } from '$lib/paraglide/messages';
import { pageCount, pageFrom } from '$lib/paging';
import { periodLabel } from '$lib/periods';
import { requireCapability } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { leaderView, readLeaderQuery } from '$lib/server/scorecards/leader-view';
import type { Chip } from '$lib/server/scorecards/overview';
import { confidenceLabel } from '$lib/server/scorecards/rules';
import { canOpenScorecards } from '$lib/server/scorecards/policy';
import { measureTrends, pickableMonths } from '$lib/server/scorecards/service';
import type { PageServerLoad } from './$types';

/**
 * Teams a page of the table shows; sorting, filters and the watermelon list cover every team. 25
 * rather than 50 (issue 19): drawing, serialising and compressing 50 teams' rows costs more per view
 * than the page's throughput target allows even with its data free (measured: 0.18× of the sign-in
 * page at 50 teams a page, 0.38× at 25).
 */
const PAGE_SIZE = 25;

/**
 * One measure of one team as the table shows it, compact because a page holds many teams: the value
 * and its status, or `few` when too few people answered for the value to be shown.
 */
export type OverviewCell = readonly [value: number | null, status: Chip['status'] | 'few'];
const cell = (chip: Chip): OverviewCell => [chip.value, chip.notEnoughResponses ? 'few' : chip.status];
/** Teams drawn in the trend chart, in the table's order. */
const TREND_TEAMS = 8;

export const load: PageServerLoad = async ({ locals, url }) => {
	// Staff have their own page (/growth).
	const actor = requireCapability(locals, canOpenScorecards, m.measure_scorecards_forbidden());
	const now = new Date();
	const query = readLeaderQuery(url, now, actor.timeZone);
	const view = await leaderView(db(), actor.scope, query, now);
	const { page, limit, offset } = pageFrom(url, PAGE_SIZE);

	// The trend chart follows one measure across the first teams in the table's order.
	const trendMetric =
		view.metrics.find((m) => m.key === url.searchParams.get('trend')) ??
		view.metrics.find((m) => m.kind === 'sla') ??
		view.metrics[0] ??
		null;
	const trendRows = view.rows.slice(0, TREND_TEAMS);
	const trends = trendMetric
		? await measureTrends(
				db(),
				trendRows.map((r) => r.teamId),
				trendMetric,
				query.month
			)
		: null;

	return {
		query,
		monthLabel: periodLabel(query.month),
		months: pickableMonths(now, actor.timeZone),
		window: { first: periodLabel(view.window.first), last: periodLabel(view.window.last) },
		units: view.units.map((u) => ({ value: u.id, label: u.name, depth: u.depth })),
		unitName: view.unit?.name ?? null,
		totalTeams: view.totalTeams,
		// Every team has the same measures, so their names go once, as column headings.
		columns: {
			what: view.metrics.filter((x) => x.kind !== 'experience').map(({ key, name, unit }) => ({ key, name, unit })),
			experience: view.metrics
				.filter((x) => x.kind === 'experience')
				.map(({ key, name, unit }) => ({ key, name, unit }))
		},
		rows: view.rows.slice(offset, offset + limit).map((r) => ({
			id: r.teamId,
			team: r.team,
			unit: r.unit,
			what: r.what.map(cell),
			how: {
				observations: r.how.observations,
				confidence: confidenceLabel(r.how.confidence),
				learning: r.how.learningRate
			},
			experience: r.experience.map(cell),
			responses: r.responses,
			watermelon: r.watermelon
		})),
		matching: view.rows.length,
		page,
		pageCount: pageCount(view.rows.length, PAGE_SIZE),
		watermelons: view.rows
			.filter((r) => r.watermelon)
			.map((r) => ({ teamId: r.teamId, team: r.team, explanation: r.explanation })),
		trend: trendMetric &&
			trends && {
				key: trendMetric.key,
				name: trendMetric.name,
				unit: trendMetric.unit,
				target: trendMetric.target,
				months: trends.months,
				series: trendRows.map((row) => ({
					label: row.team,
					values: trends.series.get(row.teamId)?.map((p) => p.value) ?? [],
					emptyText: trendMetric.source === 'values' ? undefined : m.measure_not_enough_responses()
				})),
				total: view.rows.length
			},
		trendOptions: view.metrics.map((metric) => ({
			value: metric.key,
			label: m.measure_trend_option({ name: metric.name, kind: metricKindLabel(metric.kind) })
		}))
	};
};
