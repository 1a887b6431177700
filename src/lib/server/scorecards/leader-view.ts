import type { Db } from '../db';
import type { TeamKind } from '../db/schema';
import { isUnitWithin, type Scope } from '../people/rules';
import {
	filterRows,
	isSortKey,
	overviewRow,
	sortRows,
	type OverviewFilters,
	type SortDirection,
	type SortKey,
	type StatusFilter
} from './overview';
import { monthFromQuery, scorecardsFor, unitsForFilter, visibleTeams } from './service';

/**
 * What /measure and its CSV export share: the period and filters read from the query string, and
 * every visible team's row for them, sorted. The page paginates; the export takes them all.
 */

export interface LeaderQuery {
	month: string;
	unit: string;
	kind: TeamKind | '';
	onlyWatermelons: boolean;
	status: StatusFilter | '';
	sort: SortKey;
	direction: SortDirection;
}

const statuses: readonly string[] = ['red', 'amber', 'green'];
const kinds: readonly string[] = ['back_office', 'customer_facing'];

/** Reads the query string; anything unknown falls back to the default, and future months to the last complete one. */
export function readLeaderQuery(url: URL, now: Date, timeZone: string): LeaderQuery {
	const p = url.searchParams;
	const kind = p.get('kind') ?? '';
	const status = p.get('status') ?? '';
	const sort = p.get('sort');
	return {
		month: monthFromQuery(p.get('month'), now, timeZone),
		unit: p.get('unit') ?? '',
		kind: kinds.includes(kind) ? (kind as TeamKind) : '',
		onlyWatermelons: p.get('watermelons') === '1',
		status: statuses.includes(status) ? (status as StatusFilter) : '',
		sort: isSortKey(sort) ? sort : 'team',
		direction: p.get('dir') === 'desc' ? 'desc' : 'asc'
	};
}

export async function leaderView(database: Db, scope: Scope, query: LeaderQuery, now: Date) {
	const teams = await visibleTeams(database, scope);
	const units = await unitsForFilter(database, teams, scope);
	const unit = units.find((u) => u.id === query.unit) ?? null;
	// The unit and kind filters narrow the teams before any scorecard is worked out (status and
	// watermelons need the scorecards). The table shows no trends, so the series are one month long.
	const chosen = teams.filter(
		(t) => (!unit || isUnitWithin(t.unit_path, unit.path)) && (!query.kind || t.kind === query.kind)
	);
	const scorecards = await scorecardsFor(database, chosen, query.month, now, 1);
	const all = chosen.map((t) => overviewRow(t, scorecards.cards.get(t.id)!));
	const filters: OverviewFilters = {
		unitPath: unit?.path ?? null,
		kind: query.kind || null,
		onlyWatermelons: query.onlyWatermelons,
		status: query.status || null
	};
	const rows = sortRows(filterRows(all, filters), query.sort, query.direction);
	return { ...scorecards, units, unit, rows, totalTeams: teams.length };
}
