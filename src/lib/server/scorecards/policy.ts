import { canAdminister, leadsPeople } from '../people/policy';
import type { Scope } from '../people/rules';

/**
 * Who opens scorecards. Pure. A single team's records follow `teamAccess` (../metrics/policy.ts);
 * staff see their own growth on /growth instead.
 */

/** The unit scorecard overview and its export: admins, managers and leaders. */
export function canOpenScorecards(scope: Scope): boolean {
	return canAdminister(scope) || leadsPeople(scope);
}
