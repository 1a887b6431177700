/** Labels for the Measure pillar, shared by pages and components. */
import { currentIntlLocale, numberFormat } from './intl';

export const ragLabels = { green: 'On target', amber: 'Near target', red: 'Off target', none: 'No status' } as const;
export type RagStatus = keyof typeof ragLabels;

export const metricKindLabels = { sla: 'SLA', operational: 'Operational', experience: 'Experience' } as const;
export const directionLabels = { higher: 'Higher is better', lower: 'Lower is better' } as const;
export const metricPeriodLabels = { month: 'Monthly', week: 'Weekly (ISO week)' } as const;
export const rollupLabels = {
	sum: 'Add them up',
	mean: 'Average',
	min: 'Lowest',
	max: 'Highest',
	last: 'Latest value'
} as const;
/** Where a metric's values come from. */
export const metricSourceLabels = {
	values: 'Entered, imported or sent by API',
	case_net: 'Case feedback: net score',
	case_average: 'Case feedback: average score',
	case_volume: 'Case feedback: responses'
} as const;
export const observationSourceLabels = { manager: 'Manager', peer: 'Peer', self: 'Self-rating' } as const;

/** A number for people: at most `digits` decimals, no trailing zeros, thousands separated, in the current locale. */
export function formatNumber(value: number, digits = 1): string {
	return numberFormat(currentIntlLocale(), { maximumFractionDigits: digits }).format(value);
}
