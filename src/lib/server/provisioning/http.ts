import type { RequestEvent } from '@sveltejs/kit';
import { db } from '../db';
import { newId } from '../db/ids';
import type { DirectoryConnection } from '../db/schema';
import { authenticateConnection } from './connections';
import { errorBody, problem, SCIM_CONTENT_TYPE } from './scim';
import type { ScimAnswer } from './users';

/**
 * The HTTP side of SCIM: the bearer token names the connection, the body is JSON (as
 * `application/scim+json` or `application/json`), answers and errors are SCIM's, and every request
 * a connection makes goes into its provisioning log with its result.
 */

const MAX_BODY = 256 * 1024;

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
	return new Response(body === undefined ? null : JSON.stringify(body), {
		status,
		headers: { 'content-type': SCIM_CONTENT_TYPE, 'cache-control': 'no-store', ...headers }
	});
}

export function scimError(
	status: number,
	detail: string,
	scimType?: Parameters<typeof problem>[2],
	headers?: Record<string, string>
) {
	return answer(status, errorBody(problem(status, detail, scimType)), headers);
}

/** Whether a Group is answered with its members: not when `excludedAttributes=members` (Entra ID's lookups). */
export function withMembers(url: URL): boolean {
	const excluded = (url.searchParams.get('excludedAttributes') ?? '').split(',');
	return !excluded.some((a) => a.trim().toLowerCase() === 'members');
}

export function baseUrlOf(url: URL): string {
	return `${url.origin}/scim/v2`;
}

type Handler = (connection: DirectoryConnection, body: unknown, now: Date) => Promise<ScimAnswer>;

/** Runs one SCIM request for the connection the token names; `readBody` for POST, PUT and PATCH. */
export async function scimRequest(event: RequestEvent, readBody: boolean, handle: Handler): Promise<Response> {
	const now = new Date();
	const connection = await authenticateConnection(db(), event.request.headers.get('authorization'), now);
	if (!connection)
		return scimError(401, 'A valid bearer token of a directory connection is required.', undefined, {
			'www-authenticate': 'Bearer realm="Ripple SCIM"'
		});

	let body: unknown = undefined;
	let answered: ScimAnswer;
	if (readBody) {
		const parsed = await readJson(event.request);
		answered = parsed.ok ? await handle(connection, parsed.value, now) : { problem: parsed.problem };
	} else {
		answered = await handle(connection, body, now);
	}
	const status = 'problem' in answered ? answered.problem.status : answered.status;
	await db()
		.insertInto('provisioning_log')
		.values({
			id: newId(),
			connection_id: connection.id,
			at: now.toISOString(),
			method: event.request.method,
			path: `${event.url.pathname}${event.url.search}`.slice(0, 500),
			status,
			scim_type: 'problem' in answered ? (answered.problem.scimType ?? null) : null,
			detail: 'problem' in answered ? answered.problem.detail.slice(0, 500) : null,
			resource_id: answered.resourceId ?? null
		})
		.execute();
	if ('problem' in answered) return answer(status, errorBody(answered.problem), answered.headers);
	body = answered.body;
	const location =
		status === 201 && answered.resourceId
			? { location: `${event.url.origin}${event.url.pathname.replace(/\/$/, '')}/${answered.resourceId}` }
			: undefined;
	return answer(status, status === 204 ? undefined : body, location);
}

async function readJson(
	request: Request
): Promise<{ ok: true; value: unknown } | { ok: false; problem: ReturnType<typeof problem> }> {
	const type = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
	if (type !== SCIM_CONTENT_TYPE && type !== 'application/json')
		return { ok: false, problem: problem(415, `Send ${SCIM_CONTENT_TYPE} (or application/json).`) };
	let text: string;
	try {
		text = await request.text();
	} catch {
		return { ok: false, problem: problem(413, 'The body is too large.') };
	}
	if (text.length > MAX_BODY) return { ok: false, problem: problem(413, 'The body is too large.') };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false, problem: problem(400, 'The body is not JSON.', 'invalidSyntax') };
	}
}
