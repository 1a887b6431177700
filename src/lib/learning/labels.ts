import { m } from '../paraglide/messages';
import type { Audience } from './schemas';

/** Words for learning states, durations and audiences, shared by pages; each read when shown. */

export type LearningStatus = 'not_started' | 'in_progress' | 'completed' | 'earlier_version';
export type DueState = 'completed' | 'overdue' | 'due_soon' | 'upcoming';

export function learningStatusLabel(status: LearningStatus): string {
	switch (status) {
		case 'not_started':
			return m.learn_status_not_started();
		case 'in_progress':
			return m.learn_status_in_progress();
		case 'completed':
			return m.learn_status_completed();
		case 'earlier_version':
			return m.learn_status_earlier_version();
	}
}

export function dueStateLabel(status: DueState): string {
	switch (status) {
		case 'completed':
			return m.learn_due_completed();
		case 'overdue':
			return m.learn_due_overdue();
		case 'due_soon':
			return m.learn_due_due_soon();
		case 'upcoming':
			return m.learn_due_upcoming();
	}
}

export const learningStatuses: readonly LearningStatus[] = [
	'not_started',
	'in_progress',
	'completed',
	'earlier_version'
];

/**
 * The two label sets by state, for code that looks a state up by key (StatusBadge). Each property
 * is read when shown, in the current language; new code calls the functions above.
 */
export const statusLabel = {
	get not_started() {
		return learningStatusLabel('not_started');
	},
	get in_progress() {
		return learningStatusLabel('in_progress');
	},
	get completed() {
		return learningStatusLabel('completed');
	},
	get earlier_version() {
		return learningStatusLabel('earlier_version');
	}
} satisfies Record<LearningStatus, string>;

export const dueLabel = {
	get completed() {
		return dueStateLabel('completed');
	},
	get overdue() {
		return dueStateLabel('overdue');
	},
	get due_soon() {
		return dueStateLabel('due_soon');
	},
	get upcoming() {
		return dueStateLabel('upcoming');
	}
} satisfies Record<DueState, string>;

/** A duration for people: "45 min", "1 h 30 min", "2 h" (and "1 u 30 min", "1小时30分钟"). */
export function minutesLabel(minutes: number): string {
	if (minutes < 60) return m.learn_duration_minutes({ minutes });
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	return rest ? m.learn_duration_hours_minutes({ hours, minutes: rest }) : m.learn_duration_hours({ hours });
}

/** Who a module or path is written for. */
export function audienceLabel(audience: Audience): string {
	switch (audience) {
		case 'back_office':
			return m.learn_audience_back_office();
		case 'customer_facing':
			return m.learn_audience_customer_facing();
		case 'managers':
			return m.learn_audience_managers();
	}
}

/** The catalogue's duration filter: bands of a module's reading time. */
export type LengthBand = 'short' | 'medium' | 'long';

export function lengthLabel(band: LengthBand): string {
	switch (band) {
		case 'short':
			return m.learn_length_short();
		case 'medium':
			return m.learn_length_medium();
		case 'long':
			return m.learn_length_long();
	}
}
