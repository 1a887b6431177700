import { baseUrlOf, scimError, scimRequest, withMembers } from '$lib/server/provisioning/http';
import { deleteGroup, getGroup, patchGroup, replaceGroup } from '$lib/server/provisioning/groups';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** One SCIM Group: read, replace, patch (members added and removed), delete. */
export const GET: RequestHandler = (event) =>
	scimRequest(event, false, (connection) =>
		getGroup(db(), connection, event.params.id, withMembers(event.url), baseUrlOf(event.url))
	);

export const PUT: RequestHandler = (event) =>
	scimRequest(event, true, (connection, body, now) =>
		replaceGroup(db(), connection, event.params.id, body, now, baseUrlOf(event.url))
	);

export const PATCH: RequestHandler = (event) =>
	scimRequest(event, true, (connection, body, now) => patchGroup(db(), connection, event.params.id, body, now));

export const DELETE: RequestHandler = (event) =>
	scimRequest(event, false, (connection) => deleteGroup(db(), connection, event.params.id));

export const fallback: RequestHandler = ({ request }) =>
	scimError(405, `${request.method} is not supported on a Group.`, undefined, { allow: 'GET, PUT, PATCH, DELETE' });
