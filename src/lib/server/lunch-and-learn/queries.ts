import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db';
import type { LunchSession, LunchSessionTable, RsvpStatus } from '../db/schema';

/**
 * Repository functions for lunch-and-learn sessions and their RSVPs. Who may organise, book or
 * mark attendance is ./policy.ts; places and the waitlist are ./rules.ts.
 */

export async function insertLunchSession(database: Db, session: Insertable<LunchSessionTable>): Promise<void> {
	await database.insertInto('lunch_sessions').values(session).execute();
}

export async function getLunchSession(database: Db, id: string): Promise<LunchSession | undefined> {
	return database.selectFrom('lunch_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateLunchSession(
	database: Db,
	id: string,
	patch: Updateable<LunchSessionTable>
): Promise<void> {
	await database.updateTable('lunch_sessions').set(patch).where('id', '=', id).execute();
}

/** Sessions starting at or after `since`, soonest first, at most a hundred, with the presenter's name. */
export async function sessionsSince(database: Db, since: string) {
	return database
		.selectFrom('lunch_sessions')
		.innerJoin('people as presenter', 'presenter.id', 'lunch_sessions.presenter_id')
		.selectAll('lunch_sessions')
		.select(['presenter.name as presenter_name'])
		.where('lunch_sessions.starts_at', '>=', since)
		.orderBy('lunch_sessions.starts_at')
		.limit(100)
		.execute();
}

/** One session with its presenter's name and its organiser's name and email. */
export async function sessionWithPeople(database: Db, sessionId: string) {
	return database
		.selectFrom('lunch_sessions')
		.innerJoin('people as presenter', 'presenter.id', 'lunch_sessions.presenter_id')
		.innerJoin('people as organiser', 'organiser.id', 'lunch_sessions.organiser_id')
		.selectAll('lunch_sessions')
		.select([
			'presenter.name as presenter_name',
			'organiser.name as organiser_name',
			'organiser.email as organiser_email'
		])
		.where('lunch_sessions.id', '=', sessionId)
		.executeTakeFirst();
}

/**
 * Sessions a person has a place on that end at or after `since`, with the presenter's name and
 * the organiser's name and email: what their calendar feed carries.
 */
export async function sessionsBookedBy(database: Db, personId: string, since: string) {
	return database
		.selectFrom('lunch_rsvps')
		.innerJoin('lunch_sessions', 'lunch_sessions.id', 'lunch_rsvps.session_id')
		.innerJoin('people as presenter', 'presenter.id', 'lunch_sessions.presenter_id')
		.innerJoin('people as organiser', 'organiser.id', 'lunch_sessions.organiser_id')
		.selectAll('lunch_sessions')
		.select([
			'presenter.name as presenter_name',
			'organiser.name as organiser_name',
			'organiser.email as organiser_email',
			'lunch_rsvps.status as rsvp'
		])
		.where('lunch_rsvps.person_id', '=', personId)
		.where('lunch_rsvps.status', '=', 'going')
		.where('lunch_sessions.ends_at', '>=', since)
		.execute();
}

// ---------------------------------------------------------------------------------------------
// RSVPs

/** A person's RSVP status for a session, cancelled ones included; undefined when they never booked. */
export async function rsvpStatusOf(database: Db, sessionId: string, personId: string): Promise<RsvpStatus | undefined> {
	const row = await database
		.selectFrom('lunch_rsvps')
		.select('status')
		.where('session_id', '=', sessionId)
		.where('person_id', '=', personId)
		.executeTakeFirst();
	return row?.status;
}

export async function countGoing(database: Db, sessionId: string): Promise<number> {
	const row = await database
		.selectFrom('lunch_rsvps')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('session_id', '=', sessionId)
		.where('status', '=', 'going')
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Books a person (again) with this status; an earlier attendance mark is cleared. */
export async function saveRsvp(
	database: Db,
	sessionId: string,
	personId: string,
	status: 'going' | 'waitlist',
	at: string
): Promise<void> {
	await database
		.insertInto('lunch_rsvps')
		.values({ session_id: sessionId, person_id: personId, status, rsvp_at: at, attended: null })
		.onConflict((oc) => oc.columns(['session_id', 'person_id']).doUpdateSet({ status, rsvp_at: at, attended: null }))
		.execute();
}

export async function cancelRsvpOf(database: Db, sessionId: string, personId: string): Promise<void> {
	await database
		.updateTable('lunch_rsvps')
		.set({ status: 'cancelled', attended: null })
		.where('session_id', '=', sessionId)
		.where('person_id', '=', personId)
		.execute();
}

/** The session's RSVPs that hold a place or wait for one. */
export async function openRsvps(database: Db, sessionId: string) {
	return database
		.selectFrom('lunch_rsvps')
		.select(['person_id', 'rsvp_at', 'status'])
		.where('session_id', '=', sessionId)
		.where('status', 'in', ['going', 'waitlist'])
		.execute();
}

/** Moves these people from the waitlist onto the list. */
export async function promoteToGoing(database: Db, sessionId: string, personIds: readonly string[]): Promise<void> {
	await database
		.updateTable('lunch_rsvps')
		.set({ status: 'going' })
		.where('session_id', '=', sessionId)
		.where('person_id', 'in', personIds)
		.execute();
}

/** The people with a place on the session. */
export async function goingPersonIds(database: Db, sessionId: string): Promise<string[]> {
	const rows = await database
		.selectFrom('lunch_rsvps')
		.select('person_id')
		.where('session_id', '=', sessionId)
		.where('status', '=', 'going')
		.execute();
	return rows.map((r) => r.person_id);
}

export async function setAttended(database: Db, sessionId: string, personId: string, attended: boolean): Promise<void> {
	await database
		.updateTable('lunch_rsvps')
		.set({ attended: attended ? 1 : 0 })
		.where('session_id', '=', sessionId)
		.where('person_id', '=', personId)
		.execute();
}

/** Who holds or waits for a place on these sessions. */
export async function openRsvpsOfSessions(database: Db, sessionIds: readonly string[]) {
	if (sessionIds.length === 0) return [];
	return database
		.selectFrom('lunch_rsvps')
		.select(['session_id', 'person_id', 'status'])
		.where('session_id', 'in', sessionIds)
		.where('status', '!=', 'cancelled')
		.execute();
}

/** A session's open RSVPs in booking order, with each person's name and team. */
export async function guestList(database: Db, sessionId: string) {
	return database
		.selectFrom('lunch_rsvps')
		.innerJoin('people', 'people.id', 'lunch_rsvps.person_id')
		.leftJoin('teams', 'teams.id', 'people.team_id')
		.select([
			'lunch_rsvps.person_id',
			'lunch_rsvps.status',
			'lunch_rsvps.rsvp_at',
			'lunch_rsvps.attended',
			'people.name',
			'teams.name as team'
		])
		.where('lunch_rsvps.session_id', '=', sessionId)
		.where('lunch_rsvps.status', '!=', 'cancelled')
		.orderBy('lunch_rsvps.rsvp_at')
		.execute();
}

/** Which of these people had a place on a session, not cancelled, that started before `before`. */
export async function earlierGuests(database: Db, personIds: readonly string[], before: string): Promise<Set<string>> {
	const rows = await database
		.selectFrom('lunch_rsvps')
		.innerJoin('lunch_sessions', 'lunch_sessions.id', 'lunch_rsvps.session_id')
		.select('lunch_rsvps.person_id')
		.where('lunch_rsvps.person_id', 'in', personIds)
		.where('lunch_rsvps.status', '=', 'going')
		.where('lunch_sessions.starts_at', '<', before)
		.where('lunch_sessions.cancelled_at', 'is', null)
		.execute();
	return new Set(rows.map((e) => e.person_id));
}

/**
 * Sessions a person organised that started between `since` and `now`, were not cancelled, and
 * still have guests whose attendance nobody marked: the register waits on the organiser.
 */
export async function sessionsAwaitingAttendance(database: Db, organiserId: string, since: string, now: string) {
	return database
		.selectFrom('lunch_sessions')
		.select(['lunch_sessions.id', 'lunch_sessions.topic', 'lunch_sessions.starts_at'])
		.where('lunch_sessions.organiser_id', '=', organiserId)
		.where('lunch_sessions.cancelled_at', 'is', null)
		.where('lunch_sessions.starts_at', '<=', now)
		.where('lunch_sessions.starts_at', '>=', since)
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('lunch_rsvps')
					.select('lunch_rsvps.person_id')
					.whereRef('lunch_rsvps.session_id', '=', 'lunch_sessions.id')
					.where('lunch_rsvps.status', '=', 'going')
					.where('lunch_rsvps.attended', 'is', null)
			)
		)
		.orderBy('lunch_sessions.starts_at', 'desc')
		.limit(20)
		.execute();
}

/** Sessions (not cancelled) starting between two instants, with each person going. */
export async function sessionsStartingBetween(database: Db, from: string, to: string) {
	return database
		.selectFrom('lunch_sessions')
		.innerJoin('lunch_rsvps', 'lunch_rsvps.session_id', 'lunch_sessions.id')
		.select(['lunch_sessions.id', 'lunch_sessions.topic', 'lunch_sessions.starts_at', 'lunch_rsvps.person_id'])
		.where('lunch_sessions.cancelled_at', 'is', null)
		.where('lunch_rsvps.status', '=', 'going')
		.where('lunch_sessions.starts_at', '>=', from)
		.where('lunch_sessions.starts_at', '<=', to)
		.execute();
}
