import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request, type APIRequestContext, type APIResponse } from '@playwright/test';
import { expect, test } from './worker-server';
import {
	matrix,
	personaLabels,
	personas,
	type Expectation,
	type Objects,
	type Outcome,
	type Persona
} from './authz/matrix';
import { lookUpObjects } from './authz/objects';
import { routeTree, urlOf, type RouteEntry } from './authz/routes';
import { DEMO_PASSWORD, storageStateFor } from './fixtures';
import { root } from './servers';

/**
 * The authorization matrix (issue 8): every route of the tree, requested as every persona, must
 * answer what src/routes' declaration in authz/matrix.ts says. Pages and GET endpoints are
 * requested by everyone. Form actions and other methods are sent only by the personas that must
 * be refused (with an empty body), so the shared demo data is never changed by an allowed request;
 * allowed use is what the other specs exercise.
 */

const tree = routeTree(join(root, 'src/routes'));

function cookieOf(file: string): string {
	const state = JSON.parse(readFileSync(file, 'utf8')) as { cookies: { name: string; value: string }[] };
	const session = state.cookies.find((c) => c.name === 'ripple_session');
	if (!session) throw new Error(`No session in ${file}`);
	return `ripple_session=${session.value}`;
}

async function signIn(origin: string, email: string): Promise<string> {
	const anonymous = await request.newContext({
		baseURL: origin,
		extraHTTPHeaders: { origin },
		maxRedirects: 0
	});
	const response = await anonymous.post('/login', { form: { email, password: DEMO_PASSWORD } });
	const cookie = response
		.headersArray()
		.find(
			(h) =>
				h.name.toLowerCase() === 'set-cookie' &&
				h.value.startsWith('ripple_session=') &&
				!h.value.startsWith('ripple_session=;')
		);
	await anonymous.dispose();
	if (response.status() !== 303 || !cookie) throw new Error(`Signing in as ${email} answered ${response.status()}`);
	return cookie.value.split(';')[0]!;
}

let clients: Record<Persona, APIRequestContext>;
let ids: Objects;

test.beforeAll(async ({ server }) => {
	const { origin } = server;
	ids = lookUpObjects(server.databasePath);
	const cookies: Record<Persona, string | null> = {
		anon: null,
		staff: cookieOf(storageStateFor('staff')),
		mgr: cookieOf(storageStateFor('manager')),
		mgrX: await signIn(origin, 'carlos.mendoza@northwind.example'),
		lead: cookieOf(storageStateFor('leader')),
		leadX: await signIn(origin, 'isabelle.laurent@northwind.example'),
		admin: cookieOf(storageStateFor('admin'))
	};
	const entries = await Promise.all(
		personas.map(
			async (p) =>
				[
					p,
					await request.newContext({
						baseURL: origin,
						maxRedirects: 0,
						extraHTTPHeaders: { origin, ...(cookies[p] ? { cookie: cookies[p]! } : {}) }
					})
				] as const
		)
	);
	clients = Object.fromEntries(entries) as Record<Persona, APIRequestContext>;
});

test.afterAll(async () => {
	await Promise.all(Object.values(clients ?? {}).map((c) => c.dispose()));
});

function outcomeOf(response: APIResponse): Outcome | `status ${number}` {
	const status = response.status();
	if (status >= 300 && status < 400)
		return /^\/login(\?|$)/.test(new URL(response.headers()['location'] ?? '/', 'http://ripple.invalid').pathname)
			? 'login'
			: 'ok';
	if (status >= 200 && status < 300) return 'ok';
	if (status === 403) return 'forbidden';
	if (status === 404) return 'hidden';
	if ([401, 405, 410].includes(status)) return 'no';
	return `status ${status}`;
}

/** Token addresses (`no`) may refuse in any way; everything else must answer exactly as declared. */
function answersAsDeclared(expected: Outcome, actual: Outcome | `status ${number}`): boolean {
	if (expected === 'no') return actual === 'no' || actual === 'forbidden' || actual === 'hidden';
	return actual === expected;
}

interface Check {
	what: string;
	persona: Persona;
	expected: Outcome;
	send: (api: APIRequestContext) => Promise<APIResponse>;
}

function checksFor(route: RouteEntry): Check[] {
	const rule = matrix[route.id]!;
	const url = urlOf(route.id, rule.params?.(ids) ?? {});
	const query = rule.query?.(ids) ?? '';
	const checks: Check[] = [];
	const everyPersona = (what: string, expectation: Expectation, send: Check['send'], onlyRefused: boolean) => {
		for (const persona of personas) {
			const expected = expectation[persona];
			if (onlyRefused && expected === 'ok') continue;
			checks.push({ what, persona, expected, send });
		}
	};
	if (route.page) everyPersona(`GET ${url}${query}`, rule.page!, (api) => api.get(url + query), false);
	for (const method of route.methods) {
		const expectation = rule.methods![method]!;
		if (method === 'GET') everyPersona(`GET ${url}${query}`, expectation, (api) => api.get(url + query), false);
		else {
			// `fallback` answers every method the endpoint does not name.
			const sent = method === 'fallback' ? 'PUT' : method;
			everyPersona(
				`${sent} ${url}`,
				expectation,
				(api) =>
					api.fetch(url, { method: sent, headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: '' }),
				true
			);
		}
	}
	for (const action of route.actions) {
		const target = action === 'default' ? url : `${url}?/${action}`;
		everyPersona(`POST ${target}`, rule.actions![action]!, (api) => api.post(target, { form: {} }), true);
	}
	return checks;
}

test('every route of the tree has a declaration, and every declaration a route', () => {
	const undeclared = tree.filter((r) => !matrix[r.id]).map((r) => r.id);
	const stale = Object.keys(matrix).filter((id) => !tree.some((r) => r.id === id));
	expect(undeclared, 'routes with no entry in tests/e2e/authz/matrix.ts').toEqual([]);
	expect(stale, 'entries for routes that no longer exist').toEqual([]);
	for (const route of tree) {
		const rule = matrix[route.id];
		if (!rule) continue;
		expect(Boolean(rule.page), `${route.id}: page expectation`).toBe(route.page);
		expect(Object.keys(rule.actions ?? {}).sort(), `${route.id}: actions`).toEqual([...route.actions].sort());
		expect(Object.keys(rule.methods ?? {}).sort(), `${route.id}: methods`).toEqual([...route.methods].sort());
	}
});

for (const route of tree) {
	if (!matrix[route.id]) continue;
	test(`${route.id} answers each persona as declared`, async () => {
		const mismatches: string[] = [];
		for (const check of checksFor(route)) {
			const response = await check.send(clients[check.persona]);
			const actual = outcomeOf(response);
			if (!answersAsDeclared(check.expected, actual)) {
				const where = response.headers()['location'];
				mismatches.push(
					`${check.what} as ${personaLabels[check.persona]}: expected ${check.expected}, got ${response.status()}${where ? ` → ${where}` : ''}`
				);
			}
		}
		expect(mismatches).toEqual([]);
	});
}
