/**
 * How each kind of notification reads, worded when it is read (in the app, or when its email is
 * written) in the reader's language and time zone: callers run these inside `inLocale`, so
 * messages and formatters speak the reader's language. Stored params are data only.
 */
import { formatCalendarDate, formatDateTime } from '../../locale';
import { m } from '../../paraglide/messages.js';
import { explanationText, type ExplanationLine } from '../../buddies';
import { formatInteger, formatList, joinSentences } from '../../intl';
import { periodLabel } from '../../periods';
import { formatNumber } from '../../measure';
import { findModule, findPath } from '../learning/content';
import { getLocale } from '../../paraglide/runtime.js';
import { isNotificationKind, type InEachLanguage, type NotificationKind, type ParamsOf } from './kinds';

export interface Wording {
	/** One line: the in-app headline and the email's subject. */
	title: string;
	/** A sentence or two of detail. */
	body: string;
	/** The label of the link to the object. */
	action: string;
}

export interface ReaderContext {
	timeZone: string;
}

const itemTitle = (item: string) => {
	const [kind, slug] = item.split(':') as ['module' | 'path', string];
	return (kind === 'module' ? findModule(slug)?.title : findPath(slug)?.title) ?? slug;
};

const at = (iso: string, r: ReaderContext) => formatDateTime(iso, r.timeZone);

/** A stored text in the reader's language, else English, else any. */
const inReadersLanguage = (text: InEachLanguage) =>
	text[getLocale()] ?? text.en ?? Object.values(text).find(Boolean) ?? '';

/** Why two people were matched, and what to talk about first. */
const pairedBody = (reasons: readonly ExplanationLine[]) =>
	joinSentences([
		...(reasons.length ? [m.notify_buddy_paired_why({ reasons: formatList(reasons.map(explanationText)) })] : []),
		m.notify_buddy_paired_agenda()
	]);

const wordings: { [K in NotificationKind]: (p: ParamsOf<K>, r: ReaderContext) => Wording } = {
	'learning.assigned': (p) => ({
		title: m.notify_learning_assigned_title({ title: itemTitle(p.item) }),
		body: p.note
			? m.notify_learning_assigned_body_note({ by: p.by, due: formatCalendarDate(p.due), note: p.note })
			: m.notify_learning_assigned_body({ by: p.by, due: formatCalendarDate(p.due) }),
		action: m.notify_action_open_learning()
	}),
	'learning.due_soon': (p) => ({
		title:
			p.days === 1
				? m.notify_learning_due_tomorrow_title({ title: itemTitle(p.item) })
				: m.notify_learning_due_soon_title({ title: itemTitle(p.item), days: p.days }),
		body: m.notify_learning_due_body({ due: formatCalendarDate(p.due) }),
		action: m.notify_action_continue_learning()
	}),
	'learning.overdue': (p) => ({
		title: m.notify_learning_overdue_title({ title: itemTitle(p.item) }),
		body: m.notify_learning_overdue_body({ due: formatCalendarDate(p.due), days: p.days }),
		action: m.notify_action_continue_learning()
	}),
	'learning.member_overdue': (p) => ({
		title: m.notify_learning_member_overdue_title({ member: p.member, title: itemTitle(p.item) }),
		body: m.notify_learning_member_overdue_body({ member: p.member, due: formatCalendarDate(p.due), days: p.days }),
		action: m.notify_action_team_learning()
	}),
	'shadowing.approval_needed': (p, r) => ({
		title: m.notify_visit_approval_needed_title({ visitor: p.visitor }),
		body: m.notify_visit_approval_needed_body({ visitor: p.visitor, team: p.team, when: at(p.starts_at, r) }),
		action: m.notify_action_review_request()
	}),
	'shadowing.confirmation_needed': (p, r) => ({
		title: m.notify_visit_confirmation_needed_title({ visitor: p.visitor }),
		body: m.notify_visit_confirmation_needed_body({ visitor: p.visitor, team: p.team, when: at(p.starts_at, r) }),
		action: m.notify_action_review_request()
	}),
	'shadowing.approved': (p, r) => ({
		title: m.notify_visit_approved_title({ team: p.team }),
		body: m.notify_visit_approved_body({ team: p.team, when: at(p.starts_at, r) }),
		action: m.notify_action_open_visit()
	}),
	'shadowing.confirmed': (p, r) => ({
		title: m.notify_visit_confirmed_title({ team: p.team }),
		body: m.notify_visit_confirmed_body({ team: p.team, when: at(p.starts_at, r) }),
		action: m.notify_action_open_visit()
	}),
	'shadowing.day_before': (p, r) => ({
		title:
			p.role === 'host'
				? m.notify_visit_tomorrow_host_title({ visitor: p.visitor })
				: m.notify_visit_tomorrow_visitor_title({ team: p.team }),
		body: m.notify_visit_tomorrow_body({ when: at(p.starts_at, r) }),
		action: m.notify_action_open_visit()
	}),
	'shadowing.reflection_due': (p) => ({
		title: p.again
			? m.notify_visit_reflection_again_title({ team: p.team })
			: m.notify_visit_reflection_title({ team: p.team }),
		body: m.notify_visit_reflection_body(),
		action: m.notify_action_write_reflection()
	}),
	'shadowing.feedback_due': (p) => ({
		title: p.again
			? m.notify_visit_feedback_again_title({ visitor: p.visitor })
			: m.notify_visit_feedback_title({ visitor: p.visitor }),
		body: m.notify_visit_feedback_body({ visitor: p.visitor }),
		action: m.notify_action_write_feedback()
	}),
	'shadowing.declined': (p, r) => ({
		title: m.notify_visit_declined_title({ team: p.team }),
		body: p.reason
			? m.notify_visit_declined_body_reason({ when: at(p.starts_at, r), reason: p.reason })
			: m.notify_visit_declined_body({ when: at(p.starts_at, r) }),
		action: m.notify_action_find_slot()
	}),
	'shadowing.cancelled': (p, r) => ({
		title: m.notify_visit_cancelled_title({ visitor: p.visitor }),
		body: m.notify_visit_cancelled_body({ visitor: p.visitor, team: p.team, when: at(p.starts_at, r) }),
		action: m.notify_action_open_visit()
	}),
	'shadowing.host_left': (p, r) =>
		p.role === 'manager'
			? {
					title: m.notify_visit_host_left_manager_title({ visitor: p.visitor, team: p.team }),
					body: m.notify_visit_host_left_manager_body({ visitor: p.visitor, team: p.team, when: at(p.starts_at, r) }),
					action: m.notify_action_open_visit()
				}
			: {
					title: m.notify_visit_host_left_title({ team: p.team }),
					body: m.notify_visit_host_left_body({ when: at(p.starts_at, r) }),
					action: m.notify_action_find_slot()
				},
	'shadowing.calendar_cancelled': (p, r) => ({
		title: m.notify_visit_calendar_cancelled_title({ team: p.team }),
		body: m.notify_visit_calendar_cancelled_body({ team: p.team, when: at(p.starts_at, r) }),
		action: m.notify_action_find_slot()
	}),
	'sessions.booked': (p, r) => ({
		title: m.notify_session_booked_title({ topic: p.topic }),
		body: m.notify_session_booked_body({ when: at(p.starts_at, r) }),
		action: m.notify_action_open_session()
	}),
	'sessions.reminder': (p, r) => ({
		title: m.notify_session_tomorrow_title({ topic: p.topic }),
		body: m.notify_session_tomorrow_body({ when: at(p.starts_at, r) }),
		action: m.notify_action_open_session()
	}),
	'sessions.waitlisted': (p, r) => ({
		title: m.notify_session_waitlisted_title({ topic: p.topic }),
		body: m.notify_session_waitlisted_body({ when: at(p.starts_at, r) }),
		action: m.notify_action_open_session()
	}),
	'sessions.promoted': (p, r) => ({
		title: m.notify_session_promoted_title({ topic: p.topic }),
		body: m.notify_session_promoted_body({ when: at(p.starts_at, r) }),
		action: m.notify_action_open_session()
	}),
	'sessions.cancelled': (p, r) => ({
		title: m.notify_session_cancelled_title({ topic: p.topic }),
		body: m.notify_session_cancelled_body({ when: at(p.starts_at, r) }),
		action: m.notify_action_find_session()
	}),
	'sessions.calendar_cancelled': (p, r) => ({
		title: m.notify_session_place_given_up_title({ topic: p.topic }),
		body: m.notify_session_place_given_up_body({ when: at(p.starts_at, r) }),
		action: m.notify_action_find_session()
	}),
	'buddies.paired': (p) => ({
		title: m.notify_buddy_paired_title({ cycle: p.cycle, buddies: formatList(p.buddies) }),
		body: pairedBody(p.reasons),
		action: m.notify_action_plan_meeting()
	}),
	'buddies.repaired': (p) => ({
		title: m.notify_buddy_repaired_title({ cycle: p.cycle, buddies: formatList(p.buddies) }),
		body: joinSentences([m.notify_buddy_repaired_body(), pairedBody(p.reasons)]),
		action: m.notify_action_plan_meeting()
	}),
	'buddies.fit_check': (p) => ({
		title: m.notify_buddy_fit_title({ buddies: formatList(p.buddies) }),
		body: m.notify_buddy_fit_body(),
		action: m.notify_action_open_pair()
	}),
	'buddies.no_meeting': (p) => ({
		title: p.owner
			? m.notify_buddy_no_meeting_owner_title({ buddies: formatList(p.buddies), cycle: p.cycle })
			: m.notify_buddy_no_meeting_title({ buddies: formatList(p.buddies) }),
		body: p.owner ? m.notify_buddy_no_meeting_owner_body() : m.notify_buddy_paired_agenda(),
		action: p.owner ? m.notify_action_open_pair() : m.notify_action_plan_meeting()
	}),
	'buddies.quiet': (p) => ({
		title: m.notify_buddy_quiet_title({ buddies: formatList(p.buddies) }),
		body: m.notify_buddy_quiet_body({ weeks: p.weeks }),
		action: m.notify_action_plan_meeting()
	}),
	'buddies.repair_requested': (p) => ({
		title: m.notify_buddy_repair_title({ person: p.person, cycle: p.cycle }),
		body: m.notify_buddy_repair_body({ person: p.person, buddies: formatList(p.buddies) }),
		action: m.notify_action_open_cycle()
	}),
	'buddies.meeting_planned': (p, r) => ({
		title: m.notify_buddy_meeting_planned_title({ by: p.by }),
		body: m.notify_buddy_meeting_when({ when: at(p.starts_at, r) }),
		action: m.notify_action_open_pair()
	}),
	'buddies.meeting_cancelled': (p, r) => ({
		title: m.notify_buddy_meeting_cancelled_title({ by: p.by }),
		body: m.notify_buddy_meeting_cancelled_body({ when: at(p.starts_at, r) }),
		action: m.notify_action_open_pair()
	}),
	'buddies.meeting_calendar': (p, r) => ({
		title: p.cancelled ? m.notify_buddy_meeting_own_cancelled_title() : m.notify_buddy_meeting_own_planned_title(),
		body: m.notify_buddy_meeting_when({ when: at(p.starts_at, r) }),
		action: m.notify_action_open_pair()
	}),
	'learning.new_version': (p) => ({
		title: m.notify_learning_new_version_title({ title: itemTitle(`module:${p.module}`) }),
		body: m.notify_learning_new_version_body(),
		action: m.notify_action_see_changes()
	}),
	'learning.completed': (p) => ({
		title: m.notify_learning_completed_title({ title: itemTitle(`module:${p.module}`) }),
		body: m.notify_learning_completed_body({ code: p.code }),
		action: m.notify_action_certificate()
	}),
	'measure.feedback_week': (p) => ({
		title: m.notify_feedback_week_title({ team: p.team, count: p.count }),
		body:
			p.average === null || p.netScore === null
				? m.notify_feedback_week_body_few()
				: m.notify_feedback_week_body({
						average: formatNumber(p.average, 1),
						net: formatNumber(p.netScore, 0)
					}),
		action: m.notify_action_open_feedback()
	}),
	'measure.metrics_missing': (p) => ({
		title: m.notify_metrics_missing_title({ team: p.team, month: periodLabel(p.month) }),
		body: m.notify_metrics_missing_body({
			missing: formatInteger(p.missing),
			total: formatInteger(p.total),
			month: periodLabel(p.month)
		}),
		action: m.notify_action_enter_metrics()
	}),
	'measure.scorecard_summary': (p) => ({
		title: m.notify_scorecard_summary_title({ unit: p.unit, month: periodLabel(p.month) }),
		body: joinSentences([
			m.notify_scorecard_summary_body({ teams: formatInteger(p.teams), offTarget: formatInteger(p.offTarget) }),
			p.watermelons.length === 0
				? m.notify_scorecard_summary_no_watermelons()
				: m.notify_scorecard_summary_watermelons({ count: p.watermelons.length, names: formatList(p.watermelons) })
		]),
		action: m.notify_action_open_scorecards()
	}),
	'measure.observation_recorded': (p) => ({
		title:
			p.source === 'manager'
				? m.notify_observation_by_manager_title({ author: p.author })
				: m.notify_observation_by_colleague_title({ author: p.author }),
		body: m.notify_observation_body({ behaviour: inReadersLanguage(p.behaviour) }),
		action: m.notify_action_read_observation()
	}),
	'measure.observation_response': (p) => ({
		title: m.notify_observation_response_title({ person: p.person }),
		body: m.notify_observation_response_body({ behaviour: inReadersLanguage(p.behaviour) }),
		action: m.notify_action_read_observation()
	}),
	'measure.recognition_received': (p) => ({
		title: m.notify_recognition_title({ from: p.from }),
		body: m.notify_recognition_body({ behaviour: inReadersLanguage(p.behaviour), message: p.message }),
		action: m.notify_action_open_recognition()
	}),
	'account.invitation': (p, r) => ({
		title: m.notify_account_invitation_title(),
		body: p.by
			? m.notify_account_invitation_body_by({ by: p.by, until: at(p.expires_at, r) })
			: m.notify_account_invitation_body({ until: at(p.expires_at, r) }),
		action: m.notify_action_accept_invitation()
	}),
	'account.password_changed': (p, r) => ({
		title: m.notify_account_password_changed_title(),
		body: m.notify_account_password_changed_body({ when: at(p.at, r) }),
		action: m.notify_action_open_profile()
	}),
	'account.sessions_ended': (p, r) => ({
		title: m.notify_account_sessions_ended_title(),
		body: m.notify_account_sessions_ended_body({ by: p.by, when: at(p.at, r) }),
		action: m.notify_action_sign_in()
	}),
	'directory.held': (p) => ({
		title: m.notify_directory_held_title({ directory: p.directory }),
		body: m.notify_directory_held_body({ percent: p.percent }),
		action: m.notify_action_review_held()
	}),
	'account.signed_in': (p, r) => ({
		title: m.notify_account_signed_in_title(),
		body: p.ip
			? m.notify_account_signed_in_body_from({ when: at(p.at, r), address: p.ip })
			: m.notify_account_signed_in_body({ when: at(p.at, r) }),
		action: m.notify_action_open_profile()
	})
};

/** Words a stored notification for its reader; call inside `inLocale`. */
export function wordNotification(kind: string, params: unknown, reader: ReaderContext): Wording | null {
	if (!isNotificationKind(kind)) return null;
	return (wordings[kind] as (p: unknown, r: ReaderContext) => Wording)(params, reader);
}
