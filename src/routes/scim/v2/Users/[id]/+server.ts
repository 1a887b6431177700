import { baseUrlOf, scimError, scimRequest } from '$lib/server/provisioning/http';
import { deleteUser, getUser, patchUser, replaceUser } from '$lib/server/provisioning/users';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** One SCIM User: read, replace, patch, delete (deactivates the person). */
export const GET: RequestHandler = (event) =>
	scimRequest(event, false, (connection) => getUser(db(), connection, event.params.id, baseUrlOf(event.url)));

export const PUT: RequestHandler = (event) =>
	scimRequest(event, true, (connection, body, now) =>
		replaceUser(db(), connection, event.params.id, body, now, baseUrlOf(event.url))
	);

export const PATCH: RequestHandler = (event) =>
	scimRequest(event, true, (connection, body, now) =>
		patchUser(db(), connection, event.params.id, body, now, baseUrlOf(event.url))
	);

export const DELETE: RequestHandler = (event) =>
	scimRequest(event, false, (connection, _body, now) => deleteUser(db(), connection, event.params.id, now));

export const fallback: RequestHandler = ({ request }) =>
	scimError(405, `${request.method} is not supported on a User.`, undefined, { allow: 'GET, PUT, PATCH, DELETE' });
