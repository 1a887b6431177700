/**
 * Case feedback for the demo teams, from their stories' moods: answered case links (some through a
 * standing link), links that went unanswered and expired, and a few recent ones still open.
 */
import type { Insertable } from 'kysely';
import type { CaseFeedbackTable, FeedbackLinkTable } from '../db/schema';
import { newId } from '../db/ids';
import { feedbackLinkExpiry } from '../feedback/rules';
import { generateSecret, hashSecret } from '../auth/tokens';
import { feedbackReasons, type ReasonKey } from '../../feedback';
import { endOf, sampleCurve, startOf } from './measure-curves';
import { generalComments, type CommentPool, type TeamStory } from './northwind/team-stories';
import { clamp } from './numbers';
import { between, pick, rngFromLabel, shuffle, type Rng } from './random';

const DAY = 86_400_000;
const HOUR = 3_600_000;

const goodReasons: readonly ReasonKey[] = feedbackReasons.filter((r) => r.tone === 'positive').map((r) => r.key);
const poorReasons: readonly ReasonKey[] = feedbackReasons.filter((r) => r.tone === 'negative').map((r) => r.key);

interface FeedbackRows {
	links: Insertable<FeedbackLinkTable>[];
	responses: Insertable<CaseFeedbackTable>[];
}

/**
 * A month's scores around its mood. Stratified rather than independent draws: with ten or so
 * answers a month, independent draws swing the net score by twenty points or more, and the story
 * would drown in noise. Shuffled, so good and bad answers are spread through the month.
 */
function monthScores(count: number, mood: number, spread: number, rng: Rng): number[] {
	const scores = Array.from({ length: count }, (_, k) => {
		const u = (k + rng()) / count;
		// Standard normal quantile, approximated by a logistic with the same spread.
		const z = Math.log(u / (1 - u)) * 0.5513;
		return clamp(Math.round(mood + spread * z), 0, 10);
	});
	return shuffle(rng, scores);
}

function reasonsFor(score: number, rng: Rng, story: TeamStory): ReasonKey[] {
	const poor = story.feedback.poorReasons ?? poorReasons;
	const chosen = new Set<ReasonKey>();
	if (score >= 8) {
		if (rng() < 0.1) return [];
		chosen.add(pick(rng, goodReasons));
		if (rng() < 0.35) chosen.add(pick(rng, goodReasons));
	} else if (score === 7) {
		const roll = rng();
		if (roll < 0.5) chosen.add(pick(rng, goodReasons));
		else if (roll < 0.8) chosen.add(pick(rng, poor));
	} else {
		chosen.add(pick(rng, poor));
		if (rng() < 0.5) chosen.add(pick(rng, poor));
	}
	// Stored in the form's order, as an answer from the form would be.
	return feedbackReasons.map((r) => r.key).filter((key) => chosen.has(key));
}

function commentFor(score: number, rng: Rng, pool: CommentPool, keen: boolean): string {
	const band = score >= 8 ? 'good' : score === 7 ? 'mixed' : 'poor';
	const chance = band === 'poor' ? (keen ? 0.85 : 0.6) : band === 'mixed' ? 0.35 : 0.4;
	if (rng() >= chance) return '';
	const own = pool[band] ?? [];
	// An unhappy customer of a team in trouble writes about that trouble.
	const useOwn = own.length > 0 && (keen || rng() < 0.6);
	return pick(rng, useOwn ? own : generalComments[band]);
}

function minutesLostFor(score: number, rng: Rng, keen: boolean): number | null {
	if (score <= 6 && (keen || rng() < 0.65)) return pick(rng, [15, 20, 30, 45, 60, 90, 120, 180]);
	if (score === 7 && rng() < 0.2) return pick(rng, [10, 15, 30]);
	return null;
}

/**
 * Case feedback for the twelve complete months before now and the days of the current month so
 * far: answered case links (a share through a standing link where the team has one), links that
 * went unanswered and expired, and a few recent ones still open.
 */
export function feedbackRows(
	context: { teamId: string; team: string; story: TeamStory; members: readonly string[] },
	months: readonly string[],
	currentMonth: string,
	requesterEmails: readonly string[],
	now: Date
): FeedbackRows {
	const { teamId, team, story, members } = context;
	const nowMs = now.getTime();
	const links: Insertable<FeedbackLinkTable>[] = [];
	const responses: Insertable<CaseFeedbackTable>[] = [];
	const refs = rngFromLabel(`${team}|case-references`);
	let caseNumber = story.cases.first;
	const nextReference = () => {
		caseNumber += between(refs, 3, 40);
		return `${story.cases.prefix}${String(caseNumber).padStart(story.cases.digits, '0')}`;
	};
	const link = (rng: Rng, createdMs: number, answeredMs: number | null): Insertable<FeedbackLinkTable> => ({
		id: newId(),
		team_id: teamId,
		kind: 'case',
		case_reference: nextReference(),
		requester_email: rng() < 0.55 ? pick(rng, requesterEmails) : null,
		token_hash: hashSecret(generateSecret()),
		created_by: members.length > 0 ? pick(rng, members) : null,
		created_at: new Date(createdMs).toISOString(),
		expires_at: feedbackLinkExpiry('case', new Date(createdMs)).toISOString(),
		answered_at: answeredMs === null ? null : new Date(answeredMs).toISOString(),
		closed_at: null
	});

	// A standing link lives a year; teams that use one renewed it half-way through: the old link
	// closed, the new one still open.
	const renewedAt = startOf(months[7]!);
	const standingLink = (createdMs: number, closedMs: number | null): Insertable<FeedbackLinkTable> => ({
		id: newId(),
		team_id: teamId,
		kind: 'standing',
		case_reference: null,
		requester_email: null,
		token_hash: hashSecret(generateSecret()),
		created_by: members[0] ?? null,
		created_at: new Date(createdMs).toISOString(),
		expires_at: feedbackLinkExpiry('standing', new Date(createdMs)).toISOString(),
		answered_at: null,
		closed_at: closedMs === null ? null : new Date(closedMs).toISOString()
	});
	const standing = story.feedback.standingLink
		? [standingLink(startOf(months[1]!) - 10 * DAY, renewedAt), standingLink(renewedAt, null)]
		: [];
	links.push(...standing);

	// The twelve most recent complete months (index 1..12) and the current month (index 13).
	const periods = [...months.slice(1), currentMonth];
	for (const [offset, month] of periods.entries()) {
		const index = offset + 1;
		const rng = rngFromLabel(`${team}|feedback|${index}`);
		const start = startOf(month);
		const isCurrent = month === currentMonth;
		const end = isCurrent ? nowMs : endOf(month);
		const share = isCurrent ? (end - start) / (endOf(month) - start) : 1;
		const planned = between(rng, story.feedback.responses[0], story.feedback.responses[1]);
		const count = Math.floor(planned * share);
		const mood = sampleCurve(story.feedback.mood, index, rng);
		const keen = mood < 6.5;

		// Working-hours moments in the month, oldest first so case numbers rise with time.
		const days = Math.max(1, Math.floor((end - start) / DAY));
		const moments = Array.from(
			{ length: count },
			() => start + between(rng, 0, days - 1) * DAY + (7 + rng() * 10) * HOUR
		)
			.map((ms) => (ms >= nowMs ? nowMs - between(rng, 1, 60) * 60_000 : ms))
			.sort((a, b) => a - b);
		const scores = monthScores(count, mood, story.feedback.spread, rng);
		for (const [r, submitted] of moments.entries()) {
			const score = scores[r]!;
			let linkId: string;
			const standingThen = standing[submitted < renewedAt ? 0 : 1];
			if (standingThen && rng() < 0.25) {
				linkId = standingThen.id!;
			} else {
				const created = submitted - (2 * HOUR + rng() * 3 * DAY);
				const caseLink = link(rng, created, submitted);
				links.push(caseLink);
				linkId = caseLink.id!;
			}
			responses.push({
				id: newId(),
				link_id: linkId,
				team_id: teamId,
				score,
				reasons: JSON.stringify(reasonsFor(score, rng, story)),
				comment: commentFor(score, rng, story.feedback.comments, keen),
				minutes_lost: minutesLostFor(score, rng, keen),
				submitted_at: new Date(submitted).toISOString()
			});
		}

		if (isCurrent) {
			// Sent in the last week or so and not answered yet.
			for (let i = between(rng, 1, 3); i > 0; i--) links.push(link(rng, nowMs - (1 + rng() * 8 * 24) * HOUR, null));
		} else {
			// About a third of requesters never answer; their links expire.
			for (let i = Math.round(planned * 0.3); i > 0; i--) links.push(link(rng, start + rng() * (end - start), null));
		}
	}
	return { links, responses };
}
