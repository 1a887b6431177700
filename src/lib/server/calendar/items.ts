import type { Db } from '../db';
import type { LunchSession } from '../db/schema';
import { visitContext, type VisitContext } from '../shadowing/service';
import { generateSecret, hashSecret } from '../auth/tokens';
import type { CalendarItem } from './ics';

/**
 * Calendar items for Ripple's events. UIDs are stable per event; SEQUENCE follows the row's
 * sequence column, which every change increments.
 */

const DOMAIN = 'ripple';

export function visitItem(ctx: VisitContext, origin: string): CalendarItem {
	const { visit, slot } = ctx;
	return {
		uid: `visit-${visit.id}@${DOMAIN}`,
		sequence: visit.sequence,
		title: `Shadowing ${ctx.team.name} (${ctx.visitor.name})`,
		description: `What ${ctx.visitor.name} wants to learn: ${visit.objectives}\n\nWhat you will see: ${slot.what_you_will_see}\n\nHost: ${ctx.host.name}`,
		location: slot.place || null,
		url:
			visit.status === 'confirmed' && slot.video_url
				? slot.video_url
				: `${origin}/connect/shadowing/visits/${visit.id}`,
		start: new Date(visit.starts_at),
		end: new Date(visit.ends_at),
		status:
			visit.status === 'confirmed'
				? 'confirmed'
				: visit.status === 'cancelled' || visit.status === 'declined'
					? 'cancelled'
					: 'tentative',
		organizer: { name: ctx.host.name, email: ctx.host.email },
		attendees: [{ name: ctx.visitor.name, email: ctx.visitor.email }],
		updatedAt: new Date(visit.updated_at)
	};
}

export function lunchSessionItem(
	session: LunchSession & { presenter_name: string },
	organiser: { name: string; email: string },
	origin: string
): CalendarItem {
	return {
		uid: `session-${session.id}@${DOMAIN}`,
		sequence: session.sequence,
		title: `Lunch and learn: ${session.topic}`,
		description: `${session.description}\n\nPresented by ${session.presenter_name}.`,
		location: session.place || null,
		url: session.video_url || `${origin}/connect/sessions/${session.id}`,
		start: new Date(session.starts_at),
		end: new Date(session.ends_at),
		status: session.cancelled_at ? 'cancelled' : 'confirmed',
		organizer: organiser,
		attendees: [],
		updatedAt: new Date(session.updated_at)
	};
}

/** Creates (or replaces) a person's feed secret; returns it once, as only its hash is kept. */
export async function issueFeedToken(database: Db, personId: string, now: Date): Promise<string> {
	const token = generateSecret();
	await database
		.insertInto('calendar_feeds')
		.values({ person_id: personId, token_hash: hashSecret(token), created_at: now.toISOString() })
		.onConflict((oc) =>
			oc.column('person_id').doUpdateSet({ token_hash: hashSecret(token), created_at: now.toISOString() })
		)
		.execute();
	return token;
}

export async function hasFeed(database: Db, personId: string): Promise<boolean> {
	return (
		(await database
			.selectFrom('calendar_feeds')
			.select('person_id')
			.where('person_id', '=', personId)
			.executeTakeFirst()) !== undefined
	);
}

export async function feedOwner(database: Db, token: string): Promise<{ id: string; name: string } | undefined> {
	if (!/^[a-z2-7]{32}$/.test(token)) return undefined;
	return database
		.selectFrom('calendar_feeds')
		.innerJoin('people', 'people.id', 'calendar_feeds.person_id')
		.select(['people.id', 'people.name'])
		.where('calendar_feeds.token_hash', '=', hashSecret(token))
		.where('people.active', '=', 1)
		.executeTakeFirst();
}

/**
 * Everything coming up for a person: sessions they booked, visits they make or host, from a week
 * ago on (so a just-cancelled item still reaches their calendar as cancelled).
 */
export async function feedItems(database: Db, personId: string, origin: string, now: Date): Promise<CalendarItem[]> {
	const since = new Date(now.getTime() - 7 * 86_400_000).toISOString();
	const sessions = await database
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
	const visitIds = await database
		.selectFrom('shadow_visits')
		.innerJoin('shadow_slots', 'shadow_slots.id', 'shadow_visits.slot_id')
		.select('shadow_visits.id')
		.where((eb) => eb.or([eb('shadow_visits.visitor_id', '=', personId), eb('shadow_slots.host_id', '=', personId)]))
		.where('shadow_visits.status', 'in', ['pending_host', 'pending_manager', 'confirmed', 'cancelled'])
		.where('shadow_visits.ends_at', '>=', since)
		.execute();
	const contexts = (await Promise.all(visitIds.map((v) => visitContext(database, v.id)))).filter(
		(c) => c !== undefined
	);
	const plans = await database
		.selectFrom('buddy_plans')
		.innerJoin('buddy_pair_members as mine', 'mine.pair_id', 'buddy_plans.pair_id')
		.innerJoin('buddy_pairs', 'buddy_pairs.id', 'buddy_plans.pair_id')
		.innerJoin('buddy_cycles', 'buddy_cycles.id', 'buddy_pairs.cycle_id')
		.selectAll('buddy_plans')
		.select('buddy_cycles.name as cycle_name')
		.where('mine.person_id', '=', personId)
		.where('buddy_plans.ends_at', '>=', since)
		.execute();
	const planMembers = plans.length
		? await database
				.selectFrom('buddy_pair_members')
				.innerJoin('people', 'people.id', 'buddy_pair_members.person_id')
				.select(['buddy_pair_members.pair_id', 'people.name', 'people.email'])
				.where('buddy_pair_members.pair_id', 'in', [...new Set(plans.map((p) => p.pair_id))])
				.orderBy('people.name')
				.execute()
		: [];
	return [
		...sessions.map((s) => lunchSessionItem(s, { name: s.organiser_name, email: s.organiser_email }, origin)),
		...contexts.map((c) => visitItem(c, origin)),
		...plans.map((p) =>
			buddyPlanItem(
				p,
				planMembers.filter((m) => m.pair_id === p.pair_id).map(({ name, email }) => ({ name, email })),
				p.cycle_name,
				origin
			)
		)
	].sort((a, b) => a.start.getTime() - b.start.getTime());
}

export function buddyPlanItem(
	plan: {
		id: string;
		starts_at: string;
		ends_at: string;
		place: string;
		sequence: number;
		updated_at: string;
		cancelled_at: string | null;
		pair_id: string;
	},
	members: { name: string; email: string }[],
	cycleName: string,
	origin: string
): CalendarItem {
	return {
		uid: `buddy-${plan.id}@${DOMAIN}`,
		sequence: plan.sequence,
		title: `Buddy meeting: ${members.map((m) => m.name).join(' and ')}`,
		description: `Buddy cycle ${cycleName}. Log the meeting in Ripple afterwards.`,
		location: plan.place || null,
		url: `${origin}/connect/buddies/pairs/${plan.pair_id}`,
		start: new Date(plan.starts_at),
		end: new Date(plan.ends_at),
		status: plan.cancelled_at ? 'cancelled' : 'confirmed',
		organizer: members[0] ?? null,
		attendees: members,
		updatedAt: new Date(plan.updated_at)
	};
}
