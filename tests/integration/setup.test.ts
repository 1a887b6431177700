import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { signIn } from '../../src/lib/server/auth/sign-in';
import { scopeOf } from '../../src/lib/server/people/queries';
import { needsSetup, setUpRipple } from '../../src/lib/server/setup';
import { openTempDb, type TempDb } from './temp-db';

let temp: TempDb;
const now = new Date('2026-11-22T09:00:00.000Z');
const input = {
	organisation: 'Acme Shared Services',
	name: 'Robin First',
	email: 'robin@acme.example',
	password: 'the very first password',
	time_zone: 'Europe/Dublin'
};

beforeAll(async () => {
	temp = await openTempDb('setup');
});
afterAll(async () => {
	await temp.close();
});

describe('first-run setup', () => {
	it('is offered only while nobody exists, creates the company and an admin, and signs them in', async () => {
		expect(await needsSetup(temp.db)).toBe(true);
		const result = await setUpRipple(temp.db, input, '127.0.0.1', now);
		expect(result).not.toBeNull();

		const session = await validateSessionToken(temp.db, result!.token, now);
		expect(session).not.toBeNull();
		const scope = await scopeOf(temp.db, session!.session.person_id);
		expect(scope.isAdmin).toBe(true);
		const units = await temp.db.selectFrom('org_units').select(['name', 'kind', 'parent_id']).execute();
		expect(units).toEqual([{ name: 'Acme Shared Services', kind: 'company', parent_id: null }]);
		expect(await needsSetup(temp.db)).toBe(false);

		const signedIn = await signIn(temp.db, { email: input.email, password: input.password, ip: '127.0.0.1' }, now);
		expect(signedIn.ok).toBe(true);
	});

	it('refuses to run again once someone exists, and changes nothing', async () => {
		const before = await temp.db.selectFrom('people').select('id').execute();
		const again = await setUpRipple(temp.db, { ...input, email: 'intruder@example.com' }, '127.0.0.1', now);
		expect(again).toBeNull();
		expect(await temp.db.selectFrom('people').select('id').execute()).toEqual(before);
		expect(await temp.db.selectFrom('org_units').select('id').execute()).toHaveLength(1);
	});
});
