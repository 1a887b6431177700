/** Words for learning states, shared by pages. */
export const statusLabel = {
	not_started: 'Not started',
	in_progress: 'In progress',
	completed: 'Completed',
	earlier_version: 'Completed an earlier version'
} as const;

export const dueLabel = {
	completed: 'Done',
	overdue: 'Overdue',
	due_soon: 'Due soon',
	upcoming: 'Upcoming'
} as const;

export function minutesLabel(minutes: number): string {
	if (minutes < 60) return `${minutes} min`;
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return m ? `${h} h ${m} min` : `${h} h`;
}
