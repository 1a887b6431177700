import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodOf, shiftPeriod } from '../../src/lib/periods';
import type { Db } from '../../src/lib/server/db';
import { createMetric } from '../../src/lib/server/metrics/definitions';
import { createIntegration, revokeIntegration } from '../../src/lib/server/metrics/integrations';
import { fallback, POST } from '../../src/routes/api/v1/metrics/+server';
import { addGrant, addPerson, addTeam, addUnit, openTempDbForApp, T0, type TempDb, plainActor } from './temp-db';

/*
 * The handler is called as SvelteKit would call it. It reaches the database through `db()`, which
 * opens DATABASE_URL on first use, so the variable points at this suite's database before any call.
 */
type Event = Parameters<typeof POST>[0];
const admin = plainActor('p-admin', null, { isAdmin: true });
const today = new Date().toISOString().slice(0, 10);
const lastMonth = shiftPeriod(periodOf('month', today), -1);
const lastWeek = shiftPeriod(periodOf('week', today), -1);

let temp: TempDb;
let db: Db;
let token: string;
let integrationId: string;

beforeAll(async () => {
	temp = await openTempDbForApp('metrics-api');
	db = temp.db;
	await addUnit(db, 'u-fin', 'Finance');
	await addTeam(db, 't-ap', 'Accounts Payable', 'u-fin');
	await addTeam(db, 't-gl', 'General Ledger', 'u-fin');
	await addPerson(db, { id: admin.id, email: 'admin@example.com', name: 'Ada Admin' });
	await addGrant(db, admin.id, 'admin');
	const base = {
		description: '',
		unit: '%',
		direction: 'higher',
		target: 95,
		amber_band: 3,
		kind: 'sla',
		period: 'month',
		rollup: 'mean',
		language: 'en'
	} as const;
	await createMetric(db, admin, { ...base, name: 'On time', key: 'sla_on_time' }, T0);
	await createMetric(
		db,
		admin,
		{ ...base, name: 'Requests', key: 'requests_handled', period: 'week', rollup: 'sum', target: null },
		T0
	);
	const created = await createIntegration(db, admin, { name: 'Power BI' }, T0);
	if (!created.ok) throw new Error('no integration');
	token = created.token;
	integrationId = created.id;
});

afterAll(async () => {
	await temp?.close();
});

function post(body: unknown, auth: string | null = `Bearer ${token}`) {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (auth) headers.authorization = auth;
	const request = new Request('http://localhost/api/v1/metrics', {
		method: 'POST',
		headers,
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
	return POST({ request } as unknown as Event);
}

async function snapshot() {
	return {
		values: await db
			.selectFrom('metric_values')
			.selectAll()
			.orderBy('metric_id')
			.orderBy('team_id')
			.orderBy('period')
			.execute(),
		audit: await db.selectFrom('audit_events').selectAll().orderBy('id').execute()
	};
}

const item = (over: Record<string, unknown> = {}) => ({
	team: 'Accounts Payable',
	metric: 'sla_on_time',
	period: lastMonth,
	value: 97.5,
	...over
});

describe('POST /api/v1/metrics', () => {
	it('refuses a request without a token, or with a malformed or unknown one', async () => {
		for (const auth of [null, 'Basic abc', `Bearer ${token}x`, `Bearer rpl_${'a'.repeat(16)}_${'b'.repeat(32)}`]) {
			const response = await post({ values: [item()] }, auth);
			expect(response.status).toBe(401);
			expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="ripple"/);
			expect(response.headers.get('content-type')).toBe('application/problem+json');
			expect(await response.json()).toMatchObject({ type: 'about:blank', title: 'Unauthorized', status: 401 });
		}
	});

	it('explains every invalid field of a malformed payload with a pointer, and stores nothing', async () => {
		const before = await snapshot();
		const response = await post({
			values: [item(), { team: 'Accounts Payable', metric: 7, period: lastMonth, value: '97' }]
		});
		expect(response.status).toBe(400);
		expect(response.headers.get('content-type')).toBe('application/problem+json');
		expect(await response.json()).toEqual({
			type: 'urn:ripple:problem:invalid-payload',
			title: 'The body does not have the expected shape',
			status: 400,
			detail: 'Nothing was stored.',
			errors: [
				{ pointer: '/values/1/metric', detail: 'Give the metric key as a JSON string' },
				{ pointer: '/values/1/value', detail: 'Give the value as a JSON number, such as 97.5' }
			]
		});
		expect(await snapshot()).toEqual(before);
	});

	it('answers 400 for a body that is not JSON or has no values', async () => {
		const notJson = await post('values=1');
		expect(notJson.status).toBe(400);
		expect(await notJson.json()).toMatchObject({ type: 'urn:ripple:problem:invalid-json', status: 400 });
		const empty = await post({ values: [] });
		expect((await empty.json()).errors).toEqual([{ pointer: '/values', detail: 'Send at least one item in "values"' }]);
		const wrong = await post([1, 2]);
		expect((await wrong.json()).errors).toEqual([{ pointer: '', detail: 'Send a JSON object with a "values" array' }]);
	});

	it('stores nothing when any item fails a check, and points at each one (422)', async () => {
		const before = await snapshot();
		const response = await post({
			values: [
				item(),
				item({ team: 'Nowhere' }),
				item({ metric: 'requests_handled' }),
				item({ metric: 'case_net_score' }),
				item({ period: shiftPeriod(lastMonth, 2) })
			]
		});
		expect(response.status).toBe(422);
		expect(response.headers.get('content-type')).toBe('application/problem+json');
		const problem = await response.json();
		expect(problem).toMatchObject({
			type: 'urn:ripple:problem:invalid-values',
			status: 422,
			detail: '4 of 5 items have problems. Nothing was stored.'
		});
		expect(problem.errors).toEqual([
			{ pointer: '/values/1/team', detail: '"Nowhere" is not a team' },
			{ pointer: '/values/2/period', detail: 'requests_handled is weekly: use an ISO week such as 2026-W47' },
			{ pointer: '/values/3/metric', detail: 'case_net_score is worked out from case feedback and takes no values' },
			{ pointer: '/values/4/period', detail: `${shiftPeriod(lastMonth, 2)} has not started yet` }
		]);
		expect(await snapshot()).toEqual(before);
	});

	it('stores a valid batch, counts what changed and records the integration', async () => {
		const first = await post({
			values: [
				item(),
				item({ team: 't-gl', value: 91 }),
				item({ metric: 'requests_handled', period: lastWeek, value: 140 })
			]
		});
		expect(first.status).toBe(200);
		expect(await first.json()).toEqual({ received: 3, created: 3, updated: 0, unchanged: 0 });

		const second = await post({ values: [item(), item({ team: 'general ledger', value: 92.5 })] });
		expect(await second.json()).toEqual({ received: 2, created: 0, updated: 1, unchanged: 1 });

		const stored = await db
			.selectFrom('metric_values')
			.select(['team_id', 'value', 'source', 'integration_id', 'updated_by'])
			.where('period', '=', lastMonth)
			.orderBy('team_id')
			.execute();
		expect(stored).toEqual([
			{ team_id: 't-ap', value: 97.5, source: 'api', integration_id: integrationId, updated_by: null },
			{ team_id: 't-gl', value: 92.5, source: 'api', integration_id: integrationId, updated_by: null }
		]);
		const audit = await db
			.selectFrom('audit_events')
			.select(['actor_id', 'object_id', 'summary', 'details'])
			.where('action', '=', 'metric_values.ingested')
			.orderBy('at')
			.execute();
		expect(audit).toHaveLength(2);
		expect(audit[0]).toMatchObject({
			actor_id: null,
			object_id: integrationId,
			summary: 'Power BI sent 3 metric values: 3 new, 0 changed, 0 unchanged'
		});
		// The summary is stored in English, and as a message for each reader to see in their language.
		const counts = { received: 3, created: 3, updated: 0, unchanged: 0 };
		expect(JSON.parse(audit[0]?.details ?? '{}')).toEqual({
			integrationId,
			...counts,
			wording: { code: 'measure_audit_values_ingested', params: { name: 'Power BI', ...counts } }
		});
		expect(audit[1]?.summary).toBe('Power BI sent 2 metric values: 0 new, 1 changed, 1 unchanged');
		const integration = await db
			.selectFrom('integrations')
			.select('last_used_at')
			.where('id', '=', integrationId)
			.executeTakeFirstOrThrow();
		expect(integration.last_used_at).not.toBeNull();
	});

	it('refuses a revoked token with 401', async () => {
		const other = await createIntegration(db, admin, { name: 'Old script' }, T0);
		if (!other.ok) throw new Error('no integration');
		expect((await post({ values: [item()] }, `Bearer ${other.token}`)).status).toBe(200);
		await revokeIntegration(db, admin, other.id, T0);
		const response = await post({ values: [item({ value: 50 })] }, `Bearer ${other.token}`);
		expect(response.status).toBe(401);
		expect(response.headers.get('www-authenticate')).toBe('Bearer realm="ripple", error="invalid_token"');
		const stored = await db
			.selectFrom('metric_values')
			.select('value')
			.where('team_id', '=', 't-ap')
			.where('period', '=', lastMonth)
			.executeTakeFirstOrThrow();
		expect(stored.value).toBe(97.5);
	});

	it('answers other methods with 405 and the allowed one', async () => {
		const response = await fallback({
			request: new Request('http://localhost/api/v1/metrics', { method: 'GET' })
		} as unknown as Event);
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('POST');
		expect(await response.json()).toMatchObject({ status: 405, title: 'Method Not Allowed' });
	});
});
