import { intlLocale } from '../../i18n/locales';
import { formatList } from '../../intl';
import { m } from '../../paraglide/messages.js';
import { getLocale, type Locale } from '../../paraglide/runtime.js';
import type { Db } from '../db';
import type { LunchSession } from '../db/schema';
import { generateSecret, hashSecret } from '../auth/tokens';
import { plannedMeetingsOf } from '../buddies/pairs';
import { sessionsBookedBy } from '../lunch-and-learn/service';
import { visitsOnCalendarOf, type VisitContext } from '../shadowing/service';
import type { CalendarItem } from './ics';
import { activeFeedOwner, hasFeedToken, saveFeedTokenHash } from './queries';

/**
 * Calendar items for Ripple's events. UIDs are stable per event; SEQUENCE follows the row's
 * sequence column, which every change increments. Titles and descriptions are worded in `locale`:
 * the request's for a download, the feed owner's language for a subscription.
 */

const DOMAIN = 'ripple';

export function visitItem(ctx: VisitContext, origin: string, locale: Locale = getLocale()): CalendarItem {
	const { visit, slot } = ctx;
	return {
		uid: `visit-${visit.id}@${DOMAIN}`,
		sequence: visit.sequence,
		title: m.connect_ics_visit_title({ team: ctx.team.name, visitor: ctx.visitor.name }, { locale }),
		description: [
			m.connect_ics_visit_objectives({ visitor: ctx.visitor.name, objectives: visit.objectives }, { locale }),
			m.connect_ics_visit_what({ what: slot.what_you_will_see }, { locale }),
			m.connect_ics_visit_host({ host: ctx.host.name }, { locale })
		].join('\n\n'),
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
	origin: string,
	locale: Locale = getLocale()
): CalendarItem {
	return {
		uid: `session-${session.id}@${DOMAIN}`,
		sequence: session.sequence,
		title: m.connect_ics_session_title({ topic: session.topic }, { locale }),
		description: `${session.description}\n\n${m.connect_ics_session_presenter({ presenter: session.presenter_name }, { locale })}`,
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
	await saveFeedTokenHash(database, personId, hashSecret(token), now.toISOString());
	return token;
}

export async function hasFeed(database: Db, personId: string): Promise<boolean> {
	return hasFeedToken(database, personId);
}

export async function feedOwner(
	database: Db,
	token: string
): Promise<{ id: string; name: string; language: string } | undefined> {
	if (!/^[a-z2-7]{32}$/.test(token)) return undefined;
	return activeFeedOwner(database, hashSecret(token));
}

/**
 * Everything coming up for a person: sessions they booked, visits they make or host, from a week
 * ago on (so a just-cancelled item still reaches their calendar as cancelled).
 */
export async function feedItems(
	database: Db,
	personId: string,
	origin: string,
	now: Date,
	locale: Locale
): Promise<CalendarItem[]> {
	const since = new Date(now.getTime() - 7 * 86_400_000).toISOString();
	const sessions = await sessionsBookedBy(database, personId, since);
	const visits = await visitsOnCalendarOf(database, personId, since);
	const plans = await plannedMeetingsOf(database, personId, since);
	return [
		...sessions.map((s) => lunchSessionItem(s, { name: s.organiser_name, email: s.organiser_email }, origin, locale)),
		...visits.map((c) => visitItem(c, origin, locale)),
		...plans.map((p) => buddyPlanItem(p.plan, p.members, p.cycleName, origin, locale))
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
	origin: string,
	locale: Locale = getLocale()
): CalendarItem {
	return {
		uid: `buddy-${plan.id}@${DOMAIN}`,
		sequence: plan.sequence,
		title: m.connect_ics_buddy_title(
			{
				names: formatList(
					members.map((member) => member.name),
					intlLocale(locale)
				)
			},
			{ locale }
		),
		description: m.connect_ics_buddy_description({ cycle: cycleName }, { locale }),
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
