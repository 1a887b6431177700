import { error } from '@sveltejs/kit';
import type { Db } from '../db';
import { scopeOf } from '../people/credentials';
import { getPersonDetail } from '../people/directory';
import { rolesOf, type Role, type Scope } from '../people/rules';
import { m } from '../../paraglide/messages.js';

/** The signed-in person as every request sees them (`locals.user`). */
export interface CurrentUser {
	id: string;
	name: string;
	email: string;
	jobTitle: string;
	teamId: string | null;
	managerName: string | null;
	timeZone: string;
	language: string;
	scope: Scope;
	roles: Role[];
}

/** Loads the person behind a session; null when they no longer exist or were deactivated. */
export async function loadCurrentUser(database: Db, personId: string): Promise<CurrentUser | null> {
	const [person, scope] = await Promise.all([getPersonDetail(database, personId), scopeOf(database, personId)]);
	if (!person || person.active !== 1) return null;
	return {
		id: person.id,
		name: person.name,
		email: person.email,
		jobTitle: person.job_title,
		teamId: person.team_id,
		managerName: person.manager_name,
		timeZone: person.time_zone,
		language: person.language,
		scope,
		roles: rolesOf(scope)
	};
}

/** For loads and actions behind sign-in; the hook has already redirected anonymous visitors. */
export function requireUser(locals: App.Locals): CurrentUser {
	if (!locals.user) error(401, m.shell_sign_in_required());
	return locals.user;
}
