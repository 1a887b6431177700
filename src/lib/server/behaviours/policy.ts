import type { ObservationSource } from '../db/schema';
import { managesPerson } from '../people/policy';
import { isUnitWithin, type Scope } from '../people/rules';

/**
 * The behaviours domain's policy: who writes and who reads observations. Pure: the caller loads the viewer's scope and the observed
 * person's placement.
 *
 * Writing: the source is never taken from a form. It follows from who writes about whom:
 * - about yourself: `self`;
 * - about someone you manage, as a manager of their team or as their line manager: `manager`;
 * - about anyone else who is active: `peer` (leaders and admins included, unless they also manage).
 *
 * Reading: the observed person, whoever manages them, leaders of a unit above their team, admins
 * and the author. Everyone else is told the observation does not exist.
 */
export interface ObservedPerson {
	personId: string;
	teamId: string | null;
	/** Path of the unit their team belongs to; null without a team. */
	unitPath: string | null;
	managerId: string | null;
	active: boolean;
}

/** The source an observation by this viewer about this person gets; null when they cannot write one. */
export function observationSource(scope: Scope, person: ObservedPerson): ObservationSource | null {
	if (scope.personId === person.personId) return 'self';
	if (!person.active) return null;
	return managesPerson(scope, person) ? 'manager' : 'peer';
}

/** May see every observation about the person, whoever wrote it. */
export function seesAllObservationsOf(scope: Scope, person: Omit<ObservedPerson, 'active'>): boolean {
	if (scope.isAdmin || scope.personId === person.personId || managesPerson(scope, person)) return true;
	const unitPath = person.unitPath;
	return unitPath !== null && scope.ledUnitPaths.some((led) => isUnitWithin(unitPath, led));
}

export interface ObservationAccess {
	see: boolean;
	/** Change the rating and its evidence: the author only. */
	edit: boolean;
	/** The author, and admins (e.g. for something written in error or in bad faith). */
	remove: boolean;
	/** The observed person answers what others wrote about them. */
	respond: boolean;
}

export function observationAccess(
	scope: Scope,
	observation: { person: Omit<ObservedPerson, 'active'>; authorId: string | null; source: ObservationSource }
): ObservationAccess {
	const author = observation.authorId !== null && observation.authorId === scope.personId;
	const see = author || seesAllObservationsOf(scope, observation.person);
	return {
		see,
		edit: author,
		remove: author || scope.isAdmin,
		respond: scope.personId === observation.person.personId && observation.source !== 'self'
	};
}
