import type { Db } from '../db';
import { getPersonDetail, listGrants, placementOf, type PersonDetail, type GrantRow } from './queries';
import { canSeePerson } from './policy';
import type { Scope } from './rules';

/**
 * A person as seen by a viewer: undefined both when they do not exist and when they are out of
 * the viewer's scope, so pages answer 404 alike and never confirm who exists elsewhere.
 */
export async function personForViewer(
	database: Db,
	viewer: Scope,
	personId: string
): Promise<{ person: PersonDetail; grants: GrantRow[] } | undefined> {
	const placement = await placementOf(database, personId);
	if (!placement || !canSeePerson(viewer, placement)) return undefined;
	const [person, grants] = await Promise.all([getPersonDetail(database, personId), listGrants(database, personId)]);
	return person && { person, grants };
}
