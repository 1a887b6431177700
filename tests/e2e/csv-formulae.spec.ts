import { actorFor } from '../../src/lib/server/auth/actor';
import { loadCurrentUser } from '../../src/lib/server/auth/current-user';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, request, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import Papa from 'papaparse';
import { periodOf, shiftPeriod } from '../../src/lib/periods';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { backupSqlite } from '../../src/lib/server/db/backup';
import { createMetric } from '../../src/lib/server/metrics/definitions';
import { applyMetricsImport } from '../../src/lib/server/metrics/values';
import { createTeam, createUnit, editTeam } from '../../src/lib/server/org/service';
import { createPerson } from '../../src/lib/server/people/service';
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
 * Formula injection (issue 13): a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab
 * or a carriage return. Every CSV Ripple sends gets names that start so, and each such cell must come
 * back neutralised (an apostrophe in front), while a negative measure stays a plain number. The
 * spec runs its own server on a copy of the demo database, so the names it adds reach no other test.
 *
 * The forms trim leading white space, so a tab or carriage return arrives only by another path (an
 * older release, a directory sync, the database itself); the spec hands every name straight to the
 * domain services (which take input the forms have already validated), so all six reach the files
 * the same way.
 */

test.describe.configure({ mode: 'default' });

const HOSTILE = ['=HYPERLINK("http://evil.example","x")', '+1', '-cmd', '@SUM(A1)', '\tTAB', '\rCR'] as const;
/** Where a spreadsheet would start a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const NET_SCORE = -4.5;

let dir: string;
let databasePath: string;
let server: Instance;
let admin: APIRequestContext;
/** The month the negative value is stored for: two months back is complete in every time zone. */
let month: string;
const teamIds = new Map<string, string>();
const NET_SCORE_METRIC = 'CSV net score';

function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
	const db = openDatabase(databasePath);
	return work(db).finally(() => db.destroy());
}

function ok<T extends { ok: boolean }>(result: T, what: string): T & { ok: true } {
	if (!result.ok) throw new Error(`Could not ${what}: ${JSON.stringify(result)}`);
	return result as T & { ok: true };
}

test.beforeAll(async () => {
	test.setTimeout(120_000);
	dir = mkdtempSync(join(tmpdir(), 'ripple-csv-'));
	databasePath = join(dir, 'csv.db');
	await backupSqlite(join(root, 'tests/.tmp/e2e.db'), databasePath);
	const now = new Date();
	month = shiftPeriod(periodOf('month', now.toISOString().slice(0, 10)), -2);

	await withDatabase(async (db) => {
		const adminRow = await db
			.selectFrom('people')
			.select('id')
			.where('email', '=', 'admin@ripple.test')
			.executeTakeFirstOrThrow();
		const company = await db
			.selectFrom('org_units')
			.select('id')
			.where('parent_id', 'is', null)
			.executeTakeFirstOrThrow();
		const actor = actorFor((await loadCurrentUser(db, adminRow.id))!, null);
		for (const [i, name] of HOSTILE.entries()) {
			const unit = ok(
				await createUnit(db, actor, { name, kind: 'department', parent_id: company.id }, now),
				'add a unit'
			);
			const team = ok(
				await createTeam(db, actor, { name, kind: 'back_office', org_unit_id: unit.id }, now),
				'add a team'
			);
			teamIds.set(name, team.id);
			ok(
				await createPerson(
					db,
					actor,
					{
						name,
						email: `csv.formula.${i}@e2e.example`,
						job_title: '',
						team_id: team.id,
						manager_email: '',
						time_zone: 'UTC',
						language: 'en'
					},
					now
				),
				'add a person'
			);
			ok(await createMetric(db, actor, metricInput(name, `csv_formula_${i}`), now), 'add a metric');
		}
		ok(await createMetric(db, actor, metricInput(NET_SCORE_METRIC, 'csv_net_score'), now), 'add a metric');
		const imported = await applyMetricsImport(
			db,
			actor,
			`team,metric,period,value\r\n${teamIds.get(HOSTILE[0])},csv_net_score,${month},${NET_SCORE}\r\n`,
			now,
			now.toISOString().slice(0, 10)
		);
		if (!imported.ok) throw new Error(`Could not store the net score: ${JSON.stringify(imported.plan.issues)}`);
	});

	const [port] = await freePorts(1);
	server = startInstance('csv', port!, databasePath);
	await waitUntilHealthy(server, Date.now() + 60_000);
	const anon = await request.newContext({
		baseURL: server.origin,
		maxRedirects: 0,
		extraHTTPHeaders: { origin: server.origin }
	});
	const cookie = sessionCookie(
		await anon.post('/login', { form: { email: 'admin@ripple.test', password: DEMO_PASSWORD } })
	);
	await anon.dispose();
	if (!cookie) throw new Error('Could not sign in as the demo admin');
	admin = await request.newContext({ baseURL: server.origin, extraHTTPHeaders: { cookie } });
});

test.afterAll(async () => {
	await admin?.dispose();
	if (server) await stopInstance(server);
	rmSync(dir, { recursive: true, force: true });
});

test.afterEach(async () => {
	const testInfo = test.info();
	if (testInfo.status !== testInfo.expectedStatus && server)
		await testInfo.attach('server output', { body: server.output, contentType: 'text/plain' });
});

function metricInput(name: string, key: string) {
	return {
		language: 'en' as const,
		name,
		key,
		description: '',
		unit: '',
		direction: 'higher' as const,
		target: null,
		amber_band: 0,
		kind: 'operational' as const,
		period: 'month' as const,
		rollup: 'last' as const
	};
}

/** Downloads a CSV and reads it back as a spreadsheet would see its cells (text, no typing). */
async function download(path: string): Promise<{ raw: string; table: string[][] }> {
	const response: APIResponse = await admin.get(path);
	expect(response.status(), path).toBe(200);
	expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
	expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="ripple-[a-z0-9-]+\.csv"$/);
	const raw = await response.text();
	const parsed = Papa.parse<string[]>(raw, { skipEmptyLines: true });
	expect(parsed.errors).toEqual([]);
	return { raw, table: parsed.data };
}

/** The neutralised form of a hostile value: the text as typed, behind an apostrophe. */
const neutralised = (value: string) => `'${value}`;

/** No cell may start a formula, except a plain number (a negative measure is a value). */
function expectNoLiveFormula(table: string[][]): void {
	const live = table.flat().filter((cell) => FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell));
	expect(live).toEqual([]);
}

test('the learning matrix export neutralises people and team names', async () => {
	for (const name of HOSTILE) {
		const { table } = await download(`/learn/team/export.csv?team=${teamIds.get(name)}`);
		const [header, ...rows] = table;
		expect(header!.slice(0, 2)).toEqual(['person', 'team']);
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) expect(row.slice(0, 2)).toEqual([neutralised(name), neutralised(name)]);
		expectNoLiveFormula(table);
	}
});

test('the scorecard export neutralises team, unit and measure names and keeps a negative value a number', async () => {
	const { raw, table } = await download(`/measure/export.csv?month=${month}`);
	const [header, ...rows] = table;
	for (const name of HOSTILE) {
		expect(header).toContain(neutralised(`${name} (value)`));
		expect(header).toContain(neutralised(`${name} status`));
		const row = rows.find((r) => r[0] === neutralised(name));
		expect(row, `the row of ${JSON.stringify(name)}`).toBeDefined();
		expect(row![1]).toBe(neutralised(name));
	}
	expectNoLiveFormula(table);

	const column = header!.indexOf(`${NET_SCORE_METRIC} (value)`);
	expect(column).toBeGreaterThan(0);
	const row = rows.find((r) => r[0] === neutralised(HOSTILE[0]))!;
	expect(row[column]).toBe(String(NET_SCORE));
	// Written bare, so a spreadsheet reads it as the number it is.
	expect(raw).toMatch(new RegExp(`,${String(NET_SCORE).replace(/[.-]/g, '\\$&')},`));
	const typed = Papa.parse<unknown[]>(raw, { dynamicTyping: true, skipEmptyLines: true }).data;
	expect(typed.find((r) => r[0] === neutralised(HOSTILE[0]))![column]).toBe(NET_SCORE);
});

test('the metrics import template neutralises team names', async () => {
	const { table } = await download('/measure/import/template.csv');
	expect(table[0]).toEqual(['team', 'metric', 'period', 'value']);
	expectNoLiveFormula(table);
	for (const name of HOSTILE) {
		const rows = table.filter((r) => r[0] === neutralised(name));
		expect(rows.map((r) => r[1])).toContain('csv_net_score');
	}
});

test('the staff import template neutralises the example team', async () => {
	// The template names the first team by name; each hostile team in turn is put first.
	const byName = [...HOSTILE].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	const moved: string[] = [];
	try {
		for (const name of byName) {
			const { table } = await download('/admin/import/template.csv');
			expect(table[0]).toEqual(['email', 'name', 'job title', 'team', 'manager email', 'time zone', 'roles']);
			expect(table.slice(1).map((r) => r[3])).toEqual([neutralised(name), neutralised(name)]);
			expectNoLiveFormula(table);
			await renameTeam(name, `Zz moved ${moved.length}`);
			moved.push(name);
		}
	} finally {
		for (const [i, name] of moved.entries()) await renameTeam(`Zz moved ${i}`, name);
	}
});

async function renameTeam(from: string, to: string): Promise<void> {
	await withDatabase(async (db) => {
		const team = await db
			.selectFrom('teams')
			.select(['id', 'kind', 'org_unit_id'])
			.where('name', '=', from)
			.executeTakeFirstOrThrow();
		const adminRow = await db
			.selectFrom('people')
			.select('id')
			.where('email', '=', 'admin@ripple.test')
			.executeTakeFirstOrThrow();
		ok(
			await editTeam(
				db,
				actorFor((await loadCurrentUser(db, adminRow.id))!, null),
				team.id,
				{ name: to, kind: team.kind, org_unit_id: team.org_unit_id },
				new Date()
			),
			'rename a team'
		);
	});
}
