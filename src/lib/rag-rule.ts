import { formatAmount } from './measure';
import { m } from './paraglide/messages.js';

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

export function describeRagRule(rule: RagRule): string {
	if (rule.target === null || !Number.isFinite(rule.target)) return m.measure_rule_no_target();
	const band = Number.isFinite(rule.amberBand) ? Math.max(0, rule.amberBand) : 0;
	const target = formatAmount(rule.target, rule.unit, 4);
	if (rule.direction === 'higher') {
		return band > 0
			? m.measure_rule_higher_amber({ target, amber: formatAmount(rule.target - band, rule.unit, 4) })
			: m.measure_rule_higher({ target });
	}
	return band > 0
		? m.measure_rule_lower_amber({ target, amber: formatAmount(rule.target + band, rule.unit, 4) })
		: m.measure_rule_lower({ target });
}
