import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import * as org from '../../src/lib/server/org/service';
import { worded, type ServiceResult } from '../../src/lib/server/service-result';
import { addPerson, addTeam, addUnit, openTempDb, plainActor, T0, type TempDb } from './temp-db';

/** A service's result as the form shows it: refusals worded (in English, outside a request). */
async function shown<T extends object>(result: Promise<ServiceResult<T>>) {
	const done = await result;
	return done.ok ? done : { ok: false as const, errors: worded(done.errors) };
}
const createTeam = (...args: Parameters<typeof org.createTeam>) => shown(org.createTeam(...args));
const editTeam = (...args: Parameters<typeof org.editTeam>) => shown(org.editTeam(...args));
const createUnit = (...args: Parameters<typeof org.createUnit>) => shown(org.createUnit(...args));
const editUnit = (...args: Parameters<typeof org.editUnit>) => shown(org.editUnit(...args));

/** Team names are unique ignoring case; unit names are, among the units under one parent. */
let temp: TempDb;
let db: Db;
const ada = plainActor('p-ada', null, { isAdmin: true });

beforeAll(async () => {
	temp = await openTempDb('org');
	db = temp.db;
	await addPerson(db, { id: ada.id, email: 'ada@example.com', name: 'Ada' });
	const company = await addUnit(db, 'u-co', 'Northwind');
	const finance = await addUnit(db, 'u-fin', 'Finance', company);
	await addUnit(db, 'u-hr', 'HR', company);
	await addUnit(db, 'u-pay', 'Payables', finance);
	await addTeam(db, 't-fo', 'Finance Operations', 'u-fin');
	await addTeam(db, 't-pr', 'Payroll', 'u-hr');
});
afterAll(() => temp.close());

describe('team names', () => {
	it('refuse a new team whose name differs from another’s only by case', async () => {
		for (const name of ['finance operations', 'FINANCE OPERATIONS', 'Finance Operations'])
			expect(await createTeam(db, ada, { name, kind: 'back_office', org_unit_id: 'u-hr' }, T0)).toEqual({
				ok: false,
				errors: { name: 'A team called Finance Operations already exists' }
			});
	});

	it('refuse renaming a team to another’s name in other case, but let a team change its own case', async () => {
		expect(
			await editTeam(db, ada, 't-pr', { name: 'finance operations', kind: 'back_office', org_unit_id: 'u-hr' }, T0)
		).toEqual({
			ok: false,
			errors: { name: 'A team called Finance Operations already exists' }
		});
		expect(
			await editTeam(db, ada, 't-fo', { name: 'Finance operations', kind: 'back_office', org_unit_id: 'u-fin' }, T0)
		).toEqual({ ok: true });
	});
});

describe('unit names', () => {
	it('refuse a unit whose name differs from a sibling’s only by case', async () => {
		expect(await createUnit(db, ada, { name: 'payables', kind: 'department', parent_id: 'u-fin' }, T0)).toEqual({
			ok: false,
			errors: { name: 'A unit called Payables already exists under Finance' }
		});
		expect(await createUnit(db, ada, { name: 'NORTHWIND', kind: 'company', parent_id: null }, T0)).toEqual({
			ok: false,
			errors: { name: 'A unit called Northwind already exists at the top level' }
		});
	});

	it('allow the same name under a different parent', async () => {
		expect(await createUnit(db, ada, { name: 'payables', kind: 'department', parent_id: 'u-hr' }, T0)).toMatchObject({
			ok: true
		});
	});

	it('refuse renaming or moving a unit next to one of the same name', async () => {
		expect(await editUnit(db, ada, 'u-hr', { name: 'finance', kind: 'department', parent_id: 'u-co' }, T0)).toEqual({
			ok: false,
			errors: { name: 'A unit called Finance already exists under Northwind' }
		});
		const hrPayables = await db
			.selectFrom('org_units')
			.select('id')
			.where('parent_id', '=', 'u-hr')
			.executeTakeFirstOrThrow();
		expect(
			await editUnit(db, ada, hrPayables.id, { name: 'payables', kind: 'department', parent_id: 'u-fin' }, T0)
		).toEqual({ ok: false, errors: { name: 'A unit called Payables already exists under Finance' } });
		expect(await editUnit(db, ada, 'u-pay', { name: 'PAYABLES', kind: 'department', parent_id: 'u-fin' }, T0)).toEqual({
			ok: true
		});
	});
});
