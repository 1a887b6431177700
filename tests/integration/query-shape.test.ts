import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery, type KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../src/lib/server/db';
import { listAuditEvents } from '../../src/lib/server/audit/log';
import { teamBehaviourSummary } from '../../src/lib/server/behaviours/summary';
import { recognitionWall } from '../../src/lib/server/recognition/service';
import { monthlyCaseScores } from '../../src/lib/server/feedback/queries';
import { teamMatrix } from '../../src/lib/server/learning/team';
import { monthlyMetricValues } from '../../src/lib/server/metrics/queries';
import { scorecardsFor } from '../../src/lib/server/scorecards/service';
import { visitsWaitingOn } from '../../src/lib/server/shadowing/queries';
import { periodsEndingWith } from '../../src/lib/periods';
import { addPerson, addTeam, addUnit, onPostgres, openTempDb, T0, type TempDb } from './temp-db';

/**
 * The fast path made structural (issue 7): pages over many teams cost a fixed number of queries,
 * and the queries over the big tables use an index. Timing is the benchmark's job (npm run bench).
 */

let temp: TempDb;
const MONTHS = periodsEndingWith('2026-10', 12);

/** Counts the queries a piece of work sends, however many teams it covers. */
function counting(db: Db): { db: Db; count: () => number } {
	let n = 0;
	const plugin: KyselyPlugin = {
		transformQuery: (args) => {
			n++;
			return args.node;
		},
		transformResult: async (args) => args.result
	};
	return { db: db.withPlugin(plugin), count: () => n };
}

async function addTeams(prefix: string, count: number) {
	const unit = await addUnit(temp.db, `u-${prefix}`, `Unit ${prefix}`);
	const teams = [];
	for (let i = 0; i < count; i++) {
		const team = await addTeam(temp.db, `${prefix}-t${i}`, `${prefix} team ${i}`, unit.id);
		for (let j = 0; j < 3; j++)
			await addPerson(temp.db, {
				id: `${prefix}-t${i}-p${j}`,
				email: `${prefix}-t${i}-p${j}@example.com`,
				name: `P ${j}`,
				team_id: team.id
			});
		teams.push({ id: team.id, member_count: 3 });
	}
	return teams;
}

beforeAll(async () => {
	temp = await openTempDb('query-shape');
});

afterAll(async () => {
	await temp?.close();
});

describe('queries per page', () => {
	it('builds the scorecards of 40 teams with as many queries as for 4', async () => {
		const few = await addTeams('few', 4);
		const many = await addTeams('many', 40);
		// With the roll-ups up to date, and with every member's and every team's figures stale
		// (worked out and stored in one round however many teams).
		const makeStale = async () => {
			await temp.db.updateTable('learning_rollup').set({ assigned: null, completed: null }).execute();
			await temp.db.deleteFrom('team_window_rollup').execute();
		};
		for (const stale of [false, true]) {
			await scorecardsFor(temp.db, [...few, ...many], '2026-10', T0);
			if (stale) await makeStale();
			const a = counting(temp.db);
			await scorecardsFor(a.db, few, '2026-10', T0);
			if (stale) await makeStale();
			const b = counting(temp.db);
			await scorecardsFor(b.db, many, '2026-10', T0);
			expect(a.count()).toBeGreaterThan(0);
			expect(b.count(), stale ? 'stale' : 'up to date').toBe(a.count());
		}
	});

	it('builds the learning matrix of 40 teams with as many queries as for 4', async () => {
		const a = counting(temp.db);
		await teamMatrix(a.db, ['few-t0', 'few-t1', 'few-t2', 'few-t3'], T0);
		const b = counting(temp.db);
		await teamMatrix(
			b.db,
			Array.from({ length: 40 }, (_, i) => `many-t${i}`),
			T0
		);
		expect(a.count()).toBeGreaterThan(0);
		expect(b.count()).toBe(a.count());
	});
});

describe.skipIf(onPostgres())('query plans on the big tables (SQLite)', () => {
	const big = [
		'observations',
		'lesson_completions',
		'case_feedback',
		'feedback_month_rollup',
		'metric_values',
		'people',
		'completions',
		'module_progress',
		'check_attempts',
		'recognitions',
		'audit_events',
		'shadow_visits'
	];

	/** Runs the work on a logging connection to the same file, then explains every query it sent. */
	async function plansOf(work: (db: Db) => Promise<unknown>): Promise<string[]> {
		const sqlite = new SQLite(temp.url);
		const sent: CompiledQuery[] = [];
		const logged = new Kysely<Database>({
			dialect: new SqliteDialect({ database: sqlite }),
			log: (event) => void sent.push(event.query)
		});
		try {
			await work(logged);
			return sent.flatMap((q) =>
				(sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[]).map(
					(row) => row.detail
				)
			);
		} finally {
			await logged.destroy();
		}
	}

	/** A full scan reads every row of a table: `SCAN t` without an index (a covering index scan is still a scan). */
	function fullScans(plans: string[]): string[] {
		return plans.filter((detail) => big.some((table) => new RegExp(`^SCAN ${table}\\b`).test(detail)));
	}

	it('reads observations, case feedback and metric values of some teams through their indexes', async () => {
		const teams = ['few-t0', 'few-t1'];
		const plans = await plansOf(async (db) => {
			await teamBehaviourSummary(db, teams, { from: '2026-08-01', to: '2026-11-01' });
			await monthlyCaseScores(db, teams, MONTHS);
			await monthlyMetricValues(db, teams, MONTHS);
			// The scorecards with their How-window figures worked out and stored, then read back.
			await db.deleteFrom('team_window_rollup').execute();
			await scorecardsFor(
				db,
				teams.map((id) => ({ id, member_count: 3 })),
				'2026-10',
				T0
			);
			await scorecardsFor(
				db,
				teams.map((id) => ({ id, member_count: 3 })),
				'2026-10',
				T0
			);
		});
		expect(plans.length).toBeGreaterThan(0);
		expect(fullScans(plans)).toEqual([]);
	});

	it('finds a person’s or a team’s recognition through the recipients, not by testing every recognition', async () => {
		const plans = await plansOf(async (db) => {
			await recognitionWall(db, { personId: 'few-t0-p0' }, { limit: 5, offset: 0 });
			await recognitionWall(db, { teamId: 'few-t0' }, { limit: 20, offset: 0 });
		});
		expect(plans.length).toBeGreaterThan(0);
		expect(fullScans(plans)).toEqual([]);
	});

	it('finds the visits waiting on a person through indexes, not by testing every visit', async () => {
		const scope = { personId: 'few-t0-p0', isAdmin: false, managedTeamIds: ['few-t0'], ledUnitPaths: [] };
		const plans = await plansOf((db) => visitsWaitingOn(db, scope, '2026-10-01', '2026-11-01'));
		expect(plans.length).toBeGreaterThan(0);
		expect(fullScans(plans)).toEqual([]);
	});

	it('reads one object’s audit history through an index', async () => {
		const plans = await plansOf((db) => listAuditEvents(db, { objectId: 'few-t0-p0', limit: 20, offset: 0 }));
		expect(plans.length).toBeGreaterThan(0);
		expect(fullScans(plans)).toEqual([]);
	});

	it('reads learning progress of some teams through their indexes', async () => {
		const plans = await plansOf((db) => teamMatrix(db, ['few-t0', 'few-t1'], T0));
		expect(plans.length).toBeGreaterThan(0);
		expect(fullScans(plans)).toEqual([]);
	});
});
