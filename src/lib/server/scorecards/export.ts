import Papa from 'papaparse';
import { ragLabels } from '../../measure';
import type { Metric } from '../db/schema';
import { csvSafe } from './csv';
import type { OverviewRow } from './overview';
import { confidenceLabels } from './rules';
import type { TeamScorecard } from './scorecard';

const kindLabels = { back_office: 'Back office', customer_facing: 'Customer facing' } as const;

/**
 * The leader table as CSV: one row per team, a value and a status column for every measure, then
 * the How and Experience counts and the watermelon flag with its reason. Text cells are guarded
 * against formula injection; numbers stay numbers.
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
	const data = view.rows.map((row) => {
		const card = view.cards.get(row.teamId);
		if (!card) return [];
		const measures = [...card.what, ...card.experience.measures];
		const p = card.how.participation;
		return [
			row.team,
			row.unit,
			kindLabels[row.kind],
			view.month,
			...view.metrics.flatMap((metric) => {
				const m = measures.find((x) => x.id === metric.id);
				if (!m) return [null, ''];
				return [
					m.value === null ? null : Math.round(m.value * 100) / 100,
					m.missing === 'not_enough_responses' ? 'Not enough responses' : ragLabels[m.status]
				];
			}),
			card.how.observations,
			confidenceLabels[card.how.confidence],
			p.learning.assigned,
			p.learning.completed,
			p.recognition.received,
			p.recognition.crossDepartment,
			p.shadowing.visitors,
			p.shadowing.hosted,
			p.buddies.paired,
			p.buddies.meetings,
			card.experience.responses,
			row.watermelon ? 'yes' : 'no',
			row.explanation ?? ''
		].map(csvSafe);
	});
	return `${Papa.unparse({ fields: fields.map((f) => String(csvSafe(f))), data })}\r\n`;
}
