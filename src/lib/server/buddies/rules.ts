/** Pure rules for buddy pairs: health from the meeting log, and a first agenda from both profiles. */

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

/** A first meeting's agenda: introductions, then what each can teach the other, then a next step. */
export function suggestedAgenda(a: Profile, b: Profile): string[] {
	const lower = (list: readonly string[]) => list.map((t) => t.toLowerCase());
	const teaches = (from: Profile, to: Profile) => from.offer.filter((t) => lower(to.learn).includes(t.toLowerCase()));
	const agenda = ['Ten minutes each: your team, who you serve, and what a good week looks like.'];
	const ab = teaches(a, b);
	const ba = teaches(b, a);
	if (ab.length) agenda.push(`${a.name} shows ${b.name} how they handle ${ab.join(', ')}.`);
	if (ba.length) agenda.push(`${b.name} shows ${a.name} how they handle ${ba.join(', ')}.`);
	if (!ab.length && !ba.length) agenda.push('Walk through one request that passes between your two teams, end to end.');
	agenda.push('Share your goals for the cycle and agree one thing to try before you next meet.');
	agenda.push('Put the next meeting in both calendars before you leave.');
	return agenda;
}
