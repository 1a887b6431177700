import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/lib/server/audit/log';
import { createSession } from '../../src/lib/server/auth/session';
import type { Db } from '../../src/lib/server/db';
import type { NewShadowVisit } from '../../src/lib/server/db/schema';
import { inLocale } from '../../src/lib/server/in-locale';
import { composeSingle } from '../../src/lib/server/notifications/compose';
import { notify } from '../../src/lib/server/notifications/notify';
import { wordNotification } from '../../src/lib/server/notifications/wording';
import { setPersonActive } from '../../src/lib/server/people/service';
import { addGrant, addPerson, addTeam, addUnit, countRows, openTempDb, plainActor, type TempDb } from './temp-db';

/** Deactivation takes a person out of what is still ahead, and leaves what happened (issue 18). */
let temp: TempDb;
let db: Db;
const NOW = new Date('2026-12-07T09:00:00.000Z');
const at = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();

beforeAll(async () => {
	temp = await openTempDb('deactivation');
	db = temp.db;
	const unit = await addUnit(db, 'u-1', 'Finance');
	await addTeam(db, 't-ap', 'Accounts Payable', unit.id);
	await addTeam(db, 't-cc', 'Customer Care', unit.id);
	for (const [id, name, team] of [
		['p-leaver', 'Lee Leaver', 't-ap'],
		['p-buddy', 'Bo Buddy', 't-cc'],
		['p-host', 'Hana Host', 't-cc'],
		['p-next', 'Nia Next', 't-cc'],
		['p-admin', 'Ada Admin', 't-ap']
	] as const)
		await addPerson(db, { id, email: `${id}@example.com`, name, team_id: team });
	await addGrant(db, 'p-admin', 'admin');

	// An open buddy cycle, with a proposed pair of the leaver and Bo.
	await db
		.insertInto('buddy_cycles')
		.values({
			id: 'c-open',
			name: 'Winter',
			starts_on: '2027-01-04',
			ends_on: '2027-03-26',
			mode: 'opt_in',
			status: 'open',
			owner_id: 'p-admin',
			created_at: at(-5),
			published_at: null
		})
		.execute();
	for (const person of ['p-leaver', 'p-buddy'])
		await db
			.insertInto('buddy_participants')
			.values({
				cycle_id: 'c-open',
				person_id: person,
				goals: '',
				learn: '',
				offer: '',
				interests: '',
				hours_start: 9,
				hours_end: 17,
				time_zone: 'UTC',
				nominated_by: null,
				excluded: 0,
				joined_at: at(-4)
			})
			.execute();
	await db
		.insertInto('buddy_pairs')
		.values({
			id: 'pair-1',
			cycle_id: 'c-open',
			locked: 0,
			score_cents: 100,
			breakdown: '{}',
			created_at: at(-1),
			ended_at: null
		})
		.execute();
	await db
		.insertInto('buddy_pair_members')
		.values([
			{ pair_id: 'pair-1', person_id: 'p-leaver' },
			{ pair_id: 'pair-1', person_id: 'p-buddy' }
		])
		.execute();

	// A shadowing slot at Customer Care: a visit still to come and one already made.
	const slot = {
		team_id: 't-cc',
		host_id: 'p-host',
		time_zone: 'UTC',
		capacity: 2,
		place: 'Floor 3',
		video_url: '',
		what_you_will_see: 'Triage',
		auto_accept: 0,
		created_by: 'p-host',
		sequence: 0,
		created_at: at(-10),
		updated_at: at(-10),
		cancelled_at: null
	};
	await db
		.insertInto('shadow_slots')
		.values([
			{ ...slot, id: 's-ahead', starts_at: at(3), ends_at: at(3.1) },
			{ ...slot, id: 's-past', starts_at: at(-3), ends_at: at(-2.9) }
		])
		.execute();
	const visit = {
		visitor_id: 'p-leaver',
		objectives: 'See triage',
		approved_by: null,
		approved_at: null,
		confirmed_by: null,
		confirmed_at: null,
		decline_reason: null,
		sequence: 0,
		reflection_learned: null,
		reflection_impact: null,
		reflection_change: null,
		reflected_at: null,
		host_feedback: null,
		host_feedback_at: null,
		created_at: at(-9),
		updated_at: at(-9)
	};
	await db
		.insertInto('shadow_visits')
		.values([
			{ ...visit, id: 'v-ahead', slot_id: 's-ahead', status: 'pending_host', starts_at: at(3), ends_at: at(3.1) },
			{ ...visit, id: 'v-past', slot_id: 's-past', status: 'confirmed', starts_at: at(-3), ends_at: at(-2.9) }
		])
		.execute();

	// A full lunch session ahead (the leaver has the one place, Nia waits), and one that happened.
	const session = {
		description: '',
		presenter_id: 'p-host',
		organiser_id: 'p-host',
		time_zone: 'UTC',
		place: 'Room 1',
		video_url: '',
		capacity: 1,
		sequence: 0,
		created_at: at(-10),
		updated_at: at(-10),
		cancelled_at: null
	};
	await db
		.insertInto('lunch_sessions')
		.values([
			{ ...session, id: 'l-ahead', topic: 'Ahead', starts_at: at(2), ends_at: at(2.05) },
			{ ...session, id: 'l-past', topic: 'Past', starts_at: at(-2), ends_at: at(-1.95) }
		])
		.execute();
	await db
		.insertInto('lunch_rsvps')
		.values([
			{ session_id: 'l-ahead', person_id: 'p-leaver', status: 'going', rsvp_at: at(-5), attended: null },
			{ session_id: 'l-ahead', person_id: 'p-next', status: 'waitlist', rsvp_at: at(-4), attended: null },
			{ session_id: 'l-past', person_id: 'p-leaver', status: 'going', rsvp_at: at(-5), attended: 1 }
		])
		.execute();
	await createSession(db, 'p-leaver', NOW);
});

afterAll(async () => {
	await temp?.close();
});

describe('deactivating a person', () => {
	it('ends their sessions and takes them out of open cycles, visits and places still ahead, keeping what happened', async () => {
		const result = await setPersonActive(
			db,
			plainActor('p-admin', '127.0.0.1', { isAdmin: true }),
			'p-leaver',
			false,
			NOW
		);
		expect(result.ok).toBe(true);

		expect(await db.selectFrom('sessions').select('id').where('person_id', '=', 'p-leaver').execute()).toEqual([]);

		const participant = await db
			.selectFrom('buddy_participants')
			.select('excluded')
			.where('cycle_id', '=', 'c-open')
			.where('person_id', '=', 'p-leaver')
			.executeTakeFirstOrThrow();
		expect(participant.excluded).toBe(1);
		expect(await db.selectFrom('buddy_pairs').select('id').where('cycle_id', '=', 'c-open').execute()).toEqual([]);

		const visits = await db.selectFrom('shadow_visits').select(['id', 'status']).orderBy('id').execute();
		expect(visits).toEqual([
			{ id: 'v-ahead', status: 'cancelled' },
			{ id: 'v-past', status: 'confirmed' }
		]);
		// The host, who was to confirm it, hears of the cancellation.
		const told = await db
			.selectFrom('notifications')
			.select(['person_id', 'kind'])
			.where('subject_id', '=', 'v-ahead')
			.execute();
		expect(told).toContainEqual({ person_id: 'p-host', kind: 'shadowing.cancelled' });

		const places = await db
			.selectFrom('lunch_rsvps')
			.select(['session_id', 'person_id', 'status'])
			.orderBy('session_id')
			.orderBy('person_id')
			.execute();
		expect(places).toEqual([
			{ session_id: 'l-ahead', person_id: 'p-leaver', status: 'cancelled' },
			{ session_id: 'l-ahead', person_id: 'p-next', status: 'going' },
			{ session_id: 'l-past', person_id: 'p-leaver', status: 'going' }
		]);

		const { rows } = await listAuditEvents(db, { action: 'person.deactivated', limit: 1, offset: 0 });
		expect(JSON.parse(rows[0]!.details!)).toEqual({
			buddyCycles: 1,
			visits: 1,
			hostedSlots: 0,
			hostedVisits: 0,
			sessionPlaces: 1
		});
	});

	it('changes nothing when it is refused', async () => {
		const before = await countRows(db, 'audit_events');
		const result = await setPersonActive(
			db,
			plainActor('p-admin', '127.0.0.1', { isAdmin: true }),
			'p-admin',
			false,
			NOW
		);
		expect(result.ok).toBe(false);
		expect(await countRows(db, 'audit_events')).toBe(before);
	});
});

describe('deactivating a shadowing host', () => {
	const admin = plainActor('p-admin', '127.0.0.1', { isAdmin: true });

	beforeAll(async () => {
		await addPerson(db, { id: 'p-guide', email: 'p-guide@example.com', name: 'Gus Guide', team_id: 't-ap' });
		await addPerson(db, { id: 'p-boss', email: 'p-boss@example.com', name: 'Bea Boss', team_id: 't-cc' });
		await db.updateTable('people').set({ manager_id: 'p-boss' }).where('id', '=', 'p-next').execute();
		const slot = {
			team_id: 't-ap',
			host_id: 'p-guide',
			time_zone: 'UTC',
			capacity: 3,
			place: 'Floor 1',
			video_url: '',
			what_you_will_see: 'Invoice matching',
			auto_accept: 0,
			created_by: 'p-admin',
			sequence: 0,
			created_at: at(-10),
			updated_at: at(-10),
			cancelled_at: null
		};
		await db
			.insertInto('shadow_slots')
			.values([
				{ ...slot, id: 'g-ahead', starts_at: at(4), ends_at: at(4.1) },
				{ ...slot, id: 'g-empty', starts_at: at(6), ends_at: at(6.1) },
				{ ...slot, id: 'g-past', starts_at: at(-4), ends_at: at(-3.9) }
			])
			.execute();
		const visit = (
			id: string,
			slotId: string,
			visitorId: string,
			status: NewShadowVisit['status'],
			days: number
		): NewShadowVisit => ({
			id,
			slot_id: slotId,
			visitor_id: visitorId,
			objectives: 'See invoice matching',
			status,
			starts_at: at(days),
			ends_at: at(days + 0.1),
			approved_by: null,
			approved_at: null,
			confirmed_by: status === 'confirmed' ? 'p-guide' : null,
			confirmed_at: status === 'confirmed' ? at(-8) : null,
			decline_reason: status === 'declined' ? 'Declined by the host' : null,
			sequence: 1,
			reflection_learned: null,
			reflection_impact: null,
			reflection_change: null,
			reflected_at: null,
			host_feedback: null,
			host_feedback_at: null,
			created_at: at(-9),
			updated_at: at(-9)
		});
		await db
			.insertInto('shadow_visits')
			.values([
				visit('gv-confirmed', 'g-ahead', 'p-buddy', 'confirmed', 4),
				visit('gv-waiting', 'g-ahead', 'p-next', 'pending_manager', 4),
				visit('gv-declined', 'g-ahead', 'p-host', 'declined', 4),
				visit('gv-made', 'g-past', 'p-buddy', 'confirmed', -4)
			])
			.execute();
		// Nia's request waits on her manager.
		await notify(
			db,
			[
				{
					to: 'p-boss',
					kind: 'shadowing.approval_needed',
					subject: { type: 'visit', id: 'gv-waiting' },
					href: '/connect/shadowing/visits/gv-waiting',
					params: { visit: 'gv-waiting', visitor: 'Nia Next', team: 'Accounts Payable', starts_at: at(4) }
				}
			],
			new Date(at(-9))
		);
	});

	it('withdraws their slots still ahead and cancels the visits on them, telling each visitor why', async () => {
		expect((await setPersonActive(db, admin, 'p-guide', false, NOW)).ok).toBe(true);

		const slots = await db
			.selectFrom('shadow_slots')
			.select(['id', 'cancelled_at'])
			.where('id', 'in', ['g-ahead', 'g-empty', 'g-past', 's-ahead'])
			.orderBy('id')
			.execute();
		expect(slots).toEqual([
			{ id: 'g-ahead', cancelled_at: NOW.toISOString() },
			{ id: 'g-empty', cancelled_at: NOW.toISOString() },
			{ id: 'g-past', cancelled_at: null },
			// Another host's slot stays on offer.
			{ id: 's-ahead', cancelled_at: null }
		]);
		const visits = await db
			.selectFrom('shadow_visits')
			.select(['id', 'status'])
			.where('id', 'like', 'gv-%')
			.orderBy('id')
			.execute();
		expect(visits).toEqual([
			{ id: 'gv-confirmed', status: 'cancelled' },
			{ id: 'gv-declined', status: 'declined' },
			{ id: 'gv-made', status: 'confirmed' },
			{ id: 'gv-waiting', status: 'cancelled' }
		]);

		// The visitors, and the manager the request waited on, hear that the host is gone: nobody is
		// told that someone cancelled.
		const told = await db
			.selectFrom('notifications')
			.select(['person_id', 'subject_id', 'kind', 'params', 'withdrawn_at'])
			.where('subject_id', 'like', 'gv-%')
			.orderBy('person_id')
			.orderBy('kind')
			.execute();
		expect(told.map((n) => [n.person_id, n.subject_id, n.kind, n.withdrawn_at === null])).toEqual([
			['p-boss', 'gv-waiting', 'shadowing.approval_needed', false],
			['p-boss', 'gv-waiting', 'shadowing.host_left', true],
			['p-buddy', 'gv-confirmed', 'shadowing.host_left', true],
			['p-next', 'gv-waiting', 'shadowing.host_left', true]
		]);
		const read = (person: string, locale: 'en' | 'nl') => {
			const notice = told.find((n) => n.person_id === person && n.kind === 'shadowing.host_left')!;
			return inLocale(locale, () => wordNotification(notice.kind, JSON.parse(notice.params), { timeZone: 'UTC' }));
		};
		expect(read('p-buddy', 'en')?.title).toBe(
			'Your visit to Accounts Payable is cancelled: the host is no longer available'
		);
		expect(read('p-next', 'nl')?.title).toBe(
			'Je bezoek aan Accounts Payable is geannuleerd: de begeleider is niet meer beschikbaar'
		);
		expect(read('p-boss', 'en')?.title).toBe('Nia Next’s visit to Accounts Payable is cancelled');

		// The confirmed visit was in Bo's calendar: the email takes it out; Nia's never was.
		const ctx = {
			database: db,
			origin: 'https://ripple.test',
			from: 'Ripple <ripple@example.com>',
			organisation: 'Test'
		};
		const emailTo = async (person: string) => {
			const delivery = await db
				.selectFrom('email_deliveries')
				.select(['kind', 'category', 'params', 'to_address'])
				.where('person_id', '=', person)
				.where('kind', '=', 'shadowing.host_left')
				.executeTakeFirstOrThrow();
			const reader = { id: person, name: person, email: delivery.to_address, language: 'en', time_zone: 'UTC' };
			return composeSingle(ctx, delivery, reader);
		};
		expect((await emailTo('p-buddy'))?.calendar?.method).toBe('CANCEL');
		expect((await emailTo('p-next'))?.calendar).toBeNull();

		const { rows } = await listAuditEvents(db, {
			action: 'person.deactivated',
			objectId: 'p-guide',
			limit: 1,
			offset: 0
		});
		expect(JSON.parse(rows[0]!.details!)).toEqual({
			buddyCycles: 0,
			visits: 0,
			hostedSlots: 2,
			hostedVisits: 2,
			sessionPlaces: 0
		});
	});
});
