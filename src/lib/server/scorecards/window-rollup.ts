import { periodRange, shiftPeriod } from '../../periods';
import { behaviourGroups, type BehaviourGroup } from '../behaviours/summary';
import { buddyParticipation, type BuddyParticipation } from '../buddies/team-participation';
import type { Db } from '../db';
import { recognitionReceivedByTeam, type RecognitionReceived } from '../recognition/team-counts';
import { shadowingParticipation, type ShadowingParticipation } from '../shadowing/team-participation';

/**
 * The How-window roll-up (issue 19): each team's figures over the How window ending with a month,
 * kept in `team_window_rollup` so a scorecard of 50 teams reads a row a team instead of their
 * observations, recognitions, visits and meetings.
 *
 * How it stays true. Triggers (migration 2026-12-08T1500) bump a team's generation in
 * `team_rollup_gen`, in the same transaction, on every write that can change any of its figures,
 * whatever code makes it. A window row carries the generation its figures were worked out at and
 * is used only while that is still the team's; otherwise the figures are worked out from the raw
 * records and stored with the generation read before working them out, so a write that lands in
 * between leaves the row stale, never wrong. Figures depend on time passing only while the window
 * runs (a visit counts once it has ended), so only windows that have ended are stored.
 */

export interface WindowFigures {
	/** Per behaviour id; behaviours nobody rated are absent. */
	behaviours: Map<string, BehaviourGroup>;
	recognition: RecognitionReceived;
	shadowing: ShadowingParticipation;
	buddies: BuddyParticipation;
}

/** The How column looks at observations and participation over this many months, ending with the chosen one. */
export const HOW_WINDOW_MONTHS = 3;

/** The first and last months of the How window and its date range, `[from, to)`. */
export function howWindow(month: string) {
	const first = shiftPeriod(month, -(HOW_WINDOW_MONTHS - 1));
	return { first, last: month, from: periodRange(first).start, to: periodRange(month).end };
}

export type Window = ReturnType<typeof howWindow>;

/** Works a window's figures out from the raw records for some teams. */
export async function windowFromRecords(
	database: Db,
	teamIds: readonly string[],
	window: Window,
	now: Date
): Promise<Map<string, WindowFigures>> {
	// Participation that has not happened yet cannot count: the window stops at now.
	const nowIso = now.toISOString();
	const untilNow = { from: window.from, to: window.to < nowIso ? window.to : nowIso };
	const [behaviours, recognition, shadowing, buddies] = await Promise.all([
		behaviourGroups(database, teamIds, window),
		recognitionReceivedByTeam(database, teamIds, window),
		shadowingParticipation(database, teamIds, untilNow),
		buddyParticipation(database, teamIds, window)
	]);
	return new Map(
		teamIds.map((id) => [
			id,
			{
				behaviours: behaviours.get(id) ?? new Map(),
				recognition: recognition.get(id)!,
				shadowing: shadowing.get(id)!,
				buddies: buddies.get(id)!
			}
		])
	);
}

/** Stored as short arrays: `[behaviour id, average, observations, raters]` sorted by id, then the pairs. */
function encode(f: WindowFigures): string {
	return JSON.stringify({
		b: [...f.behaviours]
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
			.map(([id, g]) => [id, g.average, g.observations, g.raters]),
		r: [f.recognition.received, f.recognition.crossDepartment],
		s: [f.shadowing.visitors, f.shadowing.hosted],
		u: [f.buddies.paired, f.buddies.meetings]
	});
}

function decode(json: string): WindowFigures {
	const o = JSON.parse(json) as {
		b: [string, number, number, number][];
		r: [number, number];
		s: [number, number];
		u: [number, number];
	};
	return {
		behaviours: new Map(o.b.map(([id, average, observations, raters]) => [id, { average, observations, raters }])),
		recognition: { received: o.r[0], crossDepartment: o.r[1] },
		shadowing: { visitors: o.s[0], hosted: o.s[1] },
		buddies: { paired: o.u[0], meetings: o.u[1] }
	};
}

/** Whether a window has ended at `now`, so that its figures no longer change with time alone. */
export const windowEnded = (window: Window, now: Date) => window.to <= now.toISOString();

/** Teams with their generation and, if any, the stored window row for a month. */
function withStored(database: Db, month: string) {
	return database
		.selectFrom('teams')
		.leftJoin('team_rollup_gen', 'team_rollup_gen.team_id', 'teams.id')
		.leftJoin('team_window_rollup', (join) =>
			join.onRef('team_window_rollup.team_id', '=', 'teams.id').on('team_window_rollup.month', '=', month)
		)
		.select([
			'teams.id',
			'team_rollup_gen.gen as team_gen',
			'team_window_rollup.gen as row_gen',
			'team_window_rollup.figures'
		]);
}

type Stored = Awaited<ReturnType<ReturnType<typeof withStored>['execute']>>[number];

const current = (row: Stored) => row.figures !== null && Number(row.row_gen) === Number(row.team_gen ?? 0);

/** Teams worked out per round of queries. */
const CHUNK = 500;

/** Works out and stores the window's figures for some teams, each with the generation read for it. */
async function workOut(
	database: Db,
	rows: readonly Stored[],
	window: Window,
	now: Date
): Promise<Map<string, WindowFigures>> {
	const figures = new Map<string, WindowFigures>();
	for (let i = 0; i < rows.length; i += CHUNK) {
		const chunk = rows.slice(i, i + CHUNK);
		const fresh = await windowFromRecords(
			database,
			chunk.map((r) => r.id),
			window,
			now
		);
		for (const [id, f] of fresh) figures.set(id, f);
		await database
			.insertInto('team_window_rollup')
			.values(
				chunk.map((r) => ({
					team_id: r.id,
					month: window.last,
					gen: Number(r.team_gen ?? 0),
					figures: encode(fresh.get(r.id)!)
				}))
			)
			.onConflict((oc) =>
				oc
					.columns(['team_id', 'month'])
					.doUpdateSet((eb) => ({ gen: eb.ref('excluded.gen'), figures: eb.ref('excluded.figures') }))
					// A reader who read an older generation does not overwrite a newer reader's row.
					.where('team_window_rollup.gen', '<=', (eb) => eb.ref('excluded.gen'))
			)
			.execute();
	}
	return figures;
}

/**
 * Each team's How-window figures: from the roll-up for a window that has ended (working out any
 * team whose row is stale or missing), from the raw records for the window still running.
 */
export async function teamWindowFigures(
	database: Db,
	teamIds: readonly string[],
	window: Window,
	now: Date
): Promise<Map<string, WindowFigures>> {
	const teams = [...new Set(teamIds)];
	if (teams.length === 0) return new Map();
	if (!windowEnded(window, now)) return windowFromRecords(database, teams, window, now);
	const rows = await withStored(database, window.last).where('teams.id', 'in', teams).execute();
	const stale = rows.filter((r) => !current(r));
	const worked = stale.length ? await workOut(database, stale, window, now) : new Map<string, WindowFigures>();
	const result = new Map<string, WindowFigures>();
	for (const row of rows) result.set(row.id, worked.get(row.id) ?? decode(row.figures!));
	return result;
}

/** Stored rows that are current, month by month, in chunks: what the check and the repair go through. */
async function* currentRows(database: Db): AsyncGenerator<{ month: string; rows: Stored[] }> {
	const months = await database.selectFrom('team_window_rollup').select('month').distinct().orderBy('month').execute();
	for (const { month } of months) {
		let after = '';
		for (;;) {
			const rows = await withStored(database, month)
				.where('team_window_rollup.month', '=', month)
				.where('teams.id', '>', after)
				.orderBy('teams.id')
				.limit(CHUNK)
				.execute();
			if (rows.length === 0) break;
			yield { month, rows: rows.filter(current) };
			after = rows.at(-1)!.id;
		}
	}
}

export interface WindowDifference {
	teamId: string;
	month: string;
	stored: string;
	fromRecords: string;
}

/**
 * Compares every current stored row with the figures worked out from the raw records, and returns
 * the rows that differ: none, unless something wrote around the triggers.
 */
export async function checkWindowRollup(
	database: Db,
	now: Date
): Promise<{ checked: number; differences: WindowDifference[] }> {
	const differences: WindowDifference[] = [];
	let checked = 0;
	for await (const { month, rows } of currentRows(database)) {
		if (rows.length === 0) continue;
		const fresh = await windowFromRecords(
			database,
			rows.map((r) => r.id),
			howWindow(month),
			now
		);
		for (const row of rows) {
			const fromRecords = encode(fresh.get(row.id)!);
			if (fromRecords !== row.figures) differences.push({ teamId: row.id, month, stored: row.figures!, fromRecords });
		}
		checked += rows.length;
	}
	return { checked, differences };
}

/** Works every stored row out afresh from the raw records and stores it; returns how many. */
export async function rebuildWindowRollup(database: Db, now: Date): Promise<number> {
	let rebuilt = 0;
	const months = await database.selectFrom('team_window_rollup').select('month').distinct().orderBy('month').execute();
	for (const { month } of months) {
		const window = howWindow(month);
		const rows = await withStored(database, month).where('team_window_rollup.month', '=', month).execute();
		// Worked out with the team's generation as it is now, current or not.
		await workOut(database, rows, window, now);
		rebuilt += rows.length;
	}
	return rebuilt;
}
