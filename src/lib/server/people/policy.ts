import { isUnitWithin, rolesOf, type Placement, type Role, type Scope } from './rules';

/**
 * The people domain's policy: who may see whom and who administers Ripple. Pure: callers load the
 * viewer's scope (`actor.scope`) and the target's placement; routes require these through
 * `$lib/server/policy`.
 *
 * - everyone sees themselves;
 * - a manager sees the people in the teams they manage;
 * - a leader sees the people in teams under the org units they lead (the whole subtree);
 * - an admin sees everyone.
 */

/** Admins run Ripple: people, organisation, frameworks, metrics and integrations. */
export function canAdminister(scope: Scope): boolean {
	return scope.isAdmin;
}

/** Manages at least one team. */
export function managesAnyTeam(scope: Scope): boolean {
	return scope.managedTeamIds.length > 0;
}

/** Leads at least one org unit. */
export function leadsAnyUnit(scope: Scope): boolean {
	return scope.ledUnitPaths.length > 0;
}

/** Manages a team or leads a unit: someone other people's work is visible to. */
export function leadsPeople(scope: Scope): boolean {
	return managesAnyTeam(scope) || leadsAnyUnit(scope);
}

export function canSeePerson(scope: Scope, target: Placement): boolean {
	if (scope.isAdmin || scope.personId === target.personId) return true;
	if (target.teamId !== null && scope.managedTeamIds.includes(target.teamId)) return true;
	const unitPath = target.unitPath;
	return unitPath !== null && scope.ledUnitPaths.some((led) => isUnitWithin(unitPath, led));
}

export function hasRole(scope: Scope, role: Role): boolean {
	return rolesOf(scope).includes(role);
}

/**
 * Whether the viewer manages the person: as a manager of their team or as their line manager.
 * Managers see a person's learning records and what they chose to share with their manager;
 * leaders see only aggregates (DESIGN.md) unless they also manage the person.
 */
export function managesPerson(scope: Scope, target: Placement & { managerId: string | null }): boolean {
	return (
		(target.teamId !== null && scope.managedTeamIds.includes(target.teamId)) || target.managerId === scope.personId
	);
}
