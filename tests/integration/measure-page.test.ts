import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import { load } from '../../src/routes/(app)/measure/+page.server';
import { actorFor, addGrant, addPerson, addTeam, addUnit, openTempDbForApp, type TempDb } from './temp-db';

/**
 * The leader's scorecard table (/measure) shows 25 teams a page (issue 19), while its sorting and its
 * count of matching teams cover every team the leader sees. The load is called as SvelteKit would
 * call it, on this suite's database (`openTempDbForApp`).
 */

type Event = Parameters<typeof load>[0];
/** What these tests read of the page's data. */
interface PageData {
	totalTeams: number;
	matching: number;
	page: number;
	pageCount: number;
	rows: { team: string }[];
}

const TEAMS = 30;
let temp: TempDb;
let db: Db;

beforeAll(async () => {
	temp = await openTempDbForApp('measure-page');
	db = temp.db;
	const unit = await addUnit(db, 'u-ops', 'Operations');
	// Zero-padded, so the teams' names sort as their numbers.
	for (let i = 1; i <= TEAMS; i++) await addTeam(db, `t-${i}`, `Team ${String(i).padStart(2, '0')}`, unit.id);
	await addPerson(db, { id: 'p-leader', email: 'leader@example.com', name: 'Lee Leader' });
	await addGrant(db, 'p-leader', 'leader', { org_unit_id: unit.id });
});

afterAll(async () => {
	await temp?.close();
});

async function view(query: string): Promise<PageData> {
	const actor = await actorFor(db, 'p-leader');
	const url = new URL(`http://ripple.test/measure${query}`);
	return (await load({ locals: { actor }, url } as unknown as Event)) as unknown as PageData;
}

describe('the leader scorecard table', () => {
	it('shows 25 teams a page and counts every team it covers', async () => {
		const first = await view('');
		expect(first.totalTeams).toBe(TEAMS);
		expect(first.matching).toBe(TEAMS);
		expect(first.pageCount).toBe(2);
		expect(first.rows.map((r) => r.team)).toEqual(
			Array.from({ length: 25 }, (_, i) => `Team ${String(i + 1).padStart(2, '0')}`)
		);

		const second = await view('?page=2');
		expect(second.page).toBe(2);
		expect(second.rows.map((r) => r.team)).toEqual(['Team 26', 'Team 27', 'Team 28', 'Team 29', 'Team 30']);
	});

	it('sorts across every team before taking a page', async () => {
		const descending = await view('?sort=team&dir=desc');
		expect(descending.rows[0]!.team).toBe('Team 30');
		expect(descending.rows).toHaveLength(25);
		const last = await view('?sort=team&dir=desc&page=2');
		expect(last.rows.map((r) => r.team)).toEqual(['Team 05', 'Team 04', 'Team 03', 'Team 02', 'Team 01']);
	});
});
