import { baseUrlOf, scimError, scimRequest } from '$lib/server/provisioning/http';
import { readPage } from '$lib/server/provisioning/scim';
import { createUser, listUsers } from '$lib/server/provisioning/users';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** SCIM Users (RFC 7644 §3.3 and §3.4.2): list with `filter`, `startIndex`, `count`; create. */
export const GET: RequestHandler = (event) =>
	scimRequest(event, false, (connection) => {
		const { searchParams } = event.url;
		const page = readPage(searchParams.get('startIndex'), searchParams.get('count'));
		return listUsers(db(), connection, { filter: searchParams.get('filter'), ...page }, baseUrlOf(event.url));
	});

export const POST: RequestHandler = (event) =>
	scimRequest(event, true, (connection, body, now) => createUser(db(), connection, body, now, baseUrlOf(event.url)));

export const fallback: RequestHandler = ({ request }) =>
	scimError(405, `${request.method} is not supported on /Users.`, undefined, { allow: 'GET, POST' });
