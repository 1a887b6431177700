import { canAdminister, leadsAnyUnit, managesAnyTeam, managesPerson } from '../people/policy';
import type { Scope } from '../people/rules';

/**
 * The buddies domain's policy. Pure: callers load the cycle or the pair's members. Admins and
 * leaders run cycles; managers nominate their people; the buddies themselves use their pair page,
 * which the cycle owner, the members' managers and admins may also read.
 */

/** Open a buddy cycle: admins and leaders. */
export function canRunCycles(scope: Scope): boolean {
	return canAdminister(scope) || leadsAnyUnit(scope);
}

/** Nominate people for open cycles: managers. */
export function canNominate(scope: Scope): boolean {
	return managesAnyTeam(scope);
}

export interface CycleAccess {
	/** Runs the cycle: matching, locks, swaps, publishing. Its owner, and admins. */
	owns: boolean;
	/** Opens it to nominate their own people. */
	nominates: boolean;
	/** Sees it at all; otherwise it does not exist for them (404). */
	see: boolean;
}

export function cycleAccess(scope: Scope, cycle: { owner_id: string | null }): CycleAccess {
	const owns = canAdminister(scope) || cycle.owner_id === scope.personId;
	const nominates = canNominate(scope);
	return { owns, nominates, see: owns || nominates };
}

export interface PairMember {
	id: string;
	team_id: string | null;
	unit_path: string | null;
	manager_id: string | null;
}

export interface PairAccess {
	/** One of the buddies: logs meetings, plans them and records the fit. */
	member: boolean;
	/** Sees the pair: a buddy, the cycle owner, a buddy's manager or an admin. */
	any: boolean;
}

export function pairAccess(
	scope: Scope,
	pair: { owner_id: string | null },
	members: readonly PairMember[]
): PairAccess {
	const member = members.some((m) => m.id === scope.personId);
	const overseer =
		canAdminister(scope) ||
		pair.owner_id === scope.personId ||
		members.some((m) =>
			managesPerson(scope, { personId: m.id, teamId: m.team_id, unitPath: m.unit_path, managerId: m.manager_id })
		);
	return { member, any: member || overseer };
}
