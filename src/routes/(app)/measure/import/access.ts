import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';

/** The import is for team managers (their own teams) and admins (every team); anyone else gets 404. */
export function requireImporter(locals: App.Locals) {
	const user = requireUser(locals);
	if (!user.scope.isAdmin && user.scope.managedTeamIds.length === 0) error(404, 'We could not find that page.');
	return user;
}
