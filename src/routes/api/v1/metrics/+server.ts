import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { ingestMetricValues, problemResponse, unauthorised } from '$lib/server/metrics/ingest';
import { authenticateIntegration } from '$lib/server/metrics/integrations';
import type { RequestHandler } from './$types';

/** BI tools post metric values here with an integration's bearer token (see docs/metrics-import.md). */
export const POST: RequestHandler = async ({ request }) => {
	const now = new Date();
	const authorization = request.headers.get('authorization');
	const integration = await authenticateIntegration(db(), authorization, now);
	if (!integration) return unauthorised(/^Bearer\s/i.test(authorization ?? ''));

	let body: string;
	try {
		body = await request.text();
	} catch {
		// adapter-node refuses bodies over BODY_SIZE_LIMIT while they are read.
		return problemResponse({
			type: 'about:blank',
			title: 'Content Too Large',
			status: 413,
			detail: 'The body is too large; send at most 5,000 items per request.'
		});
	}
	const outcome = await ingestMetricValues(db(), integration, body, now);
	if (!outcome.ok) return problemResponse(outcome.problem);
	return json(outcome.counts, { headers: { 'cache-control': 'no-store' } });
};

/** Every other method: the endpoint only takes posts. */
export const fallback: RequestHandler = ({ request }) =>
	problemResponse(
		{
			type: 'about:blank',
			title: 'Method Not Allowed',
			status: 405,
			detail: `${request.method} is not supported here; send values with POST.`
		},
		{ allow: 'POST' }
	);
