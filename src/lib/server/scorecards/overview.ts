import type { TeamKind } from '../db/schema';
import type { Rag } from '../metrics/rules';
import type { Confidence } from './rules';
import { statusCounts, type Measure, type StatusCounts, type TeamScorecard } from './scorecard';

/**
 * The leader view: one row per team with its What, How and Experience side by side, and the
 * sorting and filtering the table offers. Pure.
 */

export interface Chip {
	name: string;
	status: Rag;
	value: number | null;
	unit: string;
	notEnoughResponses: boolean;
}

export interface OverviewRow {
	teamId: string;
	team: string;
	unit: string;
	unitPath: string;
	kind: TeamKind;
	what: Chip[];
	whatCounts: StatusCounts;
	how: { observations: number; confidence: Confidence; learningRate: number | null };
	experience: Chip[];
	experienceCounts: StatusCounts;
	responses: number;
	enoughResponses: boolean;
	/** The net score, for sorting the Experience column; null when hidden or absent. */
	netScore: number | null;
	watermelon: boolean;
	explanation: string | null;
}

const chip = (m: Measure): Chip => ({
	name: m.name,
	status: m.status,
	value: m.value,
	unit: m.unit,
	notEnoughResponses: m.missing === 'not_enough_responses'
});

export function overviewRow(
	team: { id: string; name: string; unit_name: string; unit_path: string; kind: TeamKind },
	card: TeamScorecard
): OverviewRow {
	const net =
		card.experience.measures.find((m) => m.key === 'case_net_score') ??
		card.experience.measures.find((m) => m.fromCaseFeedback && m.status !== 'none');
	return {
		teamId: team.id,
		team: team.name,
		unit: team.unit_name,
		unitPath: team.unit_path,
		kind: team.kind,
		what: card.what.map(chip),
		whatCounts: statusCounts(card.what),
		how: { observations: card.how.observations, confidence: card.how.confidence, learningRate: card.how.learningRate },
		experience: card.experience.measures.map(chip),
		experienceCounts: statusCounts(card.experience.measures),
		responses: card.experience.responses,
		enoughResponses: card.experience.enough,
		netScore: net?.value ?? null,
		watermelon: card.watermelon.watermelon,
		explanation: card.watermelon.explanation
	};
}

export const sortKeys = ['team', 'unit', 'what', 'how', 'experience', 'watermelon'] as const;
export type SortKey = (typeof sortKeys)[number];
export type SortDirection = 'asc' | 'desc';

export function isSortKey(value: string | null): value is SortKey {
	return sortKeys.includes(value as SortKey);
}

const confidenceRank: Record<Confidence, number> = { none: 0, low: 1, medium: 2, high: 3 };

/**
 * Ascending means: team and unit A to Z; What with the fewest measures off target first (then
 * fewest near target); How with the least evidence first; Experience lowest net score first;
 * watermelons last. Teams without a net score sort after those with one either way; ties are
 * broken by team name, A to Z.
 */
export function sortRows(rows: readonly OverviewRow[], key: SortKey, direction: SortDirection): OverviewRow[] {
	const sign = direction === 'asc' ? 1 : -1;
	const byName = (a: OverviewRow, b: OverviewRow) => a.team.localeCompare(b.team);
	const compare = (a: OverviewRow, b: OverviewRow): number => {
		switch (key) {
			case 'team':
				return 0;
			case 'unit':
				return a.unit.localeCompare(b.unit);
			case 'what':
				return a.whatCounts.red - b.whatCounts.red || a.whatCounts.amber - b.whatCounts.amber;
			case 'how':
				return (
					a.how.observations - b.how.observations || confidenceRank[a.how.confidence] - confidenceRank[b.how.confidence]
				);
			case 'experience':
				return (a.netScore ?? 0) - (b.netScore ?? 0);
			case 'watermelon':
				return Number(a.watermelon) - Number(b.watermelon);
		}
	};
	return [...rows].sort((a, b) => {
		if (key === 'experience' && (a.netScore === null) !== (b.netScore === null)) return a.netScore === null ? 1 : -1;
		return key === 'team' ? sign * byName(a, b) : sign * compare(a, b) || byName(a, b);
	});
}

export type StatusFilter = 'red' | 'amber' | 'green';

export interface OverviewFilters {
	unitPath?: string | null;
	kind?: TeamKind | null;
	onlyWatermelons?: boolean;
	/** red: any measure off target; amber: something near target and nothing off; green: everything judged is on target. */
	status?: StatusFilter | null;
}

function overall(row: OverviewRow): StatusCounts {
	const sum = (k: Rag) => row.whatCounts[k] + row.experienceCounts[k];
	return { green: sum('green'), amber: sum('amber'), red: sum('red'), none: sum('none') };
}

export function matchesStatus(row: OverviewRow, status: StatusFilter): boolean {
	const counts = overall(row);
	if (status === 'red') return counts.red > 0;
	if (status === 'amber') return counts.red === 0 && counts.amber > 0;
	return counts.red === 0 && counts.amber === 0 && counts.green > 0;
}

export function filterRows(rows: readonly OverviewRow[], filters: OverviewFilters): OverviewRow[] {
	return rows.filter(
		(r) =>
			(!filters.unitPath || r.unitPath.startsWith(filters.unitPath)) &&
			(!filters.kind || r.kind === filters.kind) &&
			(!filters.onlyWatermelons || r.watermelon) &&
			(!filters.status || matchesStatus(r, filters.status))
	);
}
