/**
 * Case feedback (XLA) vocabulary shared by the public form and the team pages: reasons, the score
 * scale, time lost and the limits the server enforces. Pure; no I/O.
 */

export type ReasonTone = 'positive' | 'negative';

/** Reason chips. Keys are stored in responses: never rename one, add a new key instead. */
export const feedbackReasons = [
	{ key: 'resolved_first_time', label: 'Resolved first time', tone: 'positive' },
	{ key: 'kept_informed', label: 'Kept me informed', tone: 'positive' },
	{ key: 'easy_to_reach', label: 'Easy to reach', tone: 'positive' },
	{ key: 'friendly_helpful', label: 'Friendly and helpful', tone: 'positive' },
	{ key: 'quick', label: 'Quick', tone: 'positive' },
	{ key: 'slow', label: 'Slow', tone: 'negative' },
	{ key: 'had_to_chase', label: 'Had to chase', tone: 'negative' },
	{ key: 'passed_between_teams', label: 'Passed between teams', tone: 'negative' },
	{ key: 'answer_unclear', label: 'Answer unclear', tone: 'negative' },
	{ key: 'wrong_or_incomplete', label: 'Wrong or incomplete', tone: 'negative' },
	{ key: 'had_to_repeat', label: 'Had to repeat myself', tone: 'negative' }
] as const satisfies readonly { key: string; label: string; tone: ReasonTone }[];

export type ReasonKey = (typeof feedbackReasons)[number]['key'];

export const reasonLabels: Record<ReasonKey, string> = Object.fromEntries(
	feedbackReasons.map((r) => [r.key, r.label])
) as Record<ReasonKey, string>;

export function isReasonKey(value: string): value is ReasonKey {
	return Object.hasOwn(reasonLabels, value);
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
export const scoreEnds = { low: 'Not at all satisfied', high: 'Extremely satisfied' } as const;

export const CASE_REFERENCE_MAX = 60;
export const COMMENT_MAX = 1000;

/** How long links stay open: a case is fresh for a month; a standing link lives in signatures for a year. */
export const CASE_LINK_DAYS = 30;
export const STANDING_LINK_DAYS = 365;

/** Why a link takes no answer, worded for the internal customer who opened it. */
export const linkProblems = {
	unknown: 'Check that you copied the whole link. If it still does not open, ask the team that sent it for a new one.',
	expired: `This link has expired. Links for one request work for ${CASE_LINK_DAYS} days and team links for ${STANDING_LINK_DAYS} days. If you still want to tell the team how it went, ask them for a new link.`,
	closed:
		'The team has closed this link, so it no longer takes answers. If you still want to tell them how it went, ask them for a new link.',
	answered:
		'This request already has an answer, thank you. Each request takes one answer, so there is nothing more to do.'
} as const;

/** A standing link asks for a sign-in, and says why, to whoever opens it signed out. */
export function standingSignInReasons(teamName: string): { why: string; privacy: string } {
	return {
		why: `This link is for everyone ${teamName} works with, so Ripple asks you to sign in before you answer. That way each person’s answer counts once a month, and nobody can answer many times over to change the team’s results.`,
		privacy: `${teamName} never sees who answered. Ripple keeps only a scrambled code that tells one person’s answers from another’s, never your name or email address, and shows averages only once at least five people have answered.`
	};
}

/** A second answer through a standing link in the same month replaces the first. */
export const replacesEarlierAnswer = 'Sending again replaces that answer: each person counts once a month.';

/** Too many answers from one network in an hour: the form keeps what was written. */
export function tooManyAnswers(retryAfterSeconds: number): string {
	const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
	return `Many answers have come from your network in the last hour, so Ripple is holding new ones back for a while. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}; what you wrote is still here.`;
}

/** How a link stands, for the team's list of links. */
export const linkStatusLabels = { open: 'Open', answered: 'Answered', closed: 'Closed', expired: 'Expired' } as const;

export const timeLostUnits = { minutes: 'minutes', hours: 'hours' } as const;
export type TimeLostUnit = keyof typeof timeLostUnits;

/** The most time one case can be said to have cost: two working weeks. */
export const MAX_MINUTES_LOST = 80 * 60;

export function isTimeLostUnit(value: string): value is TimeLostUnit {
	return Object.hasOwn(timeLostUnits, value);
}

/** Time lost in whole minutes; hours may be fractional (1.5 hours = 90 minutes). */
export function toMinutesLost(amount: number, unit: TimeLostUnit): number {
	return Math.round(unit === 'hours' ? amount * 60 : amount);
}

/** A net score with its sign, as people read it: "+40", "0", "-15". */
export function formatNetScore(value: number): string {
	const rounded = Math.round(value);
	return `${rounded > 0 ? '+' : ''}${rounded === 0 ? 0 : rounded}`;
}

/** "45 min", "2 h", "1 h 30 min". */
export function formatMinutesLost(minutes: number): string {
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	if (hours === 0) return `${rest} min`;
	return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
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
	const subject = `How did we do with ${input.reference}?`;
	const body = [
		'Hello,',
		'',
		`${input.teamName} recently handled your request ${input.reference}. Would you tell us how it went? It takes about a minute, and we read every answer.`,
		'',
		input.url,
		'',
		`The link works until ${input.expiresOn}.`,
		'',
		'Thank you,',
		input.teamName
	].join('\n');
	// The address stays readable: `@` is allowed in a mailto path, everything else odd is escaped.
	return `mailto:${encodeURIComponent(input.email).replace('%40', '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
