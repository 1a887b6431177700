import { z } from 'zod';
import { recordAudit } from '../audit/log';
import type { Db } from '../db';
import type { Integration } from '../db/schema';
import type { Refusal } from '../service-result';
import * as messages from '../../paraglide/messages.js';
import { planMetricValues } from './plan';
import { upsertValues } from './queries';
import { loadValueWorld } from './values';

/**
 * `POST /api/v1/metrics`: values sent by a BI tool. Problems come back as RFC 9457 problem
 * details: 400 when the body is not JSON of the right shape, 422 when it is well formed but some
 * items do not hold (unknown team, wrong period, …). Either way nothing is stored.
 */

export const MAX_API_ITEMS = 5000;
/** Problem details list at most this many errors; `detail` says how many there were. */
const MAX_LISTED_ERRORS = 500;

export interface ProblemError {
	/** JSON Pointer (RFC 6901) into the request body, e.g. `/values/3/period`. */
	pointer: string;
	detail: string;
}

export interface Problem {
	type: string;
	title: string;
	status: number;
	detail: string;
	errors?: ProblemError[];
}

export const problemTypes = {
	invalidJson: 'urn:ripple:problem:invalid-json',
	invalidPayload: 'urn:ripple:problem:invalid-payload',
	invalidValues: 'urn:ripple:problem:invalid-values'
} as const;

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(problem), {
		status: problem.status,
		headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...headers }
	});
}

export function unauthorised(hadToken: boolean): Response {
	return problemResponse(
		{
			type: 'about:blank',
			title: 'Unauthorized',
			status: 401,
			detail: hadToken
				? 'The bearer token is unknown or has been revoked. Ask a Ripple admin for a new integration token.'
				: 'Send an integration token as "Authorization: Bearer <token>". Ripple admins create them under Admin › Integrations.'
		},
		{ 'www-authenticate': hadToken ? 'Bearer realm="ripple", error="invalid_token"' : 'Bearer realm="ripple"' }
	);
}

const text = (what: string) => z.string(`Give ${what} as a JSON string`);

export const ingestSchema = z.object(
	{
		values: z
			.array(
				z.object(
					{
						team: text('the team (its name or id)'),
						metric: text('the metric key'),
						period: text('the period, such as "2026-11" or "2026-W47",'),
						value: z.number('Give the value as a JSON number, such as 97.5')
					},
					'Each item must be an object with team, metric, period and value'
				),
				'Send "values" as an array of items'
			)
			.min(1, 'Send at least one item in "values"')
			.max(
				MAX_API_ITEMS,
				`Send at most ${MAX_API_ITEMS.toLocaleString('en-GB')} items per request; split larger batches`
			)
	},
	'Send a JSON object with a "values" array'
);

/**
 * A plan's problem for integrators: the API answers in English whatever the request's language,
 * so BI tools and their logs read the same text everywhere.
 */
function inEnglish(refusal: Refusal): string {
	const message = messages[refusal.code] as (inputs: Refusal['params'], options: { locale: 'en' }) => string;
	return message(refusal.params ?? {}, { locale: 'en' });
}

function pointerOf(path: readonly PropertyKey[]): string {
	return path.map((p) => '/' + String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

function withErrors(problem: Omit<Problem, 'errors' | 'detail'>, detail: string, errors: ProblemError[]): Problem {
	const more =
		errors.length > MAX_LISTED_ERRORS ? ` The first ${MAX_LISTED_ERRORS} of ${errors.length} are listed.` : '';
	return { ...problem, detail: detail + more, errors: errors.slice(0, MAX_LISTED_ERRORS) };
}

export interface IngestCounts {
	received: number;
	created: number;
	updated: number;
	unchanged: number;
}

export type IngestOutcome = { ok: true; counts: IngestCounts } | { ok: false; problem: Problem };

/** Checks and stores a request body for an authenticated integration: every item, or none. */
export async function ingestMetricValues(
	database: Db,
	integration: Pick<Integration, 'id' | 'name'>,
	body: string,
	now: Date
): Promise<IngestOutcome> {
	let json: unknown;
	try {
		json = JSON.parse(body);
	} catch {
		return {
			ok: false,
			problem: {
				type: problemTypes.invalidJson,
				title: 'The body is not JSON',
				status: 400,
				detail:
					'Send a JSON object such as {"values": [{"team": "Accounts Payable", "metric": "sla_on_time", "period": "2026-11", "value": 97.5}]}.'
			}
		};
	}
	const parsed = ingestSchema.safeParse(json);
	if (!parsed.success) {
		const errors = parsed.error.issues.map((i) => ({ pointer: pointerOf(i.path), detail: i.message }));
		return {
			ok: false,
			problem: withErrors(
				{ type: problemTypes.invalidPayload, title: 'The body does not have the expected shape', status: 400 },
				'Nothing was stored.',
				errors
			)
		};
	}

	const items = parsed.data.values;
	const today = now.toISOString().slice(0, 10);
	return database.transaction().execute(async (trx): Promise<IngestOutcome> => {
		const plan = planMetricValues(items, await loadValueWorld(trx, items, 'all', today), {
			duplicateOf: (index) => ({ code: 'measure_value_duplicate_item', params: { pointer: `/values/${index}` } })
		});
		if (plan.issues.length > 0) {
			const errors = plan.issues.map((i) => ({
				pointer: `/values/${i.index}/${i.field}`,
				detail: inEnglish(i.reason)
			}));
			const count = new Set(plan.issues.map((i) => i.index)).size;
			return {
				ok: false,
				problem: withErrors(
					{ type: problemTypes.invalidValues, title: 'Some values cannot be stored', status: 422 },
					items.length === 1
						? 'The item has problems. Nothing was stored.'
						: `${count} of ${items.length} items have problems. Nothing was stored.`,
					errors
				)
			};
		}
		await upsertValues(
			trx,
			plan.values.filter((v) => v.action !== 'unchanged'),
			{ source: 'api', updatedBy: null, integrationId: integration.id, at: now.toISOString() }
		);
		const counts = {
			received: items.length,
			created: plan.counts.create,
			updated: plan.counts.update,
			unchanged: plan.counts.unchanged
		};
		await recordAudit(trx, {
			actorId: null,
			action: 'metric_values.ingested',
			objectType: 'integration',
			objectId: integration.id,
			summary: { code: 'measure_audit_values_ingested', params: { name: integration.name, ...counts } },
			details: { integrationId: integration.id, ...counts },
			at: now
		});
		return { ok: true, counts };
	});
}
