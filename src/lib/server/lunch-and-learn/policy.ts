import { canAdminister, leadsPeople } from '../people/policy';
import type { Scope } from '../people/rules';

/**
 * The lunch-and-learn domain's policy. Pure. Everyone browses sessions and books a place; the
 * organiser of a session takes its attendance and may cancel it.
 */

/** Plan sessions: managers, leaders and admins. */
export function canOrganiseLunchSessions(scope: Scope): boolean {
	return canAdminister(scope) || leadsPeople(scope);
}

/** Take attendance and cancel: the session's organiser. */
export function organises(scope: Scope, session: { organiser_id: string }): boolean {
	return session.organiser_id === scope.personId;
}
