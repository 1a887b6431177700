/** Pure rules for buddy pairs: health from the meeting log, and a first agenda from both profiles. */

import type { AgendaItem } from '../../buddies';
import { instantToZoned } from '../../time';

export const QUIET_AFTER_WEEKS = 3;

export type PairHealth = { state: 'never_met' } | { state: 'quiet'; weeks: number } | { state: 'on_track' };

/** Never met; quiet when the last meeting is three or more weeks back; otherwise on track. */
export function pairHealth(meetings: readonly { met: number; met_on: string }[], today: string): PairHealth {
	const met = meetings
		.filter((m) => m.met === 1)
		.map((m) => m.met_on)
		.sort();
	const last = met.at(-1);
	if (!last) return { state: 'never_met' };
	const weeks = Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${last}T00:00:00Z`)) / (7 * 86_400_000));
	return weeks >= QUIET_AFTER_WEEKS ? { state: 'quiet', weeks } : { state: 'on_track' };
}

interface Profile {
	name: string;
	goals: string;
	learn: readonly string[];
	offer: readonly string[];
}

/**
 * A first meeting's agenda: introductions, then what each can teach the other, then a next step.
 * Items are data; the page words them (`agendaItemText`).
 */
export function suggestedAgenda(a: Profile, b: Profile): AgendaItem[] {
	const lower = (list: readonly string[]) => list.map((t) => t.toLowerCase());
	const teaches = (from: Profile, to: Profile) => from.offer.filter((t) => lower(to.learn).includes(t.toLowerCase()));
	const agenda: AgendaItem[] = [{ kind: 'introductions' }];
	const ab = teaches(a, b);
	const ba = teaches(b, a);
	if (ab.length) agenda.push({ kind: 'shows', from: a.name, to: b.name, topics: ab });
	if (ba.length) agenda.push({ kind: 'shows', from: b.name, to: a.name, topics: ba });
	if (!ab.length && !ba.length) agenda.push({ kind: 'walk_through' });
	agenda.push({ kind: 'goals' }, { kind: 'next_meeting' });
	return agenda;
}

/**
 * Planned meetings of a pair that have ended with nothing logged for them: no meeting in the log
 * dated on or after the plan's day (in the person's time zone). Logging any later meeting, met or
 * not, answers the plan.
 */
export function unloggedPlans<
	P extends { pair_id: string; starts_at: string; ends_at: string; cancelled_at: string | null }
>(plans: readonly P[], meetings: readonly { pair_id: string; met_on: string }[], now: Date, timeZone: string): P[] {
	return plans.filter((plan) => {
		if (plan.cancelled_at !== null || plan.ends_at > now.toISOString()) return false;
		const day = instantToZoned(new Date(plan.starts_at), timeZone).date;
		return !meetings.some((m) => m.pair_id === plan.pair_id && m.met_on >= day);
	});
}

/** The fit check waits on a member once the pair has met and until they have given it. */
export function fitCheckDue(
	pairId: string,
	personId: string,
	meetings: readonly { pair_id: string; met: number }[],
	fits: readonly { pair_id: string; person_id: string }[]
): boolean {
	return (
		meetings.some((m) => m.pair_id === pairId && m.met === 1) &&
		!fits.some((f) => f.pair_id === pairId && f.person_id === personId)
	);
}
