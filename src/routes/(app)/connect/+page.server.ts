import { requireActor } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { myPairs } from '$lib/server/buddies/pairs';
import { calendarDate } from '$lib/server/learning/rules';
import { lunchSessionList } from '$lib/server/lunch-and-learn/service';
import { recognitionWall } from '$lib/server/recognition/service';
import { openSlots, visitsOf } from '$lib/server/shadowing/service';
import { CONNECT_KINDS, waitingFor } from '$lib/server/waiting';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireActor(locals);
	const now = new Date();
	const [sessions, recent, mine, slots, visits, pairs, waiting] = await Promise.all([
		lunchSessionList(db(), actor.id, now),
		recognitionWall(db(), {}, { limit: 3, offset: 0 }),
		recognitionWall(db(), { personId: actor.id }, { limit: 3, offset: 0 }),
		openSlots(db(), actor, {}, now),
		visitsOf(db(), actor.id),
		myPairs(db(), actor.id, calendarDate(now, actor.timeZone)),
		waitingFor(db(), actor, now)
	]);
	const upcomingVisits = visits.filter(
		(v) => v.ends_at > now.toISOString() && ['pending_manager', 'pending_host', 'confirmed'].includes(v.status)
	);
	return {
		waiting: waiting.filter((w) => CONNECT_KINDS.includes(w.kind)),
		buddies: pairs.filter((p) => p.current),
		openSlots: slots.filter((s) => s.taken < s.capacity && s.team_id !== locals.user?.teamId).length,
		upcomingVisits,
		sessions: sessions.upcoming.filter((s) => !s.cancelled_at).slice(0, 3),
		recent: recent.entries,
		mine: mine.entries,
		received: mine.total,
		timeZone: actor.timeZone
	};
};
