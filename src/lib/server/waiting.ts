import type { Actor } from './auth/actor';
import { observationsAwaitingResponse } from './behaviours/observations';
import { buddyActionsWaitingOn } from './buddies/pairs';
import type { Db } from './db';
import { calendarDate } from './learning/rules';
import { sessionsAwaitingAttendance } from './lunch-and-learn/service';
import { visitsWaitingOn } from './shadowing/service';

/**
 * "Waiting for you": every action that waits on one person, gathered from the domains that own
 * them, each with the page where it is done. Only what waits on the actor is read, so nobody's list
 * shows another person's work. Follow-ups (a reflection, feedback, a register, a meeting log, a
 * response) stop waiting after `FOLLOW_UP_DAYS`; requests stop once their time has passed.
 */

export const FOLLOW_UP_DAYS = 30;

export type WaitingItem =
	| { kind: 'approve_visit'; id: string; href: string; at: string; visitor: string; team: string }
	| { kind: 'confirm_visit'; id: string; href: string; at: string; visitor: string; team: string }
	| { kind: 'visit_reflection'; id: string; href: string; at: string; team: string }
	| { kind: 'host_feedback'; id: string; href: string; at: string; visitor: string }
	| { kind: 'observation_response'; id: string; href: string; at: string; author: string | null; behaviour: string }
	| { kind: 'buddy_fit'; id: string; href: string; buddies: string[] }
	| { kind: 'buddy_meeting'; id: string; href: string; at: string; buddies: string[] }
	| { kind: 'session_attendance'; id: string; href: string; at: string; topic: string };

export type WaitingKind = WaitingItem['kind'];

/** Kinds that belong to Connect (visits, buddies, sessions), for its own short list. */
export const CONNECT_KINDS: readonly WaitingKind[] = [
	'approve_visit',
	'confirm_visit',
	'visit_reflection',
	'host_feedback',
	'buddy_fit',
	'buddy_meeting',
	'session_attendance'
];

export async function waitingFor(database: Db, actor: Actor, now: Date): Promise<WaitingItem[]> {
	const since = new Date(now.getTime() - FOLLOW_UP_DAYS * 86_400_000);
	const [visits, observations, buddies, sessions] = await Promise.all([
		visitsWaitingOn(database, actor.scope, since.toISOString(), now.toISOString()),
		observationsAwaitingResponse(database, actor.id, since.toISOString()),
		buddyActionsWaitingOn(database, actor.id, actor.timeZone, since, now),
		sessionsAwaitingAttendance(database, actor.id, since.toISOString(), now.toISOString())
	]);
	const visit = (id: string) => `/connect/shadowing/visits/${id}`;
	return [
		...visits.approve.map((v) => ({
			kind: 'approve_visit' as const,
			id: v.id,
			href: visit(v.id),
			at: v.starts_at,
			visitor: v.visitor_name,
			team: v.team_name
		})),
		...visits.confirm.map((v) => ({
			kind: 'confirm_visit' as const,
			id: v.id,
			href: visit(v.id),
			at: v.starts_at,
			visitor: v.visitor_name,
			team: v.team_name
		})),
		...sessions.map((s) => ({
			kind: 'session_attendance' as const,
			id: s.id,
			href: `/connect/sessions/${s.id}#organiser-heading`,
			at: s.starts_at,
			topic: s.topic
		})),
		...buddies.log.map((p) => ({
			kind: 'buddy_meeting' as const,
			id: p.planId,
			// The log form opens on the planned day, in the reader's calendar.
			href: `/connect/buddies/pairs/${p.pairId}?met_on=${calendarDate(new Date(p.startsAt), actor.timeZone)}#log-heading`,
			at: p.startsAt,
			buddies: p.buddies
		})),
		...buddies.fit.map((p) => ({
			kind: 'buddy_fit' as const,
			id: p.pairId,
			href: `/connect/buddies/pairs/${p.pairId}`,
			buddies: p.buddies
		})),
		...visits.reflect.map((v) => ({
			kind: 'visit_reflection' as const,
			id: v.id,
			href: visit(v.id),
			at: v.starts_at,
			team: v.team_name
		})),
		...visits.feedback.map((v) => ({
			kind: 'host_feedback' as const,
			id: v.id,
			href: visit(v.id),
			at: v.starts_at,
			visitor: v.visitor_name
		})),
		...observations.map((o) => ({
			kind: 'observation_response' as const,
			id: o.id,
			href: `/observations/${o.id}`,
			at: o.created_at,
			author: o.author_name,
			behaviour: o.behaviour_name
		}))
	];
}
