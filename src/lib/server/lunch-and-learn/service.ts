import { z } from 'zod';
import { formatInteger } from '../../intl';
import { isTimeZone } from '../../locale';
import { m } from '../../paraglide/messages.js';
import { zonedToInstant } from '../../time';
import type { Db } from '../db';
import type { LunchSession } from '../db/schema';
import { claimRow } from '../db/locks';
import { newId } from '../db/ids';
import { departmentsOf } from '../org/directory';
import { contactsOf, findPersonByEmail } from '../people/directory';
import { notify, queueEmailOnly, withdraw } from '../notifications/notify';
import type { Actor } from '../auth/actor';
import { dayField } from '../calendar/day-field';
import { refuse, type MessageKey, type ServiceResult } from '../service-result';
import { organises } from './policy';
import {
	cancelRsvpOf,
	countGoing,
	earlierGuests,
	getLunchSession,
	goingPersonIds,
	guestList,
	insertLunchSession,
	openRsvps,
	openRsvpsOfSessions,
	promoteToGoing,
	rsvpStatusOf,
	saveRsvp,
	sessionWithPeople,
	sessionsSince,
	setAttended,
	sessionsStartingBetween,
	updateLunchSession
} from './queries';
import { newFaces, promotions, rsvpPlacement } from './rules';

export { sessionsAwaitingAttendance } from './queries';

// Messages are functions, read when a form is checked: in the language of that request.
export const lunchSessionSchema = z.object({
	topic: z
		.string()
		.trim()
		.min(3, { error: () => m.connect_session_topic_required() })
		.max(120, { error: () => m.connect_session_topic_too_long({ max: formatInteger(120) }) }),
	description: z
		.string()
		.trim()
		.min(20, { error: () => m.connect_session_description_required() })
		.max(2000, { error: () => m.connect_session_description_too_long({ max: formatInteger(2000) }) }),
	presenter_email: z
		.string()
		.trim()
		.toLowerCase()
		.pipe(z.email({ error: () => m.connect_session_presenter_email_invalid() })),
	date: dayField(() => m.connect_choose_date()),
	time: z.string().regex(/^\d{2}:\d{2}$/, { error: () => m.connect_choose_start_time() }),
	minutes: z.coerce
		.number({ error: () => m.connect_minutes_required() })
		.int({ error: () => m.connect_minutes_whole() })
		.min(15, { error: () => m.connect_minutes_at_least({ count: 15 }) })
		.max(240, { error: () => m.connect_hours_at_most({ count: 4 }) }),
	place: z
		.string()
		.trim()
		.max(200, { error: () => m.connect_slot_place_too_long({ max: formatInteger(200) }) }),
	video_url: z
		.string()
		.trim()
		.max(500, { error: () => m.connect_link_too_long() })
		.refine((v) => v === '' || /^https:\/\/\S+$/.test(v), { error: () => m.connect_link_https() }),
	capacity: z.coerce
		.number({ error: () => m.connect_session_capacity_required() })
		.int({ error: () => m.connect_whole_number() })
		.min(1, { error: () => m.connect_session_capacity_at_least_one() })
		.max(500, { error: () => m.connect_session_capacity_at_most({ count: 500 }) })
});
/** Who came: the people the organiser ticked. */
export const attendanceSchema = z.object({ attended: z.array(z.string().max(64)).max(500) });

export type LunchSessionInput = z.infer<typeof lunchSessionSchema>;

export async function planLunchSession(
	database: Db,
	organiser: Actor,
	input: LunchSessionInput,
	now: Date
): Promise<ServiceResult<{ id: string }>> {
	const timeZone = isTimeZone(organiser.timeZone) ? organiser.timeZone : 'UTC';
	const start = zonedToInstant(input.date, input.time, timeZone);
	if (start.getTime() <= now.getTime()) return refuse('date', 'connect_time_in_future');
	if (!input.place && !input.video_url) return refuse('place', 'connect_session_place_or_link');
	const presenter = await findPersonByEmail(database, input.presenter_email);
	if (!presenter || presenter.active !== 1) return refuse('presenter_email', 'connect_no_active_person_with_email');
	const id = newId();
	const at = now.toISOString();
	await insertLunchSession(database, {
		id,
		topic: input.topic,
		description: input.description,
		presenter_id: presenter.id,
		organiser_id: organiser.id,
		starts_at: start.toISOString(),
		ends_at: new Date(start.getTime() + input.minutes * 60_000).toISOString(),
		time_zone: timeZone,
		place: input.place,
		video_url: input.video_url,
		capacity: input.capacity,
		sequence: 0,
		created_at: at,
		updated_at: at,
		cancelled_at: null
	});
	return { ok: true, id };
}

/**
 * Books a place, or a place on the waitlist when the session is full. Runs in one transaction so
 * two people taking the last place cannot both get it.
 */
export async function rsvp(
	database: Db,
	actor: Actor,
	sessionId: string,
	now: Date
): Promise<ServiceResult<{ status: 'going' | 'waitlist' }>> {
	return database.transaction().execute(async (trx) => {
		// Bookings for one session take turns, so the count below cannot oversell the room.
		await claimRow(trx, 'lunch_sessions', sessionId);
		const session = await getLunchSession(trx, sessionId);
		if (!session || session.cancelled_at) return refuse('_form', 'connect_session_not_taking_bookings');
		if (session.starts_at <= now.toISOString()) return refuse('_form', 'connect_session_started');
		const mine = await rsvpStatusOf(trx, sessionId, actor.id);
		if (mine && mine !== 'cancelled') return { ok: true as const, status: mine };
		const status = rsvpPlacement(await countGoing(trx, sessionId), session.capacity);
		await saveRsvp(trx, sessionId, actor.id, status, now.toISOString());
		await tellAboutSession(
			trx,
			session,
			[actor.id],
			status === 'going' ? 'sessions.booked' : 'sessions.waitlisted',
			now
		);
		return { ok: true as const, status };
	});
}

type SessionKind = 'sessions.booked' | 'sessions.waitlisted' | 'sessions.promoted' | 'sessions.cancelled';

/** Tells people about their place at a session (or its cancellation), in the caller's transaction. */
async function tellAboutSession(
	trx: Db,
	session: LunchSession,
	personIds: readonly string[],
	kind: SessionKind,
	now: Date
): Promise<void> {
	if (personIds.length === 0) return;
	const params = { session: session.id, topic: session.topic, starts_at: session.starts_at };
	await notify(
		trx,
		personIds.map((to) => ({
			to,
			kind,
			subject: { type: 'session', id: session.id },
			href: `/connect/sessions/${session.id}`,
			params
		})),
		now
	);
}

/** The event leaves the calendar of someone who gave up their place. */
async function queueCalendarCancel(trx: Db, session: LunchSession, personId: string, now: Date): Promise<void> {
	const [person] = await contactsOf(trx, [personId]);
	if (!person) return;
	await queueEmailOnly(
		trx,
		{
			personId,
			address: person.email,
			kind: 'sessions.calendar_cancelled',
			href: `/connect/sessions/${session.id}`,
			params: { session: session.id, topic: session.topic, starts_at: session.starts_at }
		},
		now
	);
}

/** A session as its calendar invitation needs it: presenter and organiser named. */
export async function sessionForCalendar(database: Db, sessionId: string) {
	return sessionWithPeople(database, sessionId);
}

/** Cancels a booking; a freed place goes to the earliest person on the waitlist. */
export async function cancelRsvp(
	database: Db,
	actor: Actor,
	sessionId: string,
	now: Date
): Promise<ServiceResult<{ promoted: string[] }>> {
	return database.transaction().execute(async (trx) => {
		await claimRow(trx, 'lunch_sessions', sessionId);
		const session = await getLunchSession(trx, sessionId);
		if (!session) return refuse('_form', 'connect_session_gone');
		return { ok: true as const, promoted: await givePlaceBack(trx, session, actor.id, now) };
	});
}

/**
 * Takes a person's place (or waitlist spot) at a session, in the caller's transaction with the
 * session's row claimed: what was about the place is withdrawn, the calendar event cancelled, and a
 * freed place goes to the earliest on the waitlist, who are told. Returns who moved up.
 */
async function givePlaceBack(trx: Db, session: LunchSession, personId: string, now: Date): Promise<string[]> {
	const mine = await rsvpStatusOf(trx, session.id, personId);
	if (!mine || mine === 'cancelled') return [];
	await cancelRsvpOf(trx, session.id, personId);
	// Withdrawn: what was about their place, and (for a place) the event in their calendar.
	await withdraw(
		trx,
		{ type: 'session', id: session.id },
		['sessions.booked', 'sessions.waitlisted', 'sessions.promoted', 'sessions.reminder'],
		now,
		personId
	);
	if (mine === 'going') await queueCalendarCancel(trx, session, personId, now);
	if (mine !== 'going' || session.cancelled_at) return [];
	const rows = await openRsvps(trx, session.id);
	const free = session.capacity - rows.filter((r) => r.status === 'going').length;
	const moving = promotions(
		rows.filter((r) => r.status === 'waitlist'),
		free
	).map((r) => r.person_id);
	if (moving.length) await promoteToGoing(trx, session.id, moving);
	await tellAboutSession(trx, session, moving, 'sessions.promoted', now);
	return moving;
}

/**
 * A person who leaves (deactivated) gives up their places at sessions still to come, each as if
 * they had cancelled it. Sessions they went to stay in their history. Returns how many places.
 */
export async function cancelUpcomingPlacesOf(trx: Db, personId: string, now: Date): Promise<number> {
	const sessions = await trx
		.selectFrom('lunch_rsvps')
		.innerJoin('lunch_sessions', 'lunch_sessions.id', 'lunch_rsvps.session_id')
		.select('lunch_sessions.id')
		.where('lunch_rsvps.person_id', '=', personId)
		.where('lunch_rsvps.status', 'in', ['going', 'waitlist'])
		.where('lunch_sessions.starts_at', '>', now.toISOString())
		.where('lunch_sessions.cancelled_at', 'is', null)
		.execute();
	for (const { id } of sessions) {
		await claimRow(trx, 'lunch_sessions', id);
		const session = await getLunchSession(trx, id);
		if (session) await givePlaceBack(trx, session, personId, now);
	}
	return sessions.length;
}

/** The refusal of someone who does not organise the session (the route answers it with 403). */
export const ONLY_ORGANISER_MARKS_ATTENDANCE = 'connect_session_only_organiser_attendance' satisfies MessageKey;

/** The organiser records who came; only people who booked can be marked. */
export async function markAttendance(
	database: Db,
	actor: Actor,
	sessionId: string,
	attendedIds: string[],
	now: Date
): Promise<ServiceResult<object>> {
	const session = await getLunchSession(database, sessionId);
	if (!session || !organises(actor.scope, session)) return refuse('_form', ONLY_ORGANISER_MARKS_ATTENDANCE);
	if (session.starts_at > now.toISOString()) return refuse('_form', 'connect_session_attendance_after_start');
	const attended = new Set(attendedIds);
	await database.transaction().execute(async (trx) => {
		for (const personId of await goingPersonIds(trx, sessionId)) {
			await setAttended(trx, sessionId, personId, attended.has(personId));
		}
	});
	return { ok: true };
}

export async function cancelLunchSession(
	database: Db,
	actor: Actor,
	sessionId: string,
	now: Date
): Promise<ServiceResult<object>> {
	const session = await getLunchSession(database, sessionId);
	if (!session || !organises(actor.scope, session)) return refuse('_form', 'connect_session_only_organiser_cancels');
	await database.transaction().execute(async (trx) => {
		await updateLunchSession(trx, sessionId, {
			cancelled_at: now.toISOString(),
			updated_at: now.toISOString(),
			sequence: session.sequence + 1
		});
		const booked = (await openRsvps(trx, sessionId)).map((r) => r.person_id);
		await withdraw(
			trx,
			{ type: 'session', id: sessionId },
			['sessions.booked', 'sessions.waitlisted', 'sessions.promoted', 'sessions.reminder'],
			now
		);
		await tellAboutSession(
			trx,
			session,
			booked.filter((id) => id !== actor.id),
			'sessions.cancelled',
			now
		);
	});
	return { ok: true };
}

/** Upcoming (and recent) sessions with counts and the viewer's own booking. */
export async function lunchSessionList(database: Db, viewerId: string, now: Date) {
	const since = new Date(now.getTime() - 30 * 86_400_000).toISOString();
	const sessions = await sessionsSince(database, since);
	const rsvps = await openRsvpsOfSessions(
		database,
		sessions.map((s) => s.id)
	);
	const nowIso = now.toISOString();
	const shaped = sessions.map((s) => ({
		...s,
		going: rsvps.filter((r) => r.session_id === s.id && r.status === 'going').length,
		waiting: rsvps.filter((r) => r.session_id === s.id && r.status === 'waitlist').length,
		mine: rsvps.find((r) => r.session_id === s.id && r.person_id === viewerId)?.status ?? null
	}));
	return {
		upcoming: shaped.filter((s) => s.ends_at > nowIso),
		past: shaped.filter((s) => s.ends_at <= nowIso).reverse()
	};
}

/** One session as a viewer sees it; the organiser also gets the list of people and new faces. */
export async function lunchSessionDetail(database: Db, sessionId: string, viewerId: string) {
	const session = await sessionWithPeople(database, sessionId);
	if (!session) return undefined;
	const rsvps = await guestList(database, sessionId);
	const going = rsvps.filter((r) => r.status === 'going');
	const waitlist = rsvps.filter((r) => r.status === 'waitlist');
	const mine = rsvps.find((r) => r.person_id === viewerId) ?? null;
	const isOrganiser = session.organiser_id === viewerId;

	let faces: { otherDepartments: string[]; firstTimers: string[] } | null = null;
	if (isOrganiser && going.length) {
		const ids = going.map((g) => g.person_id);
		const [departments, veterans] = await Promise.all([
			departmentsOf(database, [session.presenter_id, ...ids]),
			earlierGuests(database, ids, session.starts_at)
		]);
		faces = newFaces(
			ids.map((id) => ({ personId: id, department: departments.get(id) ?? null, firstTime: !veterans.has(id) })),
			departments.get(session.presenter_id) ?? null
		);
	}
	return {
		session,
		going: isOrganiser ? going : [],
		goingCount: going.length,
		waitlistCount: waitlist.length,
		mine: mine && {
			status: mine.status,
			position: mine.status === 'waitlist' ? waitlist.findIndex((w) => w.person_id === viewerId) + 1 : null
		},
		isOrganiser,
		faces
	};
}

/** Sessions a person has a place on, ending at or after `since`: what their calendar feed carries. */
export { sessionsBookedBy } from './queries';

/** Sessions starting between two instants, with who is going: for the day-before reminder. */
export async function sessionsForReminders(database: Db, from: string, to: string) {
	return sessionsStartingBetween(database, from, to);
}
