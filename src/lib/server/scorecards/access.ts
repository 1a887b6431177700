import { isUnitWithin, type Scope } from '../people/rules';

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
