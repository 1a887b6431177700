/**
 * The buddy programme's words, shared by pages and the server: topics, pair health, the fit check,
 * the matching explanations and a first meeting's agenda. Data carries codes and names; these
 * functions word them in the current language when a page is rendered.
 */
import { formatList } from './intl';
import { formatNumber } from './measure';
import { m } from './paraglide/messages.js';

/** The shared list of skills and topics people can learn or offer (stored as these values). */
export const buddyTopics = [
	'Excel',
	'Escalations',
	'Month-end close',
	'Supplier management',
	'Customer calls',
	'Complaints',
	'Payroll',
	'Reporting',
	'Data analysis',
	'Process improvement',
	'Writing clearly',
	'Presenting',
	'Coaching',
	'ERP systems',
	'Service desk tools',
	'Negotiation',
	'Planning and prioritising',
	'Onboarding new starters'
] as const;
export type BuddyTopic = (typeof buddyTopics)[number];

const topicLabels: Record<BuddyTopic, () => string> = {
	Excel: m.connect_topic_excel,
	Escalations: m.connect_topic_escalations,
	'Month-end close': m.connect_topic_month_end_close,
	'Supplier management': m.connect_topic_supplier_management,
	'Customer calls': m.connect_topic_customer_calls,
	Complaints: m.connect_topic_complaints,
	Payroll: m.connect_topic_payroll,
	Reporting: m.connect_topic_reporting,
	'Data analysis': m.connect_topic_data_analysis,
	'Process improvement': m.connect_topic_process_improvement,
	'Writing clearly': m.connect_topic_writing_clearly,
	Presenting: m.connect_topic_presenting,
	Coaching: m.connect_topic_coaching,
	'ERP systems': m.connect_topic_erp_systems,
	'Service desk tools': m.connect_topic_service_desk_tools,
	Negotiation: m.connect_topic_negotiation,
	'Planning and prioritising': m.connect_topic_planning,
	'Onboarding new starters': m.connect_topic_onboarding
};

/** A topic in the current language; a value that is not (or no longer) in the list shows as stored. */
export function buddyTopicLabel(topic: string): string {
	const known = buddyTopics.find((t) => t.toLowerCase() === topic.trim().toLowerCase());
	return known ? topicLabels[known]() : topic;
}

/** Items after a label or in a tag line ("Wants to learn: Excel, Payroll"), with the language's separator. */
export function listed(items: readonly string[]): string {
	return items.join(m.connect_list_separator());
}

export type PairHealthState = 'never_met' | 'quiet' | 'on_track';

export function pairHealthLabel(state: PairHealthState): string {
	switch (state) {
		case 'never_met':
			return m.connect_health_never_met();
		case 'quiet':
			return m.connect_health_quiet();
		case 'on_track':
			return m.connect_health_on_track();
	}
}

/** The health with how long a quiet pair has been quiet: "Gone quiet for 4 weeks". */
export function pairHealthText(health: { state: PairHealthState; weeks?: number }): string {
	return health.state === 'quiet' && health.weeks !== undefined
		? m.connect_health_quiet_for({ count: health.weeks })
		: pairHealthLabel(health.state);
}

/**
 * The health labels by state, worded when read. Kept for pages outside Connect that index by state;
 * new code calls `pairHealthLabel`.
 */
export const healthLabel = {
	get never_met() {
		return pairHealthLabel('never_met');
	},
	get quiet() {
		return pairHealthLabel('quiet');
	},
	get on_track() {
		return pairHealthLabel('on_track');
	}
} as const;

/** The fit check's answers, in the order the form offers them. */
export const fitAnswers = ['good', 'unsure', 'repair'] as const;
export type FitAnswer = (typeof fitAnswers)[number];

export function fitLabel(fit: FitAnswer): string {
	switch (fit) {
		case 'good':
			return m.connect_fit_good();
		case 'unsure':
			return m.connect_fit_unsure();
		case 'repair':
			return m.connect_fit_repair();
	}
}

/** Why a pair scored what it did: one line of the matching's explanation, as data. */
export type ScoreReason =
	| { code: 'cross_kind' }
	| { code: 'topics'; topics: string[] }
	| { code: 'interests'; interests: string[] }
	| { code: 'overlap'; minutes: number }
	| { code: 'paired_before'; cycle: string }
	| { code: 'locked' }
	| { code: 'locked_despite_rules' };

/**
 * A line of a stored explanation: the reason as data, and in a trio the two people it is about.
 * Proposals stored before explanations were data carry an English `reason` instead.
 */
export type ExplanationLine =
	{ points: number; why: ScoreReason; between?: [string, string] } | { points: number; reason: string };

function reasonText(why: ScoreReason): string {
	switch (why.code) {
		case 'cross_kind':
			return m.connect_match_cross_kind();
		case 'topics':
			return m.connect_match_topics({ count: why.topics.length, topics: listed(why.topics.map(buddyTopicLabel)) });
		case 'interests':
			// Interests are what people typed: shown as they wrote them.
			return m.connect_match_interests({ count: why.interests.length, interests: listed(why.interests) });
		case 'overlap':
			return m.connect_match_overlap({ hours: formatNumber(why.minutes / 60, 2) });
		case 'paired_before':
			return m.connect_match_paired_before({ cycle: why.cycle });
		case 'locked':
			return m.connect_match_locked();
		case 'locked_despite_rules':
			return m.connect_match_locked_despite_rules();
	}
}

/** One line of a pair's explanation in words: "complementary topics: Excel, Customer calls". */
export function explanationText(line: ExplanationLine): string {
	if (!('why' in line)) return line.reason;
	const text = reasonText(line.why);
	return line.between
		? m.connect_match_between({ first: line.between[0], second: line.between[1], reason: text })
		: text;
}

/** Points as the explanation shows them: signed, in the current locale ("+3", "-1.5"). */
export function signedPoints(points: number): string {
	return points > 0 ? `+${formatNumber(points, 2)}` : formatNumber(points, 2);
}

/** One item of a first meeting's agenda, as data (see `suggestedAgenda` on the server). */
export type AgendaItem =
	| { kind: 'introductions' }
	| { kind: 'shows'; from: string; to: string; topics: string[] }
	| { kind: 'walk_through' }
	| { kind: 'goals' }
	| { kind: 'next_meeting' };

export function agendaItemText(item: AgendaItem): string {
	switch (item.kind) {
		case 'introductions':
			return m.connect_agenda_introductions();
		case 'shows':
			return m.connect_agenda_shows({
				from: item.from,
				to: item.to,
				topics: formatList(item.topics.map(buddyTopicLabel))
			});
		case 'walk_through':
			return m.connect_agenda_walk_through();
		case 'goals':
			return m.connect_agenda_goals();
		case 'next_meeting':
			return m.connect_agenda_next_meeting();
	}
}
