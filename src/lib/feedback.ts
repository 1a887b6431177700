/**
 * Case feedback (XLA) vocabulary shared by the public form and the team pages: reasons, the score
 * scale, time lost and the limits the server enforces. Pure; no I/O. Every label is a message,
 * worded when it is read.
 */
import { currentIntlLocale, numberFormat } from './intl';
import { m } from './paraglide/messages.js';

export type ReasonTone = 'positive' | 'negative';

/** Reason chips. Keys are stored in responses: never rename one, add a new key instead. */
export const feedbackReasons = [
	{ key: 'resolved_first_time', tone: 'positive' },
	{ key: 'kept_informed', tone: 'positive' },
	{ key: 'easy_to_reach', tone: 'positive' },
	{ key: 'friendly_helpful', tone: 'positive' },
	{ key: 'quick', tone: 'positive' },
	{ key: 'slow', tone: 'negative' },
	{ key: 'had_to_chase', tone: 'negative' },
	{ key: 'passed_between_teams', tone: 'negative' },
	{ key: 'answer_unclear', tone: 'negative' },
	{ key: 'wrong_or_incomplete', tone: 'negative' },
	{ key: 'had_to_repeat', tone: 'negative' }
] as const satisfies readonly { key: string; tone: ReasonTone }[];

export type ReasonKey = (typeof feedbackReasons)[number]['key'];

const reasonMessages: Record<ReasonKey, () => string> = {
	resolved_first_time: m.measure_reason_resolved_first_time,
	kept_informed: m.measure_reason_kept_informed,
	easy_to_reach: m.measure_reason_easy_to_reach,
	friendly_helpful: m.measure_reason_friendly_helpful,
	quick: m.measure_reason_quick,
	slow: m.measure_reason_slow,
	had_to_chase: m.measure_reason_had_to_chase,
	passed_between_teams: m.measure_reason_passed_between_teams,
	answer_unclear: m.measure_reason_answer_unclear,
	wrong_or_incomplete: m.measure_reason_wrong_or_incomplete,
	had_to_repeat: m.measure_reason_had_to_repeat
};

/** A reason chip as the person reads it. */
export function reasonLabel(key: ReasonKey): string {
	return reasonMessages[key]();
}

export function isReasonKey(value: string): value is ReasonKey {
	return Object.hasOwn(reasonMessages, value);
}

/**
 * Reasons as submitted (one form value per ticked chip): unknown keys make the whole answer
 * invalid (null), since the form only offers known ones; duplicates collapse; the order is the
 * list's, so stored answers compare equal however the browser ordered the boxes.
 */
export function parseReasons(submitted: readonly string[]): ReasonKey[] | null {
	if (!submitted.every(isReasonKey)) return null;
	return feedbackReasons.map((r) => r.key).filter((key) => submitted.includes(key));
}

/**
 * Reasons as stored (a JSON array). Keys that are no longer in the list, or a damaged value, are
 * skipped rather than shown raw: a response is still worth reading without them.
 */
export function storedReasons(json: string): ReasonKey[] {
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch {
		return [];
	}
	if (!Array.isArray(value)) return [];
	return parseReasons(value.filter((v): v is string => typeof v === 'string' && isReasonKey(v))) ?? [];
}

export const SCORE_MIN = 0;
export const SCORE_MAX = 10;
export const scoreValues: readonly number[] = Array.from(
	{ length: SCORE_MAX - SCORE_MIN + 1 },
	(_, i) => SCORE_MIN + i
);
/** What the ends of the scale mean. */
export function scoreEndLabel(end: 'low' | 'high'): string {
	return end === 'low' ? m.measure_score_end_low() : m.measure_score_end_high();
}

export const CASE_REFERENCE_MAX = 60;
export const COMMENT_MAX = 1000;

/** How long links stay open: a case is fresh for a month; a standing link lives in signatures for a year. */
export const CASE_LINK_DAYS = 30;
export const STANDING_LINK_DAYS = 365;

export type LinkProblem = 'unknown' | 'expired' | 'closed' | 'answered';

/** Why a link takes no answer, worded for the internal customer who opened it. */
export function linkProblem(problem: LinkProblem): string {
	switch (problem) {
		case 'unknown':
			return m.measure_link_unknown();
		case 'expired':
			return m.measure_link_expired({ caseDays: CASE_LINK_DAYS, standingDays: STANDING_LINK_DAYS });
		case 'closed':
			return m.measure_link_closed();
		case 'answered':
			return m.measure_link_answered();
	}
}

/** A standing link asks for a sign-in, and says why, to whoever opens it signed out. */
export function standingSignInReasons(teamName: string): { why: string; privacy: string } {
	return {
		why: m.measure_standing_sign_in_why({ team: teamName }),
		privacy: m.measure_standing_sign_in_privacy({ team: teamName })
	};
}

/** Too many answers from one network in an hour: the form keeps what was written. */
export function tooManyAnswers(retryAfterSeconds: number): string {
	return m.measure_answers_throttled({ count: Math.max(1, Math.ceil(retryAfterSeconds / 60)) });
}

export type LinkStatus = 'open' | 'answered' | 'closed' | 'expired';

/** How a link stands, for the team's list of links. */
export function linkStatusLabel(status: LinkStatus): string {
	switch (status) {
		case 'open':
			return m.measure_link_status_open();
		case 'answered':
			return m.measure_link_status_answered();
		case 'closed':
			return m.measure_link_status_closed();
		case 'expired':
			return m.measure_link_status_expired();
	}
}

export const timeLostUnits = ['minutes', 'hours'] as const;
export type TimeLostUnit = (typeof timeLostUnits)[number];

export function timeLostUnitLabel(unit: TimeLostUnit): string {
	return unit === 'minutes' ? m.measure_time_lost_unit_minutes() : m.measure_time_lost_unit_hours();
}

/** The most time one case can be said to have cost: two working weeks. */
export const MAX_MINUTES_LOST = 80 * 60;

export function isTimeLostUnit(value: string): value is TimeLostUnit {
	return (timeLostUnits as readonly string[]).includes(value);
}

/** Time lost in whole minutes; hours may be fractional (1.5 hours = 90 minutes). */
export function toMinutesLost(amount: number, unit: TimeLostUnit): number {
	return Math.round(unit === 'hours' ? amount * 60 : amount);
}

/** A net score with its sign, as people read it: "+40", "0", "-15". */
export function formatNetScore(value: number): string {
	return numberFormat(currentIntlLocale(), { signDisplay: 'exceptZero', maximumFractionDigits: 0 }).format(value);
}

/** "45 min", "2 h", "1 h 30 min". */
export function formatMinutesLost(minutes: number): string {
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	if (hours === 0) return m.measure_minutes_lost_minutes({ minutes: rest });
	return rest === 0
		? m.measure_minutes_lost_hours({ hours })
		: m.measure_minutes_lost_hours_minutes({ hours, minutes: rest });
}

/**
 * A `mailto:` address that opens an email to the requester with the link, so the team member
 * sends it from their own mailbox (Ripple sends no email itself).
 */
export function feedbackMailto(input: {
	email: string;
	reference: string;
	teamName: string;
	url: string;
	expiresOn: string;
}): string {
	const subject = m.measure_mail_subject({ reference: input.reference });
	const body = m.measure_mail_body({
		team: input.teamName,
		reference: input.reference,
		url: input.url,
		expiresOn: input.expiresOn
	});
	// The address stays readable: `@` is allowed in a mailto path, everything else odd is escaped.
	return `mailto:${encodeURIComponent(input.email).replace('%40', '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
