import { canAdminister, managesAnyTeam, managesPerson } from '../people/policy';
import type { Scope } from '../people/rules';

/**
 * The shadowing domain's policy. Pure: callers load the visit's people and slot. Anyone may ask to
 * shadow another team; managers publish slots for the teams they manage; a request is approved by
 * the visitor's manager and confirmed by the host side.
 */

/** Publish slots and blackouts for this team: its managers, and admins for every team. */
export function canHostFor(scope: Scope, teamId: string): boolean {
	return canAdminister(scope) || scope.managedTeamIds.includes(teamId);
}

/** Publish slots and blackouts, and follow a team's visits: managers and admins. */
export function canManageShadowing(scope: Scope): boolean {
	return canAdminister(scope) || managesAnyTeam(scope);
}

/**
 * Open the requests and hosting page: managers and admins, and anyone named as the host of a slot
 * that has visits (any team member may host), who confirms their visitors there.
 */
export function canOpenHosting(scope: Scope, hostsVisits: boolean): boolean {
	return canManageShadowing(scope) || hostsVisits;
}

export interface VisitParties {
	visitor: { id: string; team_id: string | null; manager_id: string | null; unit_path: string | null };
	host: { id: string };
	slot: { team_id: string };
}

export interface VisitRoles {
	visitor: boolean;
	/** Approves or declines the request: the visitor's manager or an admin, never the visitor themselves. */
	approver: boolean;
	/** Confirms and gives feedback: the host, the host team's managers and admins. */
	host: boolean;
	/** Takes any part; without one the visit is out of scope (404). */
	any: boolean;
}

export function visitRoles(visit: VisitParties, scope: Scope): VisitRoles {
	const visitor = visit.visitor.id === scope.personId;
	const approver =
		!visitor &&
		(canAdminister(scope) ||
			managesPerson(scope, {
				personId: visit.visitor.id,
				teamId: visit.visitor.team_id,
				unitPath: visit.visitor.unit_path,
				managerId: visit.visitor.manager_id
			}));
	const host = visit.host.id === scope.personId || canHostFor(scope, visit.slot.team_id);
	return { visitor, approver, host, any: visitor || approver || host };
}
