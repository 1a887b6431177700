import { z } from 'zod';
import { CASE_REFERENCE_MAX, storedReasons } from '../../feedback';
import { periodsEndingWith } from '../../periods';
import { recordAudit, type AuditWording } from '../audit/log';
import { recordThrottledEvent, throttledEventsSince } from '../auth/throttle';
import { decideThrottle, type ThrottleLimit } from '../auth/throttle-policy';
import { config } from '../config';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { generateSecret, hashSecret } from '../auth/tokens';
import type { Actor } from '../auth/actor';
import { m } from '../../paraglide/messages.js';
import { refuse, type ServiceResult } from '../service-result';
import type { Answer } from './answer';
import {
	claimCaseLink,
	closeLinkIfOpen,
	findAnswerByRespondent,
	findLinkByToken,
	getTeamLink,
	insertAnswer,
	insertLink,
	linkStatusFields,
	monthlyCaseScores,
	openStandingLinkIds,
	saveAnswerOfRespondent
} from './queries';
import { answerAddressKey, respondentKey } from './respondent';

/** A team's links and answers, for its managers' feedback page. */
export { currentStandingLink, listTeamLinks, listTeamResponses, monthlyCaseScores } from './queries';
import {
	experienceMeasures,
	feedbackLinkExpiry,
	feedbackLinkStatus,
	monthOfInstant,
	type ExperienceMeasures,
	type FeedbackLinkKind,
	type FeedbackLinkStatus
} from './rules';

export const caseLinkSchema = z.object({
	case_reference: z
		.string()
		.trim()
		.min(1, { error: () => m.measure_case_reference_required() })
		.max(CASE_REFERENCE_MAX, { error: () => m.measure_case_reference_too_long({ max: CASE_REFERENCE_MAX }) }),
	requester_email: z
		.string()
		.trim()
		.toLowerCase()
		.max(254, { error: () => m.measure_requester_email_too_long() })
		.refine((v) => v === '' || z.email().safeParse(v).success, {
			error: () => m.measure_requester_email_invalid()
		})
});

export type CaseLinkInput = z.infer<typeof caseLinkSchema>;

export interface IssuedLink {
	linkId: string;
	/** The raw token: shown once, never stored. */
	token: string;
	expiresAt: Date;
}

async function issueLink(
	database: Db,
	actor: Actor,
	teamId: string,
	kind: FeedbackLinkKind,
	details: { case_reference: string | null; requester_email: string | null },
	now: Date
): Promise<IssuedLink> {
	const token = generateSecret();
	const linkId = newId();
	const expiresAt = feedbackLinkExpiry(kind, now);
	await insertLink(database, {
		id: linkId,
		team_id: teamId,
		kind,
		...details,
		token_hash: hashSecret(token),
		created_by: actor.id,
		created_at: now.toISOString(),
		expires_at: expiresAt.toISOString(),
		answered_at: null,
		closed_at: null
	});
	await recordAudit(database, {
		actorId: actor.id,
		action: 'feedback_link.created',
		objectType: 'feedback_link',
		objectId: linkId,
		// The requester's address stays out of the log: the reference identifies the case.
		summary:
			kind === 'case'
				? { code: 'measure_audit_feedback_link_created_case', params: { reference: details.case_reference ?? '' } }
				: { code: 'measure_audit_feedback_link_created_standing' },
		details: { team_id: teamId, kind, expires_at: expiresAt.toISOString() },
		ip: actor.ip,
		at: now
	});
	return { linkId, token, expiresAt };
}

/** A link for one handled case. The caller has checked that the actor manages the team. */
export async function createCaseLink(
	database: Db,
	actor: Actor,
	teamId: string,
	input: CaseLinkInput,
	now: Date
): Promise<IssuedLink> {
	return database
		.transaction()
		.execute((trx) =>
			issueLink(
				trx,
				actor,
				teamId,
				'case',
				{ case_reference: input.case_reference, requester_email: input.requester_email || null },
				now
			)
		);
}

/**
 * A team has at most one standing link: issuing a new one closes the one before, so a link
 * that leaked from an old signature can be retired by replacing it.
 */
export async function issueStandingLink(database: Db, actor: Actor, teamId: string, now: Date): Promise<IssuedLink> {
	return database.transaction().execute(async (trx) => {
		for (const id of await openStandingLinkIds(trx, teamId, now))
			await closeOpenLink(trx, actor, id, { code: 'measure_audit_feedback_link_replaced' }, now);
		return issueLink(trx, actor, teamId, 'standing', { case_reference: null, requester_email: null }, now);
	});
}

async function closeOpenLink(
	database: Db,
	actor: Actor,
	linkId: string,
	summary: AuditWording,
	now: Date
): Promise<boolean> {
	if (!(await closeLinkIfOpen(database, linkId, now.toISOString()))) return false;
	await recordAudit(database, {
		actorId: actor.id,
		action: 'feedback_link.closed',
		objectType: 'feedback_link',
		objectId: linkId,
		summary,
		ip: actor.ip,
		at: now
	});
	return true;
}

/** Stops a link taking answers before it expires. A link of another team is not found. */
export async function closeLink(
	database: Db,
	actor: Actor,
	teamId: string,
	linkId: string,
	now: Date
): Promise<ServiceResult<object>> {
	return database.transaction().execute(async (trx) => {
		const link = await getTeamLink(trx, teamId, linkId);
		if (!link) return refuse('_form', 'measure_feedback_link_not_found');
		if (feedbackLinkStatus(link, now) !== 'open') return refuse('_form', 'measure_feedback_link_not_open');
		const summary: AuditWording =
			link.kind === 'case'
				? { code: 'measure_audit_feedback_link_closed_case', params: { reference: link.case_reference ?? '' } }
				: { code: 'measure_audit_feedback_link_closed_standing' };
		if (!(await closeOpenLink(trx, actor, link.id, summary, now)))
			return refuse('_form', 'measure_feedback_link_not_open');
		return { ok: true as const };
	});
}

/** What the public page may know about a link: never its requester or other answers. */
export interface PublicLink {
	id: string;
	kind: FeedbackLinkKind;
	teamName: string;
	caseReference: string | null;
}

export type LinkLookup = { status: FeedbackLinkStatus; link: PublicLink } | { status: 'unknown' };

/** Finds a link by the raw token in its URL and says whether it takes an answer now. */
export async function lookupLink(database: Db, token: string, now: Date): Promise<LinkLookup> {
	const link = await findLinkByToken(database, token);
	if (!link) return { status: 'unknown' };
	return {
		status: feedbackLinkStatus(link, now),
		link: { id: link.id, kind: link.kind, teamName: link.team_name, caseReference: link.case_reference }
	};
}

/** Who sends an answer: the person signed in, if anyone, and the client's address. */
export interface Sender {
	/**
	 * Standing links need it, and use it only to count the person once a month (see respondent.ts).
	 * Case answers ignore it: they stay anonymous, as the requester was promised.
	 */
	personId: string | null;
	address: string;
}

export type SubmitOutcome =
	| { ok: true; kind: FeedbackLinkKind; replaced: boolean }
	| { ok: false; reason: Exclude<FeedbackLinkStatus, 'open'> | 'unknown' | 'sign_in' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/** Answers are limited per client address over an hour, across every link (see config.ts for how many). */
const ANSWER_THROTTLE = 'feedback-answer';
const ANSWER_WINDOW_MS = 60 * 60_000;

function answerLimit(): ThrottleLimit {
	return { windowMs: ANSWER_WINDOW_MS, maxFailures: config.feedbackAnswersPerAddress };
}

function answerColumns(answer: Answer, linkId: string, at: string) {
	return {
		link_id: linkId,
		score: answer.score,
		reasons: JSON.stringify(answer.reasons),
		comment: answer.comment,
		minutes_lost: answer.minutesLost,
		submitted_at: at
	};
}

/**
 * Stores one answer, in one transaction with the throttle's count of it.
 *
 * A case link takes one answer: the conditional update on `answered_at` is its first write, which
 * takes the write lock, and only the submission that changes the row inserts a response, so two
 * answers racing for one case (in one process or several) store one.
 *
 * A standing link takes one answer per signed-in person, team and month: the answer carries the
 * person's respondent key, and a second answer that month replaces the first in place (an upsert
 * on the key's unique index, so racing answers also leave one). Replacing rather than refusing
 * lets someone correct a hurried answer, and still counts them once.
 */
export async function submitAnswer(
	database: Db,
	token: string,
	answer: Answer,
	now: Date,
	sender: Sender
): Promise<SubmitOutcome> {
	const link = await findLinkByToken(database, token);
	if (!link) return { ok: false, reason: 'unknown' };
	const status = feedbackLinkStatus(link, now);
	if (status !== 'open') return { ok: false, reason: status };
	const personId = link.kind === 'standing' ? sender.personId : null;
	if (link.kind === 'standing' && personId === null) return { ok: false, reason: 'sign_in' };
	const at = now.toISOString();
	const secret = config.feedbackRespondentSecret;
	const address = answerAddressKey(secret, sender.address);
	return database.transaction().execute(async (trx): Promise<SubmitOutcome> => {
		const limit = answerLimit();
		const recent = await throttledEventsSince(trx, ANSWER_THROTTLE, address, new Date(now.getTime() - limit.windowMs));
		const throttle = decideThrottle(recent, now, limit);
		if (throttle.blocked) return { ok: false, reason: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };

		let replaced = false;
		if (personId === null) {
			// A case link: standing links have a person by now.
			if (!(await claimCaseLink(trx, link.id, at))) {
				const after = feedbackLinkStatus(await linkStatusFields(trx, link.id), now);
				return { ok: false, reason: after === 'open' ? 'answered' : after };
			}
			await insertAnswer(trx, {
				id: newId(),
				team_id: link.team_id,
				respondent_key: null,
				...answerColumns(answer, link.id, at)
			});
		} else {
			// The month the answer counts towards in every roll-up, so a replacement never moves it.
			const key = respondentKey(secret, { personId, teamId: link.team_id, month: monthOfInstant(at) });
			replaced = (await findAnswerByRespondent(trx, key)) !== undefined;
			const columns = answerColumns(answer, link.id, at);
			await saveAnswerOfRespondent(
				trx,
				{ id: newId(), team_id: link.team_id, respondent_key: key, ...columns },
				columns
			);
		}
		await recordThrottledEvent(trx, ANSWER_THROTTLE, address, now, limit.windowMs);
		return { ok: true, kind: link.kind, replaced };
	});
}

/**
 * What a signed-in person already answered through a standing link this month, so the form can show
 * it back to them before they change it. Nobody else's answer can be found this way: the key needs
 * the person's own id.
 */
export async function earlierAnswer(
	database: Db,
	token: string,
	personId: string,
	now: Date
): Promise<{ answer: Answer; submittedAt: string } | null> {
	const link = await findLinkByToken(database, token);
	if (!link || link.kind !== 'standing') return null;
	const key = respondentKey(config.feedbackRespondentSecret, {
		personId,
		teamId: link.team_id,
		month: monthOfInstant(now.toISOString())
	});
	const row = await findAnswerByRespondent(database, key);
	if (!row) return null;
	return {
		answer: {
			score: row.score,
			reasons: storedReasons(row.reasons),
			comment: row.comment,
			minutesLost: row.minutes_lost
		},
		submittedAt: row.submitted_at
	};
}

export interface MonthMeasures extends ExperienceMeasures {
	month: string;
}

/**
 * A team's experience measures for `count` months ending with `lastMonth`, oldest first. Each
 * month's average and net score are hidden below the anonymity threshold (see rules.ts).
 */
export async function experienceTrend(
	database: Db,
	teamId: string,
	lastMonth: string,
	count: number
): Promise<MonthMeasures[]> {
	const months = periodsEndingWith(lastMonth, count);
	const scores = (await monthlyCaseScores(database, [teamId], months)).get(teamId);
	return months.map((month) => ({ month, ...experienceMeasures(scores?.get(month) ?? []) }));
}

/**
 * Case feedback a team received between two instants, as the weekly note to its managers needs
 * it: the count always, the average and net score only from the anonymity threshold up.
 */
export async function feedbackReceivedBetween(database: Db, from: string, to: string) {
	const rows = await database
		.selectFrom('case_feedback')
		.innerJoin('teams', 'teams.id', 'case_feedback.team_id')
		.select(['case_feedback.team_id', 'case_feedback.score', 'teams.name as team'])
		.where('case_feedback.submitted_at', '>=', from)
		.where('case_feedback.submitted_at', '<', to)
		.execute();
	const byTeam = new Map<string, { team: string; scores: number[] }>();
	for (const row of rows) {
		const entry = byTeam.get(row.team_id) ?? { team: row.team, scores: [] };
		entry.scores.push(row.score);
		byTeam.set(row.team_id, entry);
	}
	return [...byTeam.entries()].map(([teamId, { team, scores }]) => ({
		teamId,
		team,
		...experienceMeasures(scores)
	}));
}
