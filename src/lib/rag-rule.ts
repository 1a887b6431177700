import { formatNumber } from '$lib/measure';

/**
 * The red/amber/green rule of a metric in words, for the live preview while an admin edits it.
 * Pure and safe in the browser; it says in words what `ragStatus` (server) decides: meeting the
 * target is green, up to the amber band past it is amber, beyond that red.
 */
export interface RagRule {
	direction: 'higher' | 'lower';
	target: number | null;
	amberBand: number;
	unit: string;
}

function amount(value: number, unit: string): string {
	const number = formatNumber(value, 4);
	return unit.trim() ? `${number} ${unit.trim()}` : number;
}

export function describeRagRule(rule: RagRule): string {
	if (rule.target === null || !Number.isFinite(rule.target))
		return 'No target yet, so values are shown without a status.';
	const band = Number.isFinite(rule.amberBand) ? Math.max(0, rule.amberBand) : 0;
	const target = amount(rule.target, rule.unit);
	if (rule.direction === 'higher') {
		const green = `Green at ${target} or more`;
		return band > 0
			? `${green}; amber from ${amount(rule.target - band, rule.unit)}; red below.`
			: `${green}; red below.`;
	}
	const green = `Green at ${target} or less`;
	return band > 0
		? `${green}; amber up to ${amount(rule.target + band, rule.unit)}; red above.`
		: `${green}; red above.`;
}
