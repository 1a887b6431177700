/** Roles and scopes: what a person's grants add up to. Who may do what is in ./policy.ts. */
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

export function rolesOf(scope: Scope): Role[] {
	const roles: Role[] = ['staff'];
	if (scope.managedTeamIds.length > 0) roles.push('manager');
	if (scope.ledUnitPaths.length > 0) roles.push('leader');
	if (scope.isAdmin) roles.push('admin');
	return roles;
}
