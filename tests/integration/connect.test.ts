import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	cancelRsvp,
	planLunchSession,
	markAttendance,
	rsvp,
	lunchSessionDetail
} from '../../src/lib/server/lunch-and-learn/service';
import { feedItems, feedOwner, issueFeedToken, lunchSessionItem } from '../../src/lib/server/calendar/items';
import { recognise, recognitionWall } from '../../src/lib/server/recognition/service';
import { worded } from '../../src/lib/server/service-result';
import { addPerson, addTeam, addUnit, openTempDb, T0, type TempDb, actorFor } from './temp-db';

let temp: TempDb;

beforeAll(async () => {
	temp = await openTempDb('connect');
	const company = await addUnit(temp.db, 'co', 'Company');
	await temp.db
		.insertInto('org_units')
		.values({
			id: 'fin',
			name: 'Finance',
			kind: 'department',
			parent_id: 'co',
			path: `${company.path}fin/`,
			created_at: T0.toISOString()
		})
		.execute();
	await temp.db
		.insertInto('org_units')
		.values({
			id: 'ops',
			name: 'Operations',
			kind: 'department',
			parent_id: 'co',
			path: `${company.path}ops/`,
			created_at: T0.toISOString()
		})
		.execute();
	await addTeam(temp.db, 'ap', 'Accounts Payable', 'fin');
	await addTeam(temp.db, 'ar', 'Accounts Receivable', 'fin');
	await addTeam(temp.db, 'care', 'Customer Care', 'ops');
	await addPerson(temp.db, { id: 'org', email: 'org@example.com', name: 'Olu Organiser', team_id: 'ap' });
	for (const [i, team] of ['ap', 'ar', 'care', 'care', 'ap'].entries()) {
		await addPerson(temp.db, { id: `p${i}`, email: `p${i}@example.com`, name: `Person ${i}`, team_id: team });
	}
});
afterAll(async () => {
	await temp.close();
});

const input = (capacity: number) => ({
	topic: 'How Care triages calls',
	description: 'What the top call reasons are and which start in the back office.',
	presenter_email: 'p2@example.com',
	date: '2026-12-01',
	time: '12:30',
	minutes: 45,
	place: 'Atrium',
	video_url: '',
	capacity
});

describe('lunch-and-learn bookings', () => {
	it('never books more people than there are places, even when they all click at once', async () => {
		const created = await planLunchSession(temp.db, await actorFor(temp.db, 'org'), input(2), T0);
		expect(created.ok).toBe(true);
		const id = created.ok ? created.id : '';
		const results = await Promise.all(
			['p0', 'p1', 'p2', 'p3', 'p4'].map(async (p, i) =>
				rsvp(temp.db, await actorFor(temp.db, p), id, new Date(T0.getTime() + i))
			)
		);
		const statuses = results.map((r) => (r.ok ? r.status : 'error'));
		expect(statuses.filter((s) => s === 'going')).toHaveLength(2);
		expect(statuses.filter((s) => s === 'waitlist')).toHaveLength(3);
	});

	it('promotes the earliest on the waitlist when someone cancels', async () => {
		const created = await planLunchSession(temp.db, await actorFor(temp.db, 'org'), input(1), T0);
		const id = created.ok ? created.id : '';
		await rsvp(temp.db, await actorFor(temp.db, 'p0'), id, new Date(T0.getTime() + 1000));
		await rsvp(temp.db, await actorFor(temp.db, 'p3'), id, new Date(T0.getTime() + 2000));
		await rsvp(temp.db, await actorFor(temp.db, 'p1'), id, new Date(T0.getTime() + 3000));
		const cancelled = await cancelRsvp(temp.db, await actorFor(temp.db, 'p0'), id, new Date(T0.getTime() + 4000));
		expect(cancelled).toEqual({ ok: true, promoted: ['p3'] });
		// The promoted person is told at once (their calendar invitation is the news); the one who
		// gave up the place gets the cancellation for their calendar.
		const told = await temp.db
			.selectFrom('notifications')
			.select(['person_id', 'kind', 'email'])
			.where('subject_id', '=', id)
			.where('withdrawn_at', 'is', null)
			.orderBy('created_at')
			.execute();
		expect(told.filter((n) => n.kind === 'sessions.promoted')).toEqual([
			{ person_id: 'p3', kind: 'sessions.promoted', email: 'immediate' }
		]);
		expect(told.some((n) => n.person_id === 'p0')).toBe(false);
		const toP0 = await temp.db
			.selectFrom('email_deliveries')
			.select('kind')
			.where('person_id', '=', 'p0')
			.where('kind', '=', 'sessions.calendar_cancelled')
			.execute();
		expect(toP0).toHaveLength(1);
		const detail = await lunchSessionDetail(temp.db, id, 'p1');
		expect(detail?.goingCount).toBe(1);
		expect(detail?.mine).toEqual({ status: 'waitlist', position: 1 });
	});

	it('lets only the organiser mark attendance, after the start, and spots new faces', async () => {
		const created = await planLunchSession(temp.db, await actorFor(temp.db, 'org'), input(5), T0);
		const id = created.ok ? created.id : '';
		await rsvp(temp.db, await actorFor(temp.db, 'p1'), id, T0);
		await rsvp(temp.db, await actorFor(temp.db, 'p3'), id, T0);
		expect(
			await markAttendance(temp.db, await actorFor(temp.db, 'p1'), id, ['p1'], new Date('2026-12-02T00:00:00Z'))
		).toEqual({
			ok: false,
			errors: { _form: { code: 'connect_session_only_organiser_attendance' } }
		});
		expect((await markAttendance(temp.db, await actorFor(temp.db, 'org'), id, ['p1'], T0)).ok).toBe(false);
		expect(
			(await markAttendance(temp.db, await actorFor(temp.db, 'org'), id, ['p1'], new Date('2026-12-02T00:00:00Z'))).ok
		).toBe(true);
		const detail = await lunchSessionDetail(temp.db, id, 'org');
		expect(detail?.going.map((g) => [g.person_id, g.attended])).toEqual([
			['p1', 1],
			['p3', 0]
		]);
		// The presenter (p2) is in Operations: p1 (Finance) is from another department; p3 is not.
		expect(detail?.faces?.otherDepartments).toEqual(['p1']);
	});

	it('refuses sessions in the past and presenters who do not exist', async () => {
		expect(
			await planLunchSession(temp.db, await actorFor(temp.db, 'org'), { ...input(5), date: '2026-01-01' }, T0)
		).toEqual({ ok: false, errors: { date: { code: 'connect_time_in_future' } } });
		expect(
			await planLunchSession(
				temp.db,
				await actorFor(temp.db, 'org'),
				{ ...input(5), presenter_email: 'ghost@example.com' },
				T0
			)
		).toEqual({
			ok: false,
			errors: { presenter_email: { code: 'connect_no_active_person_with_email' } }
		});
	});
});

describe('recognition', () => {
	it('marks thanks across departments and shows it on the wall, filtered by team', async () => {
		const across = await recognise(
			temp.db,
			await actorFor(temp.db, 'p0'),
			{
				recipients: ['p2@example.com'],
				behaviour: 'ownership',
				message: 'Took my supplier query all the way to the customer.'
			},
			T0
		);
		expect(across).toMatchObject({ ok: true, crossDepartment: true });
		const within = await recognise(
			temp.db,
			await actorFor(temp.db, 'p0'),
			{
				recipients: ['p1@example.com'],
				behaviour: 'reliability',
				message: 'Kept every promise during month-end close.'
			},
			T0
		);
		expect(within).toMatchObject({ ok: true, crossDepartment: false });

		const care = await recognitionWall(temp.db, { teamId: 'care' }, { limit: 10, offset: 0 });
		expect(care.entries.map((e) => e.message)).toEqual(['Took my supplier query all the way to the customer.']);
		expect(care.entries[0]).toMatchObject({
			crossDepartment: true,
			behaviourLabel: 'Takes ownership',
			from: { name: 'Person 0' }
		});
	});

	it('refuses unknown colleagues, yourself and unknown behaviours', async () => {
		const unknown = await recognise(
			temp.db,
			await actorFor(temp.db, 'p0'),
			{ recipients: ['nobody@example.com'], behaviour: 'ownership', message: 'Something kind to say.' },
			T0
		);
		expect(unknown).toEqual({
			ok: false,
			errors: {
				recipients: {
					code: 'connect_recognition_unknown_emails',
					params: { count: 1, emails: 'nobody@example.com' }
				}
			}
		});
		expect(worded(unknown.ok ? {} : unknown.errors)).toEqual({
			recipients: 'Nobody active in Ripple has the email: nobody@example.com'
		});
		expect(
			(
				await recognise(
					temp.db,
					await actorFor(temp.db, 'p0'),
					{ recipients: ['p0@example.com'], behaviour: 'ownership', message: 'Something kind to say.' },
					T0
				)
			).ok
		).toBe(false);
		expect(
			(
				await recognise(
					temp.db,
					await actorFor(temp.db, 'p0'),
					{ recipients: ['p1@example.com'], behaviour: 'made-up', message: 'Something kind to say.' },
					T0
				)
			).ok
		).toBe(false);
	});
});

describe('calendar files', () => {
	it('speak the feed owner’s language in a subscription, and the request’s in a download', async () => {
		const created = await planLunchSession(temp.db, await actorFor(temp.db, 'org'), input(20), T0);
		const id = created.ok ? created.id : '';
		expect((await rsvp(temp.db, await actorFor(temp.db, 'p4'), id, T0)).ok).toBe(true);
		await temp.db.updateTable('people').set({ language: 'nl' }).where('id', '=', 'p4').execute();
		const owner = await feedOwner(temp.db, await issueFeedToken(temp.db, 'p4', T0));
		expect(owner).toMatchObject({ id: 'p4', language: 'nl' });

		const booked = (locale: 'nl' | 'zh-CN') =>
			feedItems(temp.db, 'p4', 'https://ripple.test', T0, locale).then((items) =>
				items.find((item) => item.uid === `session-${id}@ripple`)
			);
		expect(await booked('nl')).toMatchObject({
			title: 'Lunchsessie: How Care triages calls',
			description: 'What the top call reasons are and which start in the back office.\n\nSpreker: Person 2.'
		});
		expect((await booked('zh-CN'))?.title).toBe('午餐分享会：How Care triages calls');

		// A download is worded in the request's language: English outside a request.
		const detail = await lunchSessionDetail(temp.db, id, 'p4');
		const file = lunchSessionItem(
			detail!.session,
			{ name: 'Olu Organiser', email: 'org@example.com' },
			'https://x.test'
		);
		expect(file.title).toBe('Lunch and learn: How Care triages calls');
		expect(file.description).toMatch(/Presented by Person 2\.$/);
	});
});
