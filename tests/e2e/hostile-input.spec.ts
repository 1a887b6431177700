import SQLite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request, type APIRequestContext, type APIResponse, type Browser, type Page } from '@playwright/test';
import { expect, test } from './worker-server';
import { actorFor } from '../../src/lib/server/auth/actor';
import { loadCurrentUser } from '../../src/lib/server/auth/current-user';
import { openDatabase } from '../../src/lib/server/db';
import { backupSqlite } from '../../src/lib/server/db/backup';
import { createCaseLink } from '../../src/lib/server/feedback/service';
import { createIntegration } from '../../src/lib/server/metrics/integrations';
import { matrix, personas, type Objects, type Persona } from './authz/matrix';
import { lookUpObjects } from './authz/objects';
import { routeTree, urlOf } from './authz/routes';
import { DEMO_PASSWORD } from './fixtures';
import {
	freePorts,
	root,
	sessionCookie,
	startInstance,
	stopInstance,
	waitUntilHealthy,
	type Instance
} from './servers';

/**
 * Hostile input (issue 8): every form action, as a persona allowed to use it, and the metrics API
 * and the public feedback form, get generated bad input. Nothing may answer 5xx, and a refused
 * request (4xx) must leave every table and the audit log as they were. The spec runs its own
 * server on a copy of the demo database, so what it changes disturbs no other test.
 */

// One server for the file: its tests run in order in one worker, and go on after a failure.
test.describe.configure({ mode: 'default' });

const tree = routeTree(join(root, 'src/routes'));
/** Allowed personas, most powerful first, so a request gets past authorization to validation. */
const preference: Persona[] = ['admin', 'mgr', 'lead', 'mgrX', 'leadX', 'staff', 'anon'];
const emails: Record<Exclude<Persona, 'anon'>, string> = {
	staff: 'staff@ripple.test',
	mgr: 'manager@ripple.test',
	mgrX: 'carlos.mendoza@northwind.example',
	lead: 'leader@ripple.test',
	leadX: 'isabelle.laurent@northwind.example',
	admin: 'admin@ripple.test'
};
/** Written on refusal by design: sign-in throttling counts failures. */
const WRITTEN_ON_REFUSAL = new Set(['login_failures']);

let dir: string;
let server: Instance;
let databasePath: string;
let clients: Partial<Record<Persona, APIRequestContext>>;
let apiToken: string;
let feedbackToken: string;
let objects: Objects;

/** Text values that break naive code: each goes into every field of a form at once. */
const hostileValues: [string, string][] = [
	['overlong text', 'x'.repeat(20_000)],
	['control characters', 'a\u0000b\u0007c\u001b[31mred\r\n\t\u007f'],
	['odd Unicode', '\u202Egnp.exe\u200B\uFEFF Ω≈ç√ 🧪🧪🧪 \uD800 Z̷̢͇a̴l̷g̵o̶'],
	['markup', '<script>alert(1)</script><img src=x onerror=alert(1)>'],
	['SQL-looking text', '\'; DROP TABLE people; -- " OR 1=1'],
	['negative number', '-1'],
	['huge number', '1e309'],
	['long digits', '99999999999999999999999999'],
	['not a number', 'NaN'],
	['impossible date', '2026-02-30'],
	['far-future date', '9999-12-31'],
	['zero date', '0000-00-00'],
	['JSON in a field', '{"__proto__":{"admin":true}}'],
	['empty', '']
];

function tableCounts(): Map<string, number> {
	const db = new SQLite(databasePath, { readonly: true });
	try {
		const tables = db
			.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
			.pluck()
			.all() as string[];
		return new Map(tables.map((t) => [t, Number(db.prepare(`select count(*) from "${t}"`).pluck().get())]));
	} finally {
		db.close();
	}
}

function changedTables(before: Map<string, number>, after: Map<string, number>): string[] {
	return [...after]
		.filter(([t, n]) => before.get(t) !== n && !WRITTEN_ON_REFUSAL.has(t))
		.map(([t, n]) => `${t} ${before.get(t)} → ${n}`);
}

/** The field names of the form that posts to `action` on a page (`default` for the unnamed one). */
function fieldsOf(html: string, action: string): string[] {
	const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)];
	const target = forms.find(([, attributes]) => {
		const to = /\baction="([^"]*)"/.exec(attributes!)?.[1]?.replace(/&amp;/g, '&') ?? '';
		const method = /\bmethod="([^"]*)"/i.exec(attributes!)?.[1]?.toUpperCase();
		if (method !== 'POST') return false;
		return action === 'default' ? !to.includes('?/') : to.endsWith(`?/${action}`);
	});
	if (!target) return [];
	return [...new Set([...target[2]!.matchAll(/<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"/g)].map((m) => m[1]!))];
}

test.beforeAll(async () => {
	test.setTimeout(120_000);
	dir = mkdtempSync(join(tmpdir(), 'ripple-hostile-'));
	databasePath = join(dir, 'hostile.db');
	await backupSqlite(join(root, 'tests/.tmp/e2e.db'), databasePath);
	objects = lookUpObjects(databasePath);

	// An integration token for the API, and a case-feedback link for the public form.
	const db = openDatabase(databasePath);
	try {
		const admin = await db
			.selectFrom('people')
			.select('id')
			.where('email', '=', emails.admin)
			.executeTakeFirstOrThrow();
		const team = await db
			.selectFrom('teams')
			.select('id')
			.where('name', '=', 'Accounts Payable')
			.executeTakeFirstOrThrow();
		const actor = actorFor((await loadCurrentUser(db, admin.id))!, null);
		const integration = await createIntegration(db, actor, { name: 'Hostile input test' }, new Date());
		if (!integration.ok) throw new Error('Could not create an integration');
		apiToken = integration.token;
		feedbackToken = (
			await createCaseLink(db, actor, team.id, { case_reference: 'HOSTILE-1', requester_email: '' }, new Date())
		).token;
	} finally {
		await db.destroy();
	}

	const [port] = await freePorts(1);
	// Without the notification worker: its rounds write to the outbox on their own schedule, and
	// every table must hold still between a request and the count after it.
	server = startInstance('hostile', port!, databasePath, { NOTIFICATIONS_WORKER: 'off' });
	await waitUntilHealthy(server, Date.now() + 60_000);
	clients = {
		anon: await request.newContext({
			baseURL: server.origin,
			maxRedirects: 0,
			extraHTTPHeaders: { origin: server.origin }
		})
	};
	for (const persona of personas) {
		if (persona === 'anon') continue;
		const response = await clients.anon!.post('/login', { form: { email: emails[persona], password: DEMO_PASSWORD } });
		const cookie = sessionCookie(response);
		if (!cookie) throw new Error(`Signing in as ${emails[persona]} answered ${response.status()}`);
		clients[persona] = await request.newContext({
			baseURL: server.origin,
			maxRedirects: 0,
			extraHTTPHeaders: { origin: server.origin, cookie }
		});
	}
});

test.afterAll(async () => {
	await Promise.all(Object.values(clients ?? {}).map((c) => c.dispose()));
	if (server) await stopInstance(server);
	rmSync(dir, { recursive: true, force: true });
});

test.afterEach(async () => {
	const testInfo = test.info();
	if (testInfo.status !== testInfo.expectedStatus && server)
		await testInfo.attach('server output', { body: server.output, contentType: 'text/plain' });
});

interface Problem {
	what: string;
	problem: string;
}

/** Sends one request and checks the answer: never 5xx; when refused, nothing written. */
async function probe(what: string, send: () => Promise<APIResponse>, problems: Problem[]): Promise<APIResponse> {
	const before = tableCounts();
	const response = await send();
	const status = response.status();
	if (status >= 500) problems.push({ what, problem: `answered ${status}` });
	else if (status >= 400) {
		const changed = changedTables(before, tableCounts());
		if (changed.length) problems.push({ what, problem: `refused with ${status} but wrote: ${changed.join(', ')}` });
		// A refused form says why: next to a field, above the form, or on the error page.
		const type = response.headers()['content-type'] ?? '';
		if (
			type.startsWith('text/html') &&
			!/class="(?:[^"]*\s)?(?:error|form-error)(?:\s[^"]*)?"|role="(?:alert|status)"|<h1>[^<]+<\/h1>\s*<p>[^<]+/.test(
				await response.text()
			)
		) {
			problems.push({ what, problem: `refused with ${status} without saying why` });
		}
	}
	return response;
}

const actionRoutes = tree.filter((r) => r.actions.length > 0 && matrix[r.id]);

for (const route of actionRoutes) {
	test(`${route.id}: bad input to every action never breaks and never half-saves`, async () => {
		test.setTimeout(120_000);
		const rule = matrix[route.id]!;
		const url = urlOf(route.id, rule.params?.(objects) ?? {});
		const query = rule.query?.(objects) ?? '';
		const problems: Problem[] = [];
		for (const action of route.actions) {
			const persona = preference.find((p) => rule.actions![action]![p] === 'ok');
			if (!persona) continue; // Nobody may: the authorization matrix covers the refusals.
			const api = clients[persona]!;
			const page = route.page ? await api.get(url + query) : null;
			const fields = page && page.status() === 200 ? fieldsOf(await page.text(), action) : [];
			const target =
				action === 'default' ? url + query : `${url}${query ? `${query}&` : '?'}/${action}`.replace('?&', '?');
			const names = fields.length ? fields : ['value'];
			for (const [label, value] of hostileValues) {
				const form = new URLSearchParams(names.map((n) => [n, value]));
				// Twice: a repeated submission must be as safe as the first.
				for (const attempt of ['', ' (again)']) {
					await probe(
						`POST ${target} as ${persona}: ${label}${attempt}`,
						() =>
							api.post(target, {
								headers: { 'content-type': 'application/x-www-form-urlencoded' },
								data: form.toString()
							}),
						problems
					);
				}
			}
			// Wrong shapes: every field twice, and no fields at all.
			const doubled = new URLSearchParams(
				names.flatMap((n) => [
					[n, 'one'],
					[n, 'two']
				])
			);
			await probe(
				`POST ${target} as ${persona}: repeated fields`,
				() =>
					api.post(target, {
						headers: { 'content-type': 'application/x-www-form-urlencoded' },
						data: doubled.toString()
					}),
				problems
			);
			await probe(
				`POST ${target} as ${persona}: missing fields`,
				() => api.post(target, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: '' }),
				problems
			);
			await probe(
				`POST ${target} as ${persona}: JSON instead of a form`,
				() => api.post(target, { headers: { 'content-type': 'application/json' }, data: '{"a":' }),
				problems
			);
		}
		expect(problems.map((p) => `${p.what}: ${p.problem}`)).toEqual([]);
	});
}

/** Actions only the person concerned may use (the matrix allows them to none of the personas' strangers): sent as staff on their own things. */
test('bad input to a person’s own visit, observation and buddy pair never breaks and never half-saves', async () => {
	test.setTimeout(120_000);
	const own: [string, string, string[]][] = [
		[`/connect/shadowing/visits/${objects.own.visit}`, '/(app)/connect/shadowing/visits/[id]', ['reflect', 'cancel']],
		[`/observations/${objects.own.observation}`, '/(app)/observations/[id]', ['respond']],
		[
			`/connect/buddies/pairs/${objects.own.pair}`,
			'/(app)/connect/buddies/pairs/[id]',
			['meeting', 'plan', 'fit', 'cancelPlan']
		]
	];
	const problems: Problem[] = [];
	const api = clients.staff!;
	for (const [url, routeId, actions] of own) {
		expect(tree.find((r) => r.id === routeId)?.actions).toEqual(expect.arrayContaining(actions));
		const page = await api.get(url);
		expect(page.status(), url).toBe(200);
		const html = await page.text();
		for (const action of actions) {
			const names = fieldsOf(html, action).length ? fieldsOf(html, action) : ['value'];
			for (const [label, value] of hostileValues) {
				const form = new URLSearchParams(names.map((n) => [n, value]));
				await probe(
					`POST ${url}?/${action} as staff: ${label}`,
					() =>
						api.post(`${url}?/${action}`, {
							headers: { 'content-type': 'application/x-www-form-urlencoded' },
							data: form.toString()
						}),
					problems
				);
			}
		}
	}
	expect(problems.map((p) => `${p.what}: ${p.problem}`)).toEqual([]);
});

test('the metrics API refuses bad payloads with problem details, and stores nothing', async () => {
	const api = clients.anon!;
	const headers = { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' };
	const item = (changes: Record<string, unknown>) => ({
		team: 'Accounts Payable',
		metric: 'sla_on_time',
		period: '2026-10',
		value: 97,
		...changes
	});
	const bodies: [string, string][] = [
		['malformed JSON', '{"values": ['],
		['not an object', '[1, 2, 3]'],
		['missing fields', '{}'],
		['no items', '{"values": []}'],
		['wrong types', JSON.stringify({ values: [{ team: 123, metric: true, period: [], value: 'high' }] })],
		[
			'markup and SQL in names',
			JSON.stringify({ values: [item({ team: '<script>alert(1)</script>', metric: "x'; DROP TABLE metrics; --" })] })
		],
		[
			'a number too large for JSON',
			'{"values": [{"team": "Accounts Payable", "metric": "sla_on_time", "period": "2026-10", "value": 1e400}]}'
		],
		['an impossible period', JSON.stringify({ values: [item({ period: '2026-13' })] })],
		['a far-future period', JSON.stringify({ values: [item({ period: '9999-12' })] })],
		[
			'control characters and odd Unicode',
			JSON.stringify({ values: [item({ team: 'Accounts\u0000Payable\u202E', metric: 'sla\u200Bon_time' })] })
		],
		['overlong strings', JSON.stringify({ values: [item({ team: 'x'.repeat(100_000) })] })],
		['too many items', JSON.stringify({ values: Array.from({ length: 5001 }, () => item({})) })],
		[
			'one good item and one bad',
			JSON.stringify({ values: [item({ period: '2026-09', value: 12.5 }), item({ metric: 'no_such_metric' })] })
		],
		[
			'prototype keys',
			'{"__proto__": {"admin": true}, "values": [{"team": "Accounts Payable", "metric": "sla_on_time", "period": "2026-10", "value": "1", "__proto__": {"value": 1}}]}'
		]
	];
	const problems: Problem[] = [];
	for (const [label, data] of bodies) {
		const response = await probe(
			`POST /api/v1/metrics: ${label}`,
			() => api.post('/api/v1/metrics', { headers, data }),
			problems
		);
		if (response.status() < 400) problems.push({ what: label, problem: `accepted with ${response.status()}` });
		else if (response.status() !== 413 && !response.headers()['content-type']?.startsWith('application/problem+json'))
			problems.push({ what: label, problem: 'no problem details' });
	}
	expect(problems.map((p) => `${p.what}: ${p.problem}`)).toEqual([]);
});

test('the public feedback form refuses bad answers, keeps nothing of them, and takes one answer only', async () => {
	const api = clients.anon!;
	const target = `/feedback/${feedbackToken}`;
	const problems: Problem[] = [];
	const post = (fields: Record<string, string | string[]>) => {
		const form = new URLSearchParams();
		for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) form.append(k, one);
		return api.post(target, {
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			data: form.toString()
		});
	};
	for (const [label, value] of hostileValues) {
		const response = await probe(
			`feedback score ${label}`,
			() => post({ score: value, reasons: value, comment: 'fine', time_lost: value, time_unit: value }),
			problems
		);
		if (response.status() < 400)
			problems.push({ what: `feedback score ${label}`, problem: `accepted with ${response.status()}` });
	}
	// A real answer with markup in the comment is stored once; the same link cannot answer twice.
	const first = await probe(
		'feedback answer',
		() => post({ score: '7', comment: '<img src=x onerror=alert(1)> thanks', time_lost: '', time_unit: 'minutes' }),
		problems
	);
	expect(first.status(), await first.text()).toBe(303);
	const second = await probe(
		'feedback answered twice',
		() => post({ score: '9', comment: 'again', time_lost: '', time_unit: 'minutes' }),
		problems
	);
	expect(second.status()).toBe(409);
	expect(problems.map((p) => `${p.what}: ${p.problem}`)).toEqual([]);
});

test('CSV uploads that are too long, not CSV, or hostile are refused whole', async () => {
	const problems: Problem[] = [];
	const header = 'team,metric,period,value\n';
	const files: [string, string][] = [
		['5,001 rows', header + 'Accounts Payable,sla_on_time,2026-10,97\n'.repeat(5001)],
		['binary junk', '\u0000\u0001\u0002PK\u0003\u0004\uFFFD'.repeat(200)],
		[
			'formulas, markup and SQL',
			header +
				`=HYPERLINK("http://evil"),sla_on_time,2026-10,97\n<script>alert(1)</script>,sla_on_time,2026-10,1\n"'; DROP TABLE teams; --",sla_on_time,2026-10,1\n`
		],
		[
			'numbers that are not',
			header +
				'Accounts Payable,sla_on_time,2026-10,1e309\nAccounts Payable,sla_on_time,2026-10,NaN\nAccounts Payable,sla_on_time,9999-12,-1\n'
		],
		[
			'a good row and a bad one',
			header + 'Accounts Payable,sla_on_time,2026-09,50\nNo Such Team,sla_on_time,2026-09,50\n'
		]
	];
	for (const [route, persona] of [
		['/measure/import?/apply', 'mgr'],
		['/admin/import?/apply', 'admin']
	] as const) {
		for (const [label, csv] of files) {
			const response = await probe(
				`${route} as ${persona}: ${label}`,
				() =>
					clients[persona]!.post(route, {
						multipart: { file: { name: 'values.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }, csv: '' }
					}),
				problems
			);
			if (response.status() < 400)
				problems.push({ what: `${route}: ${label}`, problem: `accepted with ${response.status()}` });
		}
	}
	expect(problems.map((p) => `${p.what}: ${p.problem}`)).toEqual([]);
});

/** A browser signed in on this spec's server as a persona, that fails on any dialog (a script that ran). */
async function browse(
	browser: Browser,
	persona: Exclude<Persona, 'anon'>
): Promise<{ page: Page; dialogs: string[]; close: () => Promise<void> }> {
	const context = await browser.newContext({ baseURL: server.origin, storageState: { cookies: [], origins: [] } });
	const page = await context.newPage();
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	await page.goto('/login');
	await page.getByLabel('Email', { exact: true }).fill(emails[persona]);
	await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((u) => !u.pathname.startsWith('/login'));
	return { page, dialogs, close: () => context.close() };
}

test('markup people write is shown as text wherever it appears', async ({ browser }) => {
	// A journey through several people's pages with axe checks: slow on two cores.
	test.slow();
	const payload = `<img src=x onerror=alert('xss')><script>alert('xss')</script><b>bold</b> ${Date.now()}`;
	// Recognition from staff to their manager, and an observation by the manager about staff.
	const given = await clients.staff!.post('/connect/recognition', {
		form: { recipients: emails.mgr, behaviour: 'collaboration', message: `Thanks: ${payload}` }
	});
	expect(given.status()).toBe(303);
	const today = new Date().toISOString().slice(0, 10);
	const observed = await clients.mgr!.post(`/observations/new?person=${objects.apPerson}`, {
		form: {
			behaviour: 'collaboration',
			level: '4',
			observed_on: today,
			situation: `Month-end: ${payload}`,
			action: `Called the supplier: ${payload}`,
			impact: `Closed on time: ${payload}`
		}
	});
	expect(observed.status(), await observed.text()).toBe(303);
	const observation = new URL(observed.headers()['location']!, server.origin).pathname;

	const checks: [Exclude<Persona, 'anon'>, string][] = [
		['mgr', '/connect/recognition'],
		['mgr', '/profile'],
		['staff', '/connect/recognition'],
		['lead', '/connect/recognition'],
		['mgr', observation],
		['lead', `/people/${objects.apPerson}/observations`],
		['admin', `/measure/teams/${objects.apTeam}/observations`]
	];
	for (const [persona, path] of checks) {
		const { page, dialogs, close } = await browse(browser, persona);
		try {
			await page.goto(path);
			await page.waitForLoadState('networkidle');
			await expect(
				page.getByText(payload, { exact: false }).first(),
				`${path} as ${persona} shows the text`
			).toBeVisible();
			expect(
				await page.locator('img[onerror], main script:not([src]):not([type="application/json"]), main b').count(),
				`${path} as ${persona}`
			).toBe(0);
			expect(dialogs, `${path} as ${persona}`).toEqual([]);
		} finally {
			await close();
		}
	}
});
