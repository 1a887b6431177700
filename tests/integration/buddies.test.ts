import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explanationText } from '../../src/lib/buddies';
import { cycleHealth, logMeeting, myPairs, pairPage, planMeeting, recordFit } from '../../src/lib/server/buddies/pairs';
import {
	createCycle,
	cycleProposal,
	joinCycle,
	nominate,
	publishCycle,
	repairPair,
	runMatching,
	setExcluded,
	setLocked,
	swapPeople
} from '../../src/lib/server/buddies/service';
import { schedulerPass } from '../../src/lib/server/notifications/worker';
import { addGrant, addPerson, addTeam, addUnit, openTempDb, T0, type TempDb, actorFor } from './temp-db';

let temp: TempDb;
const profile = {
	goals: 'See how my work lands with the customer.',
	learn: ['Customer calls' as const],
	offer: ['Excel' as const],
	interests: 'chess',
	hours_start: '09:00',
	hours_end: '17:00'
};

beforeAll(async () => {
	temp = await openTempDb('buddies');
	const co = await addUnit(temp.db, 'co', 'Company');
	for (const [id, name] of [
		['fin', 'Finance'],
		['ops', 'Operations']
	] as const) {
		await temp.db
			.insertInto('org_units')
			.values({ id, name, kind: 'department', parent_id: 'co', path: `${co.path}${id}/`, created_at: T0.toISOString() })
			.execute();
	}
	await addTeam(temp.db, 'ap', 'Accounts Payable', 'fin');
	await temp.db
		.insertInto('teams')
		.values({
			id: 'care',
			name: 'Customer Care',
			kind: 'customer_facing',
			org_unit_id: 'ops',
			created_at: T0.toISOString()
		})
		.execute();
	await addPerson(temp.db, { id: 'owner', email: 'owner@example.com', name: 'Olive Owner' });
	await addGrant(temp.db, 'owner', 'admin');
	await addPerson(temp.db, { id: 'fmgr', email: 'fm@example.com', name: 'Fin Manager', team_id: 'ap' });
	await addGrant(temp.db, 'fmgr', 'manager', { team_id: 'ap' });
	for (const [id, team] of [
		['f1', 'ap'],
		['f2', 'ap'],
		['c1', 'care'],
		['c2', 'care']
	] as const) {
		await addPerson(temp.db, {
			id,
			email: `${id}@example.com`,
			name: `Person ${id}`,
			team_id: team,
			manager_id: team === 'ap' ? 'fmgr' : null
		});
	}
});
afterAll(async () => {
	await temp.close();
});

describe('a buddy cycle', () => {
	let cycleId = '';

	it('is opened, joined and nominated into', async () => {
		const owner = await actorFor(temp.db, 'owner');
		const created = await createCycle(
			temp.db,
			owner,
			{ name: '2027 Q1', starts_on: '2027-01-04', ends_on: '2027-03-31', mode: 'opt_in', unit_ids: ['co'] },
			T0
		);
		expect(created.ok).toBe(true);
		cycleId = created.ok ? created.id : '';
		// Care people want what Finance offers and offer what Finance wants to learn.
		const care = { ...profile, learn: ['Excel' as const], offer: ['Customer calls' as const] };
		for (const id of ['f1', 'c1', 'c2']) {
			expect(
				await joinCycle(
					temp.db,
					{ ...(await actorFor(temp.db, id)), timeZone: 'Europe/London' },
					cycleId,
					id.startsWith('c') ? care : profile,
					T0
				)
			).toEqual({ ok: true });
		}
		expect(await nominate(temp.db, await actorFor(temp.db, 'fmgr'), cycleId, 'f2', T0)).toEqual({
			ok: true
		});
		expect((await nominate(temp.db, await actorFor(temp.db, 'fmgr'), cycleId, 'c1', T0)).ok).toBe(false);
		expect(
			(
				await createCycle(
					temp.db,
					await actorFor(temp.db, 'f1'),
					{ name: 'Mine', starts_on: '2027-01-04', ends_on: '2027-03-31', mode: 'opt_in', unit_ids: ['co'] },
					T0
				)
			).ok
		).toBe(false);
	});

	it('pairs only across departments, keeps locks on re-run and refuses rule-breaking swaps', async () => {
		const scope = await actorFor(temp.db, 'owner');
		expect((await runMatching(temp.db, scope, cycleId, T0)).ok).toBe(true);
		const proposal = await cycleProposal(temp.db, cycleId);
		expect(proposal).toHaveLength(2);
		for (const pair of proposal) {
			const ids = pair.members.map((m) => m.id).sort();
			expect(ids.filter((id) => id.startsWith('f'))).toHaveLength(1);
		}
		expect(
			proposal.some((pair) => pair.breakdown.some((line) => explanationText(line).includes('complementary topic')))
		).toBe(true);
		const first = proposal[0]!;
		await setLocked(temp.db, scope, cycleId, first.id, true);
		await runMatching(temp.db, scope, cycleId, T0);
		const again = await cycleProposal(temp.db, cycleId);
		expect(
			again
				.find((p) => p.locked)
				?.members.map((m) => m.id)
				.sort()
		).toEqual(first.members.map((m) => m.id).sort());

		const [fa, fb] = again.map((p) => p.members.find((m) => m.id.startsWith('f'))!.id);
		expect(
			await swapPeople(
				temp.db,
				scope,
				cycleId,
				fa!,
				again.find((p) => !p.members.some((m) => m.id === fa))!.members.find((m) => m.id.startsWith('c'))!.id,
				T0
			)
		).toEqual({
			ok: false,
			errors: { swap: { code: 'connect_swap_breaks_rules' } }
		});
		expect(fb).toBeDefined();
		expect((await runMatching(temp.db, await actorFor(temp.db, 'f1'), cycleId, T0)).ok).toBe(false);
	});

	it('leaves an excluded person out until they are included again', async () => {
		const scope = await actorFor(temp.db, 'owner');
		await setExcluded(temp.db, scope, cycleId, 'c2', true);
		await setLocked(temp.db, scope, cycleId, (await cycleProposal(temp.db, cycleId))[0]!.id, false);
		const run = await runMatching(temp.db, scope, cycleId, T0);
		expect(run.ok && run.unmatched.map((u) => u.id)).toContain('c2');
		await setExcluded(temp.db, scope, cycleId, 'c2', false);
		await runMatching(temp.db, scope, cycleId, T0);
		expect((await cycleProposal(temp.db, cycleId)).flatMap((p) => p.members.map((m) => m.id)).sort()).toEqual([
			'c1',
			'c2',
			'f1',
			'f2'
		]);
	});

	it('keeps one proposal when the matching runs several times at once (as on several instances)', async () => {
		const scope = await actorFor(temp.db, 'owner');
		const runs = await Promise.all([1, 2, 3].map(() => runMatching(temp.db, scope, cycleId, T0)));
		expect(runs.every((r) => r.ok)).toBe(true);
		const members = (await cycleProposal(temp.db, cycleId)).flatMap((p) => p.members.map((m) => m.id)).sort();
		expect(members).toEqual(['c1', 'c2', 'f1', 'f2']);
	});

	it('is published; buddies log meetings, then check the fit', async () => {
		const scope = await actorFor(temp.db, 'owner');
		expect(await publishCycle(temp.db, scope, cycleId, T0)).toEqual({ ok: true });
		// Each of the four hears who their buddy is, in the publishing transaction.
		const paired = await temp.db
			.selectFrom('notifications')
			.select(['person_id', 'params'])
			.where('kind', '=', 'buddies.paired')
			.orderBy('person_id')
			.execute();
		expect(paired.map((n) => n.person_id)).toEqual(['c1', 'c2', 'f1', 'f2']);
		expect((JSON.parse(paired[0]!.params) as { buddies: string[] }).buddies).toHaveLength(1);
		const [mine] = await myPairs(temp.db, 'f1', '2027-01-10');
		expect(mine?.health).toEqual({ state: 'never_met' });
		const pairId = mine!.id;
		const f1 = await actorFor(temp.db, 'f1');
		expect((await recordFit(temp.db, f1, pairId, { fit: 'good', note: '' }, T0)).ok).toBe(false);
		expect(
			await logMeeting(
				temp.db,
				await actorFor(temp.db, 'f2'),
				pairId,
				{ met: 'yes', met_on: '2027-01-08', rating: '3', notes: '' },
				'2027-01-10',
				T0
			)
		).toEqual({ ok: false, errors: { _form: { code: 'connect_pair_only_buddies_log' } } });
		expect(
			await logMeeting(
				temp.db,
				f1,
				pairId,
				{ met: 'yes', met_on: '2027-01-08', rating: '4', notes: 'Walked through a refund.' },
				'2027-01-10',
				T0
			)
		).toEqual({ ok: true });
		expect(await recordFit(temp.db, f1, pairId, { fit: 'good', note: '' }, T0)).toEqual({ ok: true });
		const page = await pairPage(temp.db, f1, pairId, '2027-01-10');
		expect(page?.health).toEqual({ state: 'on_track' });
		const outsider = ['c1', 'c2'].find((id) => !page!.members.some((m) => m.id === id))!;
		expect(await pairPage(temp.db, await actorFor(temp.db, outsider), pairId, '2027-01-10')).toBeUndefined();
		const plan = await planMeeting(
			temp.db,
			{ ...f1, timeZone: 'Europe/London' },
			pairId,
			{ date: '2027-01-20', time: '12:30', minutes: 30, place: 'Canteen' },
			T0
		);
		expect(plan.ok).toBe(true);
		// The other buddy gets the invitation as a notification; f1 gets the calendar email alone.
		const buddy = page!.members.find((m) => m.id !== 'f1')!.id;
		const invited = await temp.db
			.selectFrom('notifications')
			.select(['person_id', 'email'])
			.where('kind', '=', 'buddies.meeting_planned')
			.execute();
		expect(invited).toEqual([{ person_id: buddy, email: 'immediate' }]);
		const own = await temp.db
			.selectFrom('email_deliveries')
			.select('person_id')
			.where('kind', '=', 'buddies.meeting_calendar')
			.execute();
		expect(own).toEqual([{ person_id: 'f1' }]);
		expect(
			(
				await planMeeting(
					temp.db,
					await actorFor(temp.db, outsider),
					pairId,
					{ date: '2027-01-20', time: '12:30', minutes: 30, place: '' },
					T0
				)
			).ok
		).toBe(false);
		expect(
			(await planMeeting(temp.db, f1, pairId, { date: '2026-01-20', time: '12:30', minutes: 30, place: '' }, T0)).ok
		).toBe(false);
		// Their manager can follow the pair.
		expect((await pairPage(temp.db, await actorFor(temp.db, 'fmgr'), pairId, '2027-01-10'))?.isMember).toBe(false);
	});

	it('nudges a pair that has not met two weeks after publishing, then tells the owner a week later', async () => {
		const noMeeting = async () =>
			(
				await temp.db
					.selectFrom('notifications')
					.select(['person_id', 'params'])
					.where('kind', '=', 'buddies.no_meeting')
					.orderBy('person_id')
					.execute()
			).map((n) => `${n.person_id}${(JSON.parse(n.params) as { owner: boolean }).owner ? ':owner' : ''}`);
		// Published on 23 November; the f1 pair logged a meeting, the other has not.
		const quiet = (await cycleProposal(temp.db, cycleId)).find((p) => !p.members.some((m) => m.id === 'f1'))!;
		await schedulerPass(temp.db, new Date('2026-12-07T09:00:00Z'));
		expect(await noMeeting()).toEqual(quiet.members.map((m) => m.id).sort());
		await schedulerPass(temp.db, new Date('2026-12-08T09:00:00Z'));
		expect(await noMeeting()).toHaveLength(2);
		await schedulerPass(temp.db, new Date('2026-12-14T09:00:00Z'));
		expect(await noMeeting()).toEqual([...quiet.members.map((m) => m.id).sort(), 'owner:owner'].sort());
	});

	it('tells the owner at once when a buddy asks for another after meeting', async () => {
		const [mine] = await myPairs(temp.db, 'f1', '2027-01-10');
		// f1 changes their mind about the fit.
		const f1 = await actorFor(temp.db, 'f1');
		expect((await recordFit(temp.db, f1, mine!.id, { fit: 'repair', note: 'Our hours never overlap' }, T0)).ok).toBe(
			true
		);
		const asked = await temp.db
			.selectFrom('notifications')
			.select(['person_id', 'email'])
			.where('kind', '=', 'buddies.repair_requested')
			.execute();
		expect(asked).toEqual([{ person_id: 'owner', email: 'immediate' }]);
	});

	it('is re-paired by its owner: the old pairs end as history and all four hear who their new buddy is', async () => {
		const today = '2027-01-10';
		const owner = await actorFor(temp.db, 'owner');
		const [mine] = await myPairs(temp.db, 'f1', today);
		const pairs = await cycleProposal(temp.db, cycleId);
		const flagged = pairs.find((p) => p.id === mine!.id)!;
		const other = pairs.find((p) => p.id !== mine!.id)!;
		const formerBuddy = flagged.members.find((m) => m.id !== 'f1')!.id;
		const newBuddy = other.members.find((m) => m.id.startsWith('c'))!.id;
		const repair = (actor: typeof owner, person: string, withId: string) =>
			repairPair(temp.db, actor, cycleId, { person, with: withId }, today, T0);

		expect(await repair(await actorFor(temp.db, 'f1'), 'f1', newBuddy)).toEqual({
			ok: false,
			errors: { _form: { code: 'connect_repair_only_running_owner' } }
		});
		expect((await repair(owner, 'f1', formerBuddy)).ok).toBe(false);
		// Two people of one department would be paired.
		expect(await repair(owner, 'f1', 'f2')).toEqual({
			ok: false,
			errors: { with: { code: 'connect_swap_breaks_rules' } }
		});
		// Nobody in the other pair asked for a change.
		expect(await repair(owner, newBuddy, 'f1')).toEqual({
			ok: false,
			errors: { person: { code: 'connect_repair_not_asked' } }
		});

		const done = await repair(owner, 'f1', newBuddy);
		expect(done.ok).toBe(true);
		const current = (await myPairs(temp.db, 'f1', today)).filter((p) => p.current);
		expect(current).toHaveLength(1);
		expect(current[0]!.buddies).toEqual([`Person ${newBuddy}`]);
		const health = await cycleHealth(temp.db, cycleId, today);
		expect(health.map((h) => h.ended).sort()).toEqual([false, false, true, true]);

		const repaired = await temp.db
			.selectFrom('notifications')
			.select(['person_id', 'params'])
			.where('kind', '=', 'buddies.repaired')
			.orderBy('person_id')
			.execute();
		expect(repaired.map((n) => n.person_id)).toEqual([formerBuddy, 'f1', 'f2', newBuddy].sort());
		expect(JSON.parse(repaired.find((n) => n.person_id === 'f1')!.params)).toMatchObject({
			buddies: [`Person ${newBuddy}`]
		});
		// The request to the owner is dealt with; the old pair's planned meeting is cancelled in both calendars.
		const request = await temp.db
			.selectFrom('notifications')
			.select('read_at')
			.where('kind', '=', 'buddies.repair_requested')
			.executeTakeFirstOrThrow();
		expect(request.read_at).not.toBeNull();
		const plan = await temp.db
			.selectFrom('buddy_plans')
			.select(['cancelled_at', 'sequence'])
			.where('pair_id', '=', mine!.id)
			.executeTakeFirstOrThrow();
		expect(plan).toMatchObject({ sequence: 1 });
		expect(plan.cancelled_at).not.toBeNull();
		const cancellations = await temp.db
			.selectFrom('email_deliveries')
			.select(['person_id', 'params'])
			.where('kind', '=', 'buddies.meeting_calendar')
			.execute();
		expect(
			cancellations
				.filter((c) => (JSON.parse(c.params) as { params: { cancelled: boolean } }).params.cancelled)
				.map((c) => c.person_id)
				.sort()
		).toEqual(['f1', formerBuddy].sort());

		// The ended pair is a record: nothing more is logged on it, and its page says so.
		const f1 = await actorFor(temp.db, 'f1');
		expect(
			await logMeeting(temp.db, f1, mine!.id, { met: 'yes', met_on: today, rating: '3', notes: '' }, today, T0)
		).toEqual({ ok: false, errors: { _form: { code: 'connect_pair_ended_refusal' } } });
		const page = await pairPage(temp.db, f1, mine!.id, today);
		expect(page?.endedAt).not.toBeNull();
		expect(page?.canAct).toBe(false);
		// And the two former buddies are not put back together.
		expect((await repair(owner, formerBuddy, 'f1')).ok).toBe(false);
	});
});
