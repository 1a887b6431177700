import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import { withoutTriggers } from '../../src/lib/server/db/triggers';
import { addPerson, addTeam, addUnit, openTempDb, type TempDb } from './temp-db';

/**
 * Bulk loads skip the roll-ups' triggers (`withoutTriggers`, used by the large seed). Watched here
 * through one of them: moving a person to another team bumps both teams' generations.
 */

let temp: TempDb;
let db: Db;

beforeAll(async () => {
	temp = await openTempDb('triggers');
	db = temp.db;
	const unit = await addUnit(db, 'u-1', 'Unit');
	await addTeam(db, 't-a', 'Team A', unit.id);
	await addTeam(db, 't-b', 'Team B', unit.id);
	await addPerson(db, { id: 'p-1', email: 'p1@example.com', name: 'Pat', team_id: 't-a' });
});

afterAll(async () => {
	await temp?.close();
});

async function generations(database: Db): Promise<Record<string, number>> {
	const rows = await database.selectFrom('team_rollup_gen').select(['team_id', 'gen']).orderBy('team_id').execute();
	return Object.fromEntries(rows.map((r) => [r.team_id, Number(r.gen)]));
}

/** Both teams' generations one above `before`: the trigger fired for one move. */
async function expectBumpedOnce(before: Record<string, number>) {
	const after = await generations(db);
	expect(after['t-a']).toBe((before['t-a'] ?? 0) + 1);
	expect(after['t-b']).toBe((before['t-b'] ?? 0) + 1);
}

const moveTo = (database: Db, team: string) =>
	database.updateTable('people').set({ team_id: team }).where('id', '=', 'p-1').execute();

describe('a load without triggers', () => {
	it('writes without firing them, and they fire again afterwards', async () => {
		const before = await generations(db);
		await db.transaction().execute(async (trx) => {
			await withoutTriggers(trx, () => moveTo(trx, 't-b'));
			expect(await generations(trx)).toEqual(before);
			await moveTo(trx, 't-a');
		});
		await expectBumpedOnce(before);
	});

	it('gives the triggers back when the load fails', async () => {
		const before = await generations(db);
		await expect(
			db.transaction().execute((trx) =>
				withoutTriggers(trx, async () => {
					await moveTo(trx, 't-b');
					throw new Error('the load failed');
				})
			)
		).rejects.toThrow('the load failed');
		expect(await generations(db)).toEqual(before);
		await moveTo(db, 't-b');
		await expectBumpedOnce(before);
	});

	it('runs only inside a transaction', async () => {
		await expect(withoutTriggers(db, async () => {})).rejects.toThrow('inside a transaction');
	});
});
