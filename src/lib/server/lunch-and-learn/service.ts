import { z } from 'zod';
import { isTimeZone } from '../../locale';
import { zonedToInstant } from '../../time';
import type { Db } from '../db';
import { claimRow } from '../db/locks';
import { newId } from '../db/ids';
import { departmentsOf } from '../org/directory';
import { findPersonByEmail } from '../people/directory';
import type { Actor } from '../auth/actor';
import { rejected, type ServiceResult } from '../service-result';
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
	updateLunchSession
} from './queries';
import { newFaces, promotions, rsvpPlacement } from './rules';

export { sessionsAwaitingAttendance } from './queries';
import { calendarDay } from '../../schemas/dates';

export const lunchSessionSchema = z.object({
	topic: z.string().trim().min(3, 'Give the session a topic').max(120, 'Keep the topic under 120 characters'),
	description: z
		.string()
		.trim()
		.min(20, 'Describe what people will learn, in a sentence or two')
		.max(2000, 'Keep the description under 2,000 characters'),
	presenter_email: z.string().trim().toLowerCase().pipe(z.email('Enter the presenter’s email address')),
	date: calendarDay('Choose a date'),
	time: z.string().regex(/^\d{2}:\d{2}$/, 'Choose a start time'),
	minutes: z.coerce
		.number('Enter the length in minutes')
		.int('Use whole minutes')
		.min(15, 'At least 15 minutes')
		.max(240, 'At most 4 hours'),
	place: z.string().trim().max(200, 'Keep the place under 200 characters'),
	video_url: z
		.string()
		.trim()
		.max(500, 'That link is too long')
		.refine((v) => v === '' || /^https:\/\/\S+$/.test(v), 'Use a link that starts with https://'),
	capacity: z.coerce
		.number('Enter how many people can come')
		.int('Use a whole number')
		.min(1, 'At least one place')
		.max(500, 'At most 500 places')
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
	if (start.getTime() <= now.getTime()) return rejected({ date: 'Choose a time in the future' });
	if (!input.place && !input.video_url) return rejected({ place: 'Give a place, a video link, or both' });
	const presenter = await findPersonByEmail(database, input.presenter_email);
	if (!presenter || presenter.active !== 1)
		return rejected({ presenter_email: 'No active person has this email address' });
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
		if (!session || session.cancelled_at) return rejected({ _form: 'This session is not taking bookings' });
		if (session.starts_at <= now.toISOString()) return rejected({ _form: 'This session has already started' });
		const mine = await rsvpStatusOf(trx, sessionId, actor.id);
		if (mine && mine !== 'cancelled') return { ok: true as const, status: mine };
		const status = rsvpPlacement(await countGoing(trx, sessionId), session.capacity);
		await saveRsvp(trx, sessionId, actor.id, status, now.toISOString());
		return { ok: true as const, status };
	});
}

/** Cancels a booking; a freed place goes to the earliest person on the waitlist. */
export async function cancelRsvp(
	database: Db,
	actor: Actor,
	sessionId: string
): Promise<ServiceResult<{ promoted: string[] }>> {
	return database.transaction().execute(async (trx) => {
		await claimRow(trx, 'lunch_sessions', sessionId);
		const session = await getLunchSession(trx, sessionId);
		if (!session) return rejected({ _form: 'This session no longer exists' });
		const mine = await rsvpStatusOf(trx, sessionId, actor.id);
		if (!mine || mine === 'cancelled') return { ok: true as const, promoted: [] };
		await cancelRsvpOf(trx, sessionId, actor.id);
		if (mine !== 'going' || session.cancelled_at) return { ok: true as const, promoted: [] };
		const rows = await openRsvps(trx, sessionId);
		const free = session.capacity - rows.filter((r) => r.status === 'going').length;
		const moving = promotions(
			rows.filter((r) => r.status === 'waitlist'),
			free
		).map((r) => r.person_id);
		if (moving.length) await promoteToGoing(trx, sessionId, moving);
		return { ok: true as const, promoted: moving };
	});
}

/** The organiser records who came; only people who booked can be marked. */
export async function markAttendance(
	database: Db,
	actor: Actor,
	sessionId: string,
	attendedIds: string[],
	now: Date
): Promise<ServiceResult<object>> {
	const session = await getLunchSession(database, sessionId);
	if (!session || !organises(actor.scope, session))
		return rejected({ _form: 'Only the organiser can mark attendance' });
	if (session.starts_at > now.toISOString()) return rejected({ _form: 'Mark attendance once the session has started' });
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
	if (!session || !organises(actor.scope, session))
		return rejected({ _form: 'Only the organiser can cancel this session' });
	await updateLunchSession(database, sessionId, {
		cancelled_at: now.toISOString(),
		updated_at: now.toISOString(),
		sequence: session.sequence + 1
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
