import { baseUrlOf, scimError, scimRequest, withMembers } from '$lib/server/provisioning/http';
import { createGroup, listGroups } from '$lib/server/provisioning/groups';
import { readPage } from '$lib/server/provisioning/scim';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** SCIM Groups: list with `filter`, `startIndex`, `count`; create. */
export const GET: RequestHandler = (event) =>
	scimRequest(event, false, (connection) => {
		const { searchParams } = event.url;
		const page = readPage(searchParams.get('startIndex'), searchParams.get('count'));
		return listGroups(
			db(),
			connection,
			{ filter: searchParams.get('filter'), ...page, withMembers: withMembers(event.url) },
			baseUrlOf(event.url)
		);
	});

export const POST: RequestHandler = (event) =>
	scimRequest(event, true, (connection, body, now) => createGroup(db(), connection, body, now, baseUrlOf(event.url)));

export const fallback: RequestHandler = ({ request }) =>
	scimError(405, `${request.method} is not supported on /Groups.`, undefined, { allow: 'GET, POST' });
