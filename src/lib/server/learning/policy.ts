import { canOrganiseLunchSessions } from '../lunch-and-learn/policy';
import { canAdminister, leadsAnyUnit, leadsPeople, managesAnyTeam } from '../people/policy';
import type { Scope } from '../people/rules';

/**
 * The learning domain's policy. Pure: everything it needs is in the actor's scope. Every signed-in
 * person takes modules, writes reflections and earns certificates for themselves; what differs is
 * who may assign and follow other people's learning.
 */

/** Assign and withdraw learning: managers (for the teams they manage) and admins (for every team). */
export function canAssignLearning(scope: Scope): boolean {
	return canAdminister(scope) || managesAnyTeam(scope);
}

/** Assign to this team in particular. */
export function canAssignTo(scope: Scope, teamId: string): boolean {
	return canAdminister(scope) || scope.managedTeamIds.includes(teamId);
}

/** Open team learning: whoever assigns, and leaders, who follow completion across their unit. */
export function canFollowTeamLearning(scope: Scope): boolean {
	return canAssignLearning(scope) || leadsAnyUnit(scope);
}

/** Leaders see completion rolled up for the units they lead. */
export function seesUnitRollup(scope: Scope): boolean {
	return leadsAnyUnit(scope);
}

/** A module's manager discussion guide: whoever leads people (managers, leaders) and admins. */
export function canReadManagerGuide(scope: Scope): boolean {
	return canAdminister(scope) || leadsPeople(scope);
}

/** A module's facilitator guide: whoever may run it as a lunch-and-learn. */
export function canReadFacilitatorGuide(scope: Scope): boolean {
	return canOrganiseLunchSessions(scope);
}
