/** Pure rules for job shadowing: what holds a place, overlaps, blackouts and the approval path. */
import type { VisitStatus } from '../db/schema';

/** Statuses that hold a place on the slot and count towards overlaps. */
export const ACTIVE_STATUSES: readonly VisitStatus[] = ['pending_manager', 'pending_host', 'confirmed'];

export function isActive(status: VisitStatus): boolean {
	return ACTIVE_STATUSES.includes(status);
}

/** Two time ranges overlap when each starts before the other ends (touching ends do not). */
export function overlaps(aStart: string, aEnd: string, bStart: string, bEnd: string): boolean {
	return aStart < bEnd && bStart < aEnd;
}

/** The blackout covering a calendar date (YYYY-MM-DD, in the host team's zone), if any. */
export function blackoutOn<T extends { starts_on: string; ends_on: string }>(
	date: string,
	blackouts: readonly T[]
): T | undefined {
	return blackouts.find((b) => b.starts_on <= date && date <= b.ends_on);
}

/**
 * Where a new request starts: with the visitor's manager when they have one, then with the host
 * team unless it accepts approved requests automatically.
 */
export function initialStatus(hasManager: boolean, autoAccept: boolean): VisitStatus {
	if (hasManager) return 'pending_manager';
	return autoAccept ? 'confirmed' : 'pending_host';
}

export function statusAfterManagerApproval(autoAccept: boolean): VisitStatus {
	return autoAccept ? 'confirmed' : 'pending_host';
}

/** Reflections and host feedback come after a confirmed visit has ended. */
export function hasHappened(visit: { status: VisitStatus; ends_at: string }, now: Date): boolean {
	return visit.status === 'confirmed' && visit.ends_at <= now.toISOString();
}
