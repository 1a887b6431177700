import { resourceTypes } from '$lib/server/provisioning/discovery';
import { baseUrlOf, scimError, scimRequest } from '$lib/server/provisioning/http';
import type { RequestHandler } from './$types';

/** SCIM discovery (RFC 7644 §4), for a connection's token like every other SCIM request. */
export const GET: RequestHandler = (event) =>
	scimRequest(event, false, async () => ({ status: 200, body: resourceTypes(baseUrlOf(event.url)) }));

export const fallback: RequestHandler = ({ request }) =>
	scimError(405, `${request.method} is not supported here.`, undefined, { allow: 'GET' });
