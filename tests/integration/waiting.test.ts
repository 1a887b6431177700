import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createObservation, respondToObservation } from '../../src/lib/server/behaviours/observations';
import { logMeeting, recordFit } from '../../src/lib/server/buddies/pairs';
import { markAttendance, planLunchSession, rsvp } from '../../src/lib/server/lunch-and-learn/service';
import {
	decideAsHost,
	decideAsManager,
	publishSlot,
	requestVisit,
	saveHostFeedback,
	saveReflection
} from '../../src/lib/server/shadowing/service';
import { waitingFor, type WaitingKind } from '../../src/lib/server/waiting';
import { addGrant, addPerson, addTeam, addUnit, openTempDb, T0, type TempDb, actorFor } from './temp-db';

/**
 * "Waiting for you" on the home page: each kind of action shows for the person it waits on, and
 * for nobody else, and goes once it is done. T0 is Monday 23 November 2026, 09:00 UTC.
 */

let temp: TempDb;
const at = (iso: string) => new Date(iso);
const everyone = ['tomasz', 'priya', 'hal', 'carlos', 'olu', 'lena'] as const;
type Who = (typeof everyone)[number];

async function kinds(who: Who, now: Date): Promise<WaitingKind[]> {
	return (await waitingFor(temp.db, await actorFor(temp.db, who), now)).map((w) => w.kind);
}

/** Who sees this kind of item, among everyone in the organisation. */
async function seenBy(kind: WaitingKind, now: Date): Promise<Who[]> {
	const seen: Who[] = [];
	for (const who of everyone) if ((await kinds(who, now)).includes(kind)) seen.push(who);
	return seen;
}

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
	if (!result.ok) throw new Error(JSON.stringify(result));
	return result as Extract<T, { ok: true }>;
}

beforeAll(async () => {
	temp = await openTempDb('waiting');
	const company = await addUnit(temp.db, 'co', 'Company');
	await addTeam(temp.db, 'ap', 'Accounts Payable', company.id);
	await addTeam(temp.db, 'care', 'Customer Care', company.id);
	await addTeam(temp.db, 'it', 'Service Desk', company.id);
	await addPerson(temp.db, { id: 'tomasz', email: 'tomasz@example.com', name: 'Tomasz Nowak', team_id: 'ap' });
	await addGrant(temp.db, 'tomasz', 'manager', { team_id: 'ap' });
	await addPerson(temp.db, {
		id: 'priya',
		email: 'priya@example.com',
		name: 'Priya Raman',
		team_id: 'ap',
		manager_id: 'tomasz'
	});
	await addPerson(temp.db, { id: 'carlos', email: 'carlos@example.com', name: 'Carlos Mendoza', team_id: 'care' });
	await addGrant(temp.db, 'carlos', 'manager', { team_id: 'care' });
	// Hal hosts for Customer Care without managing anyone.
	await addPerson(temp.db, { id: 'hal', email: 'hal@example.com', name: 'Hal Host', team_id: 'care' });
	await addPerson(temp.db, { id: 'olu', email: 'olu@example.com', name: 'Olu Okafor', team_id: 'it' });
	await addPerson(temp.db, { id: 'lena', email: 'lena@example.com', name: 'Lena Lunch', team_id: 'it' });
});
afterAll(async () => {
	await temp.close();
});

describe('a shadowing visit', () => {
	let visitId: string;
	const during = at('2026-11-24T09:00:00Z');
	const after = at('2026-11-30T15:00:00Z');

	beforeAll(async () => {
		const slot = ok(
			await publishSlot(
				temp.db,
				await actorFor(temp.db, 'carlos'),
				{
					team_id: 'care',
					host_email: 'hal@example.com',
					date: '2026-11-30',
					time: '10:00',
					minutes: 120,
					capacity: 2,
					place: 'Care floor',
					video_url: '',
					what_you_will_see: 'Live calls, the top five call reasons and the screens agents use.'
				},
				T0
			)
		);
		visitId = ok(
			await requestVisit(
				temp.db,
				await actorFor(temp.db, 'priya'),
				slot.id,
				{ objectives: 'See how supplier questions reach Customer Care.' },
				T0
			)
		).id;
	});

	it('waits for the visitor’s manager to approve, and for nobody else', async () => {
		expect(await seenBy('approve_visit', during)).toEqual(['tomasz']);
		const [item] = (await waitingFor(temp.db, await actorFor(temp.db, 'tomasz'), during)).filter(
			(w) => w.kind === 'approve_visit'
		);
		expect(item).toMatchObject({
			href: `/connect/shadowing/visits/${visitId}`,
			visitor: 'Priya Raman',
			team: 'Customer Care'
		});
	});

	it('then waits for the host side to confirm: the host and the host team’s manager', async () => {
		ok(await decideAsManager(temp.db, await actorFor(temp.db, 'tomasz'), visitId, true, '', during));
		expect(await seenBy('approve_visit', during)).toEqual([]);
		expect(await seenBy('confirm_visit', during)).toEqual(['hal', 'carlos']);
	});

	it('after the visit waits for the visitor’s reflection and the host’s feedback, each once written', async () => {
		ok(await decideAsHost(temp.db, await actorFor(temp.db, 'hal'), visitId, true, '', during));
		expect(await seenBy('confirm_visit', during)).toEqual([]);
		// Nothing to write before the visit has happened.
		expect(await seenBy('visit_reflection', during)).toEqual([]);
		expect(await seenBy('visit_reflection', after)).toEqual(['priya']);
		expect(await seenBy('host_feedback', after)).toEqual(['hal']);

		ok(
			await saveReflection(
				temp.db,
				await actorFor(temp.db, 'priya'),
				visitId,
				{
					learned: 'Callers ask about late refunds first.',
					impact: 'Our holds decide their answers.',
					change: 'Tell Care the same day a supplier goes on stop.'
				},
				after
			)
		);
		ok(
			await saveHostFeedback(
				temp.db,
				await actorFor(temp.db, 'hal'),
				visitId,
				'Good questions, come back at quarter end.',
				after
			)
		);
		expect(await seenBy('visit_reflection', after)).toEqual([]);
		expect(await seenBy('host_feedback', after)).toEqual([]);
	});

	it('stops waiting a month after the visit', async () => {
		expect(await seenBy('visit_reflection', at('2027-01-15T09:00:00Z'))).toEqual([]);
	});
});

describe('an observation', () => {
	it('waits for the person observed to respond, not for its author, and not for a self-rating', async () => {
		const evidence = {
			behaviour: 'ownership',
			level: 4,
			situation: 'A supplier payment was blocked by a missing purchase order.',
			action: 'Chased procurement herself and told the supplier who had it.',
			impact: 'The supplier was paid on time.',
			observed_on: '2026-11-20'
		};
		const { id } = ok(
			await createObservation(temp.db, await actorFor(temp.db, 'tomasz'), 'priya', evidence, '2026-11-23', T0)
		);
		ok(await createObservation(temp.db, await actorFor(temp.db, 'olu'), 'olu', evidence, '2026-11-23', T0));
		expect(await seenBy('observation_response', T0)).toEqual(['priya']);
		const [item] = (await waitingFor(temp.db, await actorFor(temp.db, 'priya'), T0)).filter(
			(w) => w.kind === 'observation_response'
		);
		expect(item).toMatchObject({ href: `/observations/${id}`, author: 'Tomasz Nowak' });

		ok(await respondToObservation(temp.db, await actorFor(temp.db, 'priya'), id, 'Thank you.', T0));
		expect(await seenBy('observation_response', T0)).toEqual([]);
	});
});

describe('a buddy pair', () => {
	const after = at('2026-11-26T15:00:00Z');

	beforeAll(async () => {
		await temp.db
			.insertInto('buddy_cycles')
			.values({
				id: 'cy',
				name: 'Winter',
				starts_on: '2026-11-01',
				ends_on: '2027-01-31',
				mode: 'opt_in',
				status: 'published',
				owner_id: 'lena',
				created_at: '2026-10-01T09:00:00.000Z',
				published_at: '2026-11-01T09:00:00.000Z'
			})
			.execute();
		await temp.db
			.insertInto('buddy_pairs')
			.values({ id: 'pr', cycle_id: 'cy', locked: 0, score_cents: 100, breakdown: '[]', created_at: T0.toISOString() })
			.execute();
		await temp.db
			.insertInto('buddy_pair_members')
			.values([
				{ pair_id: 'pr', person_id: 'priya' },
				{ pair_id: 'pr', person_id: 'olu' }
			])
			.execute();
		await temp.db
			.insertInto('buddy_plans')
			.values({
				id: 'plan',
				pair_id: 'pr',
				starts_at: '2026-11-25T12:00:00.000Z',
				ends_at: '2026-11-25T12:45:00.000Z',
				place: 'Canteen',
				created_by: 'priya',
				sequence: 0,
				created_at: T0.toISOString(),
				updated_at: T0.toISOString(),
				cancelled_at: null
			})
			.execute();
	});

	it('waits for either buddy to log a planned meeting once it is over', async () => {
		expect(await seenBy('buddy_meeting', T0)).toEqual([]);
		expect(await seenBy('buddy_meeting', after)).toEqual(['priya', 'olu']);
		expect(await seenBy('buddy_fit', after)).toEqual([]);
		ok(
			await logMeeting(
				temp.db,
				await actorFor(temp.db, 'olu'),
				'pr',
				{ met: 'yes', met_on: '2026-11-25', rating: '4', notes: '' },
				'2026-11-26',
				after
			)
		);
		expect(await seenBy('buddy_meeting', after)).toEqual([]);
	});

	it('then waits for each buddy’s fit check until they give it', async () => {
		expect(await seenBy('buddy_fit', after)).toEqual(['priya', 'olu']);
		ok(await recordFit(temp.db, await actorFor(temp.db, 'priya'), 'pr', { fit: 'good', note: '' }, after));
		expect(await seenBy('buddy_fit', after)).toEqual(['olu']);
	});
});

describe('a lunch-and-learn session', () => {
	it('waits for its organiser to take the attendance once it has started', async () => {
		const { id } = ok(
			await planLunchSession(
				temp.db,
				await actorFor(temp.db, 'lena'),
				{
					topic: 'How month-end close works',
					description: 'What happens in the five days of close and why we ask for accruals early.',
					presenter_email: 'tomasz@example.com',
					date: '2026-11-26',
					time: '12:00',
					minutes: 45,
					place: 'Room 2',
					video_url: '',
					capacity: 10
				},
				T0
			)
		);
		ok(await rsvp(temp.db, await actorFor(temp.db, 'priya'), id, T0));
		expect(await seenBy('session_attendance', T0)).toEqual([]);
		const after = at('2026-11-26T15:00:00Z');
		expect(await seenBy('session_attendance', after)).toEqual(['lena']);
		ok(await markAttendance(temp.db, await actorFor(temp.db, 'lena'), id, ['priya'], after));
		expect(await seenBy('session_attendance', after)).toEqual([]);
	});
});
