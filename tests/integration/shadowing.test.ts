import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	addBlackout,
	cancelVisit,
	decideAsHost,
	decideAsManager,
	managerQueue,
	publishSlot,
	requestVisit,
	saveReflection
} from '../../src/lib/server/shadowing/service';
import { word } from '../../src/lib/server/service-result';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { addGrant, addPerson, addTeam, addUnit, openTempDb, T0, type TempDb, actorFor } from './temp-db';

// tsx's CLI, run with this Node: each child is a separate process with its own connection.
const tsx = join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');

let temp: TempDb;
const later = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

beforeAll(async () => {
	temp = await openTempDb('shadowing');
	const company = await addUnit(temp.db, 'co', 'Company');
	await addTeam(temp.db, 'care', 'Customer Care', company.id);
	await addTeam(temp.db, 'ap', 'Accounts Payable', company.id);
	await addPerson(temp.db, {
		id: 'host-mgr',
		email: 'hm@example.com',
		name: 'Hana Host',
		team_id: 'care',
		time_zone: 'Europe/London'
	});
	await addGrant(temp.db, 'host-mgr', 'manager', { team_id: 'care' });
	await addPerson(temp.db, { id: 'ap-mgr', email: 'am@example.com', name: 'Arno Approver', team_id: 'ap' });
	await addGrant(temp.db, 'ap-mgr', 'manager', { team_id: 'ap' });
	for (const id of ['v1', 'v2', 'v3', 'v4', 'v5']) {
		await addPerson(temp.db, {
			id,
			email: `${id}@example.com`,
			name: `Visitor ${id}`,
			team_id: 'ap',
			manager_id: 'ap-mgr'
		});
	}
});
afterAll(async () => {
	await temp.close();
});

async function slot(date: string, time: string, capacity: number, extra: Record<string, string> = {}) {
	const result = await publishSlot(
		temp.db,
		await actorFor(temp.db, 'host-mgr'),
		{
			team_id: 'care',
			host_email: 'hm@example.com',
			date,
			time,
			minutes: 120,
			capacity,
			place: 'Care floor',
			video_url: '',
			what_you_will_see: 'Live calls, the top five call reasons and the screens agents use.',
			...extra
		},
		T0
	);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.id;
}

describe('shadowing places', () => {
	it('gives the last place to exactly one of several people asking at once', async () => {
		const id = await slot('2026-12-07', '10:00', 1);
		const results = await Promise.all(
			['v1', 'v2', 'v3', 'v4'].map(async (v) =>
				requestVisit(
					temp.db,
					await actorFor(temp.db, v),
					id,
					{ objectives: 'I want to see how invoice holds reach callers.' },
					T0
				)
			)
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.errors._form))).toEqual([
			{ code: 'connect_visit_slot_full' },
			{ code: 'connect_visit_slot_full' },
			{ code: 'connect_visit_slot_full' }
		]);
		// Worded by the route in the request's language; English outside a request.
		expect(results.map((r) => (r.ok || !r.errors._form ? '' : word(r.errors._form))).filter(Boolean)).toEqual([
			'This slot is full',
			'This slot is full',
			'This slot is full'
		]);
		const rows = await temp.db.selectFrom('shadow_visits').select('id').where('slot_id', '=', id).execute();
		expect(rows).toHaveLength(1);
	});

	it('holds when separate server processes race for the last place', { timeout: 30_000 }, async () => {
		const id = await slot('2026-12-08', '10:00', 1);
		const run = (visitor: string) =>
			new Promise<{ ok: boolean }>((resolve, reject) => {
				const child = spawn(process.execPath, [
					tsx,
					'tests/integration/request-visit.child.ts',
					temp.url,
					visitor,
					id,
					T0.toISOString()
				]);
				let out = '';
				child.stdout.on('data', (chunk) => (out += chunk));
				child.on('error', reject);
				child.on('close', () => resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}')));
			});
		const results = await Promise.all(['v1', 'v2', 'v3'].map(run));
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		const rows = await temp.db.selectFrom('shadow_visits').select('id').where('slot_id', '=', id).execute();
		expect(rows).toHaveLength(1);
	});

	it('frees the place when a visit is cancelled', async () => {
		const id = await slot('2026-12-09', '10:00', 1);
		const first = await requestVisit(
			temp.db,
			await actorFor(temp.db, 'v3'),
			id,
			{ objectives: 'I want to see how invoice holds reach callers.' },
			T0
		);
		expect(first.ok).toBe(true);
		expect(
			(
				await requestVisit(
					temp.db,
					await actorFor(temp.db, 'v4'),
					id,
					{ objectives: 'I want to see the refund calls, please.' },
					T0
				)
			).ok
		).toBe(false);
		expect(await cancelVisit(temp.db, await actorFor(temp.db, 'v3'), first.ok ? first.id : '', T0)).toEqual({
			ok: true
		});
		expect(
			(
				await requestVisit(
					temp.db,
					await actorFor(temp.db, 'v4'),
					id,
					{ objectives: 'I want to see the refund calls, please.' },
					T0
				)
			).ok
		).toBe(true);
	});

	it('refuses a second visit that overlaps one the person already holds', async () => {
		const morning = await slot('2026-12-10', '09:00', 3);
		const overlapping = await slot('2026-12-10', '10:00', 3);
		const afternoon = await slot('2026-12-10', '11:00', 3);
		expect(
			(
				await requestVisit(
					temp.db,
					await actorFor(temp.db, 'v5'),
					morning,
					{ objectives: 'Morning queue, please: the busiest hour.' },
					T0
				)
			).ok
		).toBe(true);
		expect(
			await requestVisit(
				temp.db,
				await actorFor(temp.db, 'v5'),
				overlapping,
				{ objectives: 'Another look at the queue later on.' },
				T0
			)
		).toEqual({
			ok: false,
			errors: { _form: { code: 'connect_visit_clash' } }
		});
		expect(
			(
				await requestVisit(
					temp.db,
					await actorFor(temp.db, 'v5'),
					afternoon,
					{ objectives: 'Back-to-back is fine when they only touch.' },
					T0
				)
			).ok
		).toBe(true);
	});

	it('blocks new slots and new requests during a blackout', async () => {
		const before = await slot('2026-12-30', '10:00', 2);
		const manager = await actorFor(temp.db, 'host-mgr');
		expect(
			await addBlackout(
				temp.db,
				manager,
				{ team_id: 'care', starts_on: '2026-12-28', ends_on: '2027-01-04', reason: 'Year-end close' },
				T0
			)
		).toEqual({ ok: true });
		await expect(slot('2027-01-02', '10:00', 2)).rejects.toThrow('Year-end close');
		const refused = await requestVisit(
			temp.db,
			await actorFor(temp.db, 'v1'),
			before,
			{ objectives: 'Seeing year-end from the customer side.' },
			T0
		);
		expect(refused).toEqual({
			ok: false,
			errors: { _form: { code: 'connect_visit_blackout', params: { reason: 'Year-end close' } } }
		});
		expect(!refused.ok && word(refused.errors._form!)).toBe('The host team takes no visitors then (Year-end close)');
	});
});

describe('approvals', () => {
	it('goes from the visitor’s manager to the host, and only they may decide', async () => {
		const id = await slot('2026-12-14', '13:00', 2);
		const request = await requestVisit(
			temp.db,
			await actorFor(temp.db, 'v2'),
			id,
			{ objectives: 'How complaints about late payments are handled.' },
			T0
		);
		const visitId = request.ok ? request.id : '';
		expect(request).toMatchObject({ ok: true, status: 'pending_manager' });

		const stranger = await actorFor(temp.db, 'v3');
		expect((await decideAsManager(temp.db, stranger, visitId, true, '', T0)).ok).toBe(false);
		expect((await decideAsHost(temp.db, await actorFor(temp.db, 'ap-mgr'), visitId, true, '', T0)).ok).toBe(false);

		expect(await decideAsManager(temp.db, await actorFor(temp.db, 'ap-mgr'), visitId, true, '', T0)).toEqual({
			ok: true,
			status: 'pending_host'
		});
		expect(await decideAsHost(temp.db, await actorFor(temp.db, 'host-mgr'), visitId, true, '', T0)).toEqual({
			ok: true,
			status: 'confirmed'
		});

		const reflection = {
			learned: 'Callers quote our reference numbers.',
			impact: 'A held invoice becomes a call.',
			change: 'Add the hold reason to the supplier email.'
		};
		expect((await saveReflection(temp.db, await actorFor(temp.db, 'v2'), visitId, reflection, T0)).ok).toBe(false);
		expect(
			await saveReflection(
				temp.db,
				await actorFor(temp.db, 'v2'),
				visitId,
				reflection,
				new Date('2026-12-15T00:00:00Z')
			)
		).toEqual({
			ok: true
		});
	});

	it('confirms straight away after approval when the host team auto-accepts', async () => {
		const id = await slot('2026-12-16', '13:00', 2, { auto_accept: 'on' });
		const request = await requestVisit(
			temp.db,
			await actorFor(temp.db, 'v1'),
			id,
			{ objectives: 'See how the team handles a surge in calls.' },
			later(1)
		);
		expect(
			await decideAsManager(
				temp.db,
				await actorFor(temp.db, 'ap-mgr'),
				request.ok ? request.id : '',
				true,
				'',
				later(2)
			)
		).toEqual({ ok: true, status: 'confirmed' });
	});

	it('never lets a manager approve their own request, though they manage their own team', async () => {
		await addPerson(temp.db, { id: 'boss', email: 'boss@example.com', name: 'Bo Boss', team_id: 'ap' });
		await addPerson(temp.db, {
			id: 'self-mgr',
			email: 'self@example.com',
			name: 'Sam Selfmanager',
			team_id: 'ap',
			manager_id: 'boss'
		});
		await addGrant(temp.db, 'self-mgr', 'manager', { team_id: 'ap' });
		const id = await slot('2026-12-18', '10:00', 2);
		const request = await requestVisit(
			temp.db,
			await actorFor(temp.db, 'self-mgr'),
			id,
			{ objectives: 'See how refunds reach the care team.' },
			later(1)
		);
		expect(request).toMatchObject({ ok: true, status: 'pending_manager' });
		const visitId = request.ok ? request.id : '';
		const self = await actorFor(temp.db, 'self-mgr');
		expect((await managerQueue(temp.db, self.scope)).approvals.map((v) => v.id)).not.toContain(visitId);
		expect(await decideAsManager(temp.db, self, visitId, true, '', later(2))).toMatchObject({ ok: false });
		// Their own line manager decides instead.
		const boss = await actorFor(temp.db, 'boss');
		expect((await managerQueue(temp.db, boss.scope)).approvals.map((v) => v.id)).toContain(visitId);
		expect(await decideAsManager(temp.db, boss, visitId, true, '', later(3))).toEqual({
			ok: true,
			status: 'pending_host'
		});
	});
});
