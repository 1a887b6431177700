import { CASE_LINK_DAYS, STANDING_LINK_DAYS } from '../../feedback';

/** Aggregates built from fewer responses than this are never shown (DESIGN.md: small groups stay anonymous). */
export const MIN_RESPONSES = 5;

export interface ExperienceMeasures {
	/** How many responses there were; always shown, it reveals no one's answer. */
	volume: number;
	/** False when there are too few responses to show the average and net score. */
	enough: boolean;
	/** Mean score 0-10, or null when hidden. */
	average: number | null;
	/** Percentage of 9-10 minus percentage of 0-6, -100 to 100, or null when hidden. */
	netScore: number | null;
}

export function experienceMeasures(scores: readonly number[]): ExperienceMeasures {
	const volume = scores.length;
	if (volume < MIN_RESPONSES) return { volume, enough: false, average: null, netScore: null };
	const promoters = scores.filter((s) => s >= 9).length;
	const detractors = scores.filter((s) => s <= 6).length;
	return {
		volume,
		enough: true,
		average: scores.reduce((a, b) => a + b, 0) / volume,
		netScore: ((promoters - detractors) / volume) * 100
	};
}

export type FeedbackLinkKind = 'case' | 'standing';

/** Whether a link takes an answer now, or why not. */
export type FeedbackLinkStatus = 'open' | 'answered' | 'closed' | 'expired';

const DAY_MS = 86_400_000;

export function feedbackLinkExpiry(kind: FeedbackLinkKind, createdAt: Date): Date {
	return new Date(createdAt.getTime() + (kind === 'case' ? CASE_LINK_DAYS : STANDING_LINK_DAYS) * DAY_MS);
}

/**
 * A case link takes one answer; a standing link takes many until it is closed or expires. An
 * answered case link says so even after it expires or is closed: "thank you, we have it" is the
 * truest thing to tell the person who answered.
 */
export function feedbackLinkStatus(
	link: { kind: FeedbackLinkKind; expires_at: string; answered_at: string | null; closed_at: string | null },
	now: Date
): FeedbackLinkStatus {
	if (link.kind === 'case' && link.answered_at !== null) return 'answered';
	if (link.closed_at !== null) return 'closed';
	if (now.getTime() >= Date.parse(link.expires_at)) return 'expired';
	return 'open';
}

/** `YYYY-MM` of an ISO instant, in UTC: the month a response counts towards. */
export function monthOfInstant(iso: string): string {
	return iso.slice(0, 7);
}
