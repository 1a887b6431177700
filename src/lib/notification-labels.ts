import { m } from './paraglide/messages';

/**
 * Names of notification categories, delivery statuses and the reasons Ripple records, as pages
 * show them (messages, worded when called). Codes stay in the database and in CSV files.
 */
export const categoryLabels: Record<string, () => string> = {
	learning: m.notify_category_learning,
	buddies: m.notify_category_buddies,
	shadowing: m.notify_category_shadowing,
	sessions: m.notify_category_sessions,
	measure: m.notify_category_measure,
	account: m.notify_category_account,
	digest: m.notify_category_digest
};

export const statusLabels: Record<string, () => string> = {
	queued: m.notify_status_queued,
	retrying: m.notify_status_retrying,
	sent: m.notify_status_sent,
	dead: m.notify_status_dead,
	not_sent: m.notify_status_not_sent,
	skipped: m.notify_status_skipped,
	withdrawn: m.notify_status_withdrawn
};

export const reasonLabels: Record<string, () => string> = {
	no_mail_server: m.notify_reason_no_mail_server,
	read_in_app: m.notify_reason_read_in_app,
	nothing_unread: m.notify_reason_nothing_unread,
	withdrawn: m.notify_reason_withdrawn,
	person_inactive: m.notify_reason_person_inactive,
	refused: m.notify_reason_refused,
	gave_up: m.notify_reason_gave_up,
	temporary_failure: m.notify_reason_temporary_failure,
	could_not_write: m.notify_reason_could_not_write,
	unknown_kind: m.notify_reason_unknown_kind,
	category_off: m.notify_reason_category_off
};

export const attemptLabels: Record<string, () => string> = {
	sent: m.notify_attempt_sent,
	temporary: m.notify_attempt_temporary,
	permanent: m.notify_attempt_permanent,
	not_sent: m.notify_attempt_not_sent
};

export const label = (labels: Record<string, () => string>, code: string | null) =>
	code === null ? '' : (labels[code]?.() ?? code);

/** The email modes a category can have, in the order forms offer them. */
export const emailModes = [
	{ value: 'immediate', label: m.notify_mode_immediate },
	{ value: 'daily', label: m.notify_mode_daily },
	{ value: 'weekly', label: m.notify_mode_weekly },
	{ value: 'off', label: m.notify_mode_off }
] as const;
