import { canAdminister, managesAnyTeam } from '../people/policy';
import { isUnitWithin, type Scope } from '../people/rules';

/**
 * Who may do what with a team's Measure records: its metrics, case feedback, scorecard and
 * self-assessment. Pure; scorecards, feedback and metrics all decide through these.
 */

export interface TeamAccess {
	/** May open the team's scorecard, evidence and self-assessment. */
	see: boolean;
	/** May enter metrics, create feedback links and read comments: the team's managers and admins. */
	manage: boolean;
	/** May fill in the service-framework self-assessment: managers, leaders above and admins. */
	assess: boolean;
}

/** What a person may do with a team's Measure records. Pure; a team outside every grant gets nothing. */
export function teamAccess(scope: Scope, team: { id: string; unit_path: string }): TeamAccess {
	const manages = scope.managedTeamIds.includes(team.id);
	const leads = scope.ledUnitPaths.some((led) => isUnitWithin(team.unit_path, led));
	const see = scope.isAdmin || manages || leads;
	return { see, manage: scope.isAdmin || manages, assess: see };
}

/** Import metric values from a CSV: team managers (for their teams) and admins (for every team). */
export function canImportMetrics(scope: Scope): boolean {
	return canAdminister(scope) || managesAnyTeam(scope);
}

/** The teams a person may write values for: the ones they manage, or all of them for admins. */
export function writableTeams(scope: Scope): ReadonlySet<string> | 'all' {
	return canAdminister(scope) ? 'all' : new Set(scope.managedTeamIds);
}
