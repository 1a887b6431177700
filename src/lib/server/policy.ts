import { error } from '@sveltejs/kit';
import type { Actor } from './auth/actor';
import { canAdminister } from './people/policy';
import type { Scope } from './people/rules';
import { m } from '../paraglide/messages.js';

/**
 * The one way a load or action applies a domain's policy. Each domain's `policy.ts` holds pure
 * predicates (`canAssignLearning`, `visitRoles`, `teamAccess`, …); routes require them here, so
 * every refusal follows one rule (docs/architecture.md):
 *
 * - 404 when the object does not exist or lies outside the actor's scope. The two are answered
 *   alike, so nobody learns what exists beyond what they may see.
 * - 403 when the actor may see the object, or the page is a feature some people may use, but this
 *   page or action is not theirs.
 */

/** The signed-in actor. The hook has already sent anonymous visitors to sign-in. */
export function requireActor(locals: App.Locals): Actor {
	if (!locals.actor) error(401, m.shell_sign_in_required());
	return locals.actor;
}

/** An object the actor may see: 404 when it is missing or out of their scope. */
export function requireFound<T>(value: T | null | undefined, message: string = m.shell_page_not_found()): T {
	if (value === null || value === undefined) error(404, message);
	return value;
}

/** A permission the actor must hold: 403 when they do not. */
export function requireAllowed(allowed: boolean, message: string): void {
	if (!allowed) error(403, message);
}

/**
 * The actor, for a page or action that a domain predicate opens to some people (managers,
 * organisers, admins…): 403 for everyone else, who may know the page exists.
 */
export function requireCapability(locals: App.Locals, allows: (scope: Scope) => boolean, message: string): Actor {
	const actor = requireActor(locals);
	requireAllowed(allows(actor.scope), message);
	return actor;
}

/** Administration pages and actions. */
export function requireAdmin(locals: App.Locals): Actor {
	return requireCapability(locals, canAdminister, m.shell_admin_only());
}
