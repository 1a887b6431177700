/**
 * Every kind of notification Ripple sends, with what delivery needs to know of it: its category,
 * how urgent it is, the calendar item an email of it carries and how long it stays worth sending.
 * How each is worded lives in ./wording.ts (it reads course content, which only the built server
 * has); this module stays importable from anywhere, the seed and command-line tools included.
 */
import type { ExplanationLine } from '../../buddies';
import type { NotificationCategory } from '../db/schema';

export type CalendarRef =
	{ type: 'visit'; id: string } | { type: 'session'; id: string } | { type: 'plan'; id: string };

interface KindSpec<P> {
	category: NotificationCategory;
	/** See `emailRoute`: approvals go at once, a manager's overdue news waits for the digest. */
	timing?: 'urgent' | 'digest-only';
	/** The calendar item an email of this kind carries as an invitation (or its cancellation). */
	calendar?: (params: P) => CalendarRef | null;
	/** How long an email of this kind is worth sending when it could not go at once (days). */
	relevantDays?: number;
	/**
	 * Its link is a secret (an invitation's one-time token): once the email has gone, the delivery
	 * log keeps it without the token, so reading the log never lets anyone in.
	 */
	secretLink?: boolean;
	/** Never set: carries the type of the kind's stored params. */
	params?: P;
}

const define = <P>(spec: Omit<KindSpec<P>, 'params'>) => spec as KindSpec<P>;

export interface VisitParams {
	visit: string;
	visitor: string;
	team: string;
	starts_at: string;
	reason?: string;
}

/** A text in each language, chosen when read (a behaviour's label). */
export type InEachLanguage = Partial<Record<'en' | 'nl' | 'zh-CN', string>>;

export interface SessionParams {
	session: string;
	topic: string;
	starts_at: string;
}

export interface PlanParams {
	pair: string;
	plan: string;
	by: string;
	starts_at: string;
	cancelled: boolean;
}

type LearningAssigned = { item: string; due: string; by: string; note: string };

export const notificationKinds = {
	'learning.assigned': define<LearningAssigned>({ category: 'learning', relevantDays: 14 }),
	'learning.due_soon': define<{ item: string; due: string; days: number }>({ category: 'learning', relevantDays: 1 }),
	'learning.overdue': define<{ item: string; due: string; days: number }>({ category: 'learning', relevantDays: 7 }),
	/** To a manager, about a member: only ever in their digest. */
	'learning.member_overdue': define<{ member: string; item: string; due: string; days: number }>({
		category: 'learning',
		timing: 'digest-only',
		relevantDays: 7
	}),
	'shadowing.approval_needed': define<VisitParams>({ category: 'shadowing', timing: 'urgent', relevantDays: 7 }),
	'shadowing.confirmation_needed': define<VisitParams>({ category: 'shadowing', timing: 'urgent', relevantDays: 7 }),
	'shadowing.approved': define<VisitParams>({ category: 'shadowing', relevantDays: 7 }),
	'shadowing.confirmed': define<VisitParams>({
		category: 'shadowing',
		// Its calendar invitation is the point: it goes at once, whatever the digest settings say.
		timing: 'urgent',
		relevantDays: 7,
		calendar: (p) => ({ type: 'visit', id: p.visit })
	}),
	/** The day before a confirmed visit, to the visitor and to the host. */
	'shadowing.day_before': define<VisitParams & { role: 'visitor' | 'host' }>({
		category: 'shadowing',
		relevantDays: 1
	}),
	/** After the visit, until written: the visitor's reflection, then once more. */
	'shadowing.reflection_due': define<VisitParams & { again: boolean }>({ category: 'shadowing', relevantDays: 7 }),
	/** After the visit, until written: the host's feedback, then once more. */
	'shadowing.feedback_due': define<VisitParams & { again: boolean }>({ category: 'shadowing', relevantDays: 7 }),
	'shadowing.declined': define<VisitParams>({ category: 'shadowing', relevantDays: 7 }),
	// The host expects someone: a cancellation is news now, not tomorrow morning.
	'shadowing.cancelled': define<VisitParams>({ category: 'shadowing', timing: 'urgent', relevantDays: 7 }),
	/**
	 * The visit is cancelled because its host was deactivated: to the visitor and, when the request
	 * waited on them, the visitor's manager. A confirmed visit's email takes it out of the calendar.
	 */
	'shadowing.host_left': define<VisitParams & { role: 'visitor' | 'manager'; confirmed: boolean }>({
		category: 'shadowing',
		// The visitor expects to go: news now, not tomorrow morning.
		timing: 'urgent',
		relevantDays: 7,
		calendar: (p) => (p.role === 'visitor' && p.confirmed ? { type: 'visit', id: p.visit } : null)
	}),
	/** Email only, to the visitor who cancelled a confirmed visit: takes it out of their calendar. */
	'shadowing.calendar_cancelled': define<VisitParams>({
		category: 'shadowing',
		relevantDays: 7,
		calendar: (p) => ({ type: 'visit', id: p.visit })
	}),
	'sessions.booked': define<SessionParams>({
		category: 'sessions',
		// The calendar invitation is the confirmation: it goes at once.
		timing: 'urgent',
		relevantDays: 3,
		calendar: (p) => ({ type: 'session', id: p.session })
	}),
	'sessions.reminder': define<SessionParams>({ category: 'sessions', relevantDays: 1 }),
	'sessions.waitlisted': define<SessionParams>({ category: 'sessions', relevantDays: 3 }),
	'sessions.promoted': define<SessionParams>({
		category: 'sessions',
		timing: 'urgent',
		relevantDays: 3,
		calendar: (p) => ({ type: 'session', id: p.session })
	}),
	'sessions.cancelled': define<SessionParams>({
		category: 'sessions',
		timing: 'urgent',
		relevantDays: 3,
		calendar: (p) => ({ type: 'session', id: p.session })
	}),
	/** Email only, to someone who gave up their place: takes the event out of their calendar. */
	'sessions.calendar_cancelled': define<SessionParams>({
		category: 'sessions',
		relevantDays: 3,
		calendar: (p) => ({ type: 'session', id: p.session })
	}),
	'buddies.paired': define<{ cycle: string; buddies: string[]; reasons: ExplanationLine[] }>({
		category: 'buddies',
		relevantDays: 14
	}),
	'buddies.repaired': define<{ cycle: string; buddies: string[]; reasons: ExplanationLine[] }>({
		category: 'buddies',
		relevantDays: 7
	}),
	'buddies.fit_check': define<{ cycle: string; buddies: string[] }>({ category: 'buddies', relevantDays: 7 }),
	/** Nobody logged a meeting two weeks after the pairs were published: to both, then the owner. */
	'buddies.no_meeting': define<{ cycle: string; buddies: string[]; owner: boolean }>({
		category: 'buddies',
		relevantDays: 7
	}),
	'buddies.quiet': define<{ cycle: string; buddies: string[]; weeks: number }>({
		category: 'buddies',
		relevantDays: 7
	}),
	/** A buddy asked for another buddy after the first meeting: to the cycle's owner, at once. */
	'buddies.repair_requested': define<{ cycle: string; person: string; buddies: string[] }>({
		category: 'buddies',
		timing: 'urgent',
		relevantDays: 7
	}),
	'buddies.meeting_planned': define<PlanParams>({
		category: 'buddies',
		timing: 'urgent',
		relevantDays: 3,
		calendar: (p) => ({ type: 'plan', id: `${p.pair}/${p.plan}` })
	}),
	'buddies.meeting_cancelled': define<PlanParams>({
		category: 'buddies',
		timing: 'urgent',
		relevantDays: 3,
		calendar: (p) => ({ type: 'plan', id: `${p.pair}/${p.plan}` })
	}),
	/** Email only, to the buddy who planned or cancelled: their own calendar's copy. */
	'buddies.meeting_calendar': define<PlanParams>({
		category: 'buddies',
		relevantDays: 3,
		calendar: (p) => ({ type: 'plan', id: `${p.pair}/${p.plan}` })
	}),
	'learning.new_version': define<{ module: string; major: number }>({ category: 'learning', relevantDays: 14 }),
	'learning.completed': define<{ module: string; code: string }>({ category: 'learning', relevantDays: 7 }),
	'measure.feedback_week': define<{ team: string; count: number; average: number | null; netScore: number | null }>({
		category: 'measure',
		relevantDays: 7
	}),
	'measure.metrics_missing': define<{ team: string; month: string; missing: number; total: number }>({
		category: 'measure',
		relevantDays: 7
	}),
	'measure.scorecard_summary': define<{
		unit: string;
		month: string;
		teams: number;
		offTarget: number;
		watermelons: string[];
	}>({ category: 'measure', relevantDays: 14 }),
	'measure.observation_recorded': define<{ author: string; source: string; behaviour: InEachLanguage }>({
		category: 'measure',
		relevantDays: 14
	}),
	'measure.observation_response': define<{ person: string; behaviour: InEachLanguage }>({
		category: 'measure',
		relevantDays: 14
	}),
	'measure.recognition_received': define<{ from: string; behaviour: InEachLanguage; message: string }>({
		category: 'measure',
		relevantDays: 14
	}),
	'account.invitation': define<{ by: string | null; expires_at: string }>({
		category: 'account',
		relevantDays: 14,
		secretLink: true
	}),
	'account.password_changed': define<{ at: string }>({ category: 'account', relevantDays: 2 }),
	'account.sessions_ended': define<{ by: string; at: string }>({ category: 'account', relevantDays: 2 }),
	'account.signed_in': define<{ at: string; ip: string | null }>({ category: 'account', relevantDays: 1 }),
	/**
	 * To every active admin when the provisioning safety brake starts holding a directory's
	 * deactivations: nothing happens to those people until an admin decides.
	 */
	'directory.held': define<{ directory: string; percent: number }>({
		category: 'account',
		timing: 'urgent',
		relevantDays: 3
	})
};

export type NotificationKind = keyof typeof notificationKinds;
/** The inputs a kind's messages take, as stored. */
export type ParamsOf<K extends NotificationKind> = NonNullable<(typeof notificationKinds)[K]['params']>;

export function isNotificationKind(kind: string): kind is NotificationKind {
	return Object.hasOwn(notificationKinds, kind);
}

export function kindSpec(kind: NotificationKind): KindSpec<unknown> {
	return notificationKinds[kind] as KindSpec<unknown>;
}
