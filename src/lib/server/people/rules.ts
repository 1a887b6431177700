/**
 * Who may see whom. Pure: the caller loads the viewer's scope and the target's placement.
 *
 * - everyone sees themselves;
 * - a manager sees the people in the teams they manage;
 * - a leader sees the people in teams under the org units they lead (the whole subtree);
 * - an admin sees everyone.
 */
export type Role = 'staff' | 'manager' | 'leader' | 'admin';

export interface Scope {
	personId: string;
	isAdmin: boolean;
	managedTeamIds: readonly string[];
	/** Materialised paths (`/a/b/`) of the units this person leads. */
	ledUnitPaths: readonly string[];
}

export interface Placement {
	personId: string;
	teamId: string | null;
	/** Path of the unit the person's team belongs to, or null without a team. */
	unitPath: string | null;
}

export function isUnitWithin(unitPath: string, ancestorPath: string): boolean {
	return unitPath.startsWith(ancestorPath);
}

export function canSeePerson(scope: Scope, target: Placement): boolean {
	if (scope.isAdmin || scope.personId === target.personId) return true;
	if (target.teamId !== null && scope.managedTeamIds.includes(target.teamId)) return true;
	const unitPath = target.unitPath;
	return unitPath !== null && scope.ledUnitPaths.some((led) => isUnitWithin(unitPath, led));
}

export function rolesOf(scope: Scope): Role[] {
	const roles: Role[] = ['staff'];
	if (scope.managedTeamIds.length > 0) roles.push('manager');
	if (scope.ledUnitPaths.length > 0) roles.push('leader');
	if (scope.isAdmin) roles.push('admin');
	return roles;
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
