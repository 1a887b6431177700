import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { myPairs } from '$lib/server/buddies/pairs';
import { calendarDate } from '$lib/server/learning/rules';
import { sessionList } from '$lib/server/lunch/service';
import { recognitionWall } from '$lib/server/recognition/service';
import { browseSlots, visitsOf } from '$lib/server/shadowing/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	const now = new Date();
	const [sessions, recent, mine, slots, visits, pairs] = await Promise.all([
		sessionList(db(), user.id, now),
		recognitionWall(db(), {}, { limit: 3, offset: 0 }),
		recognitionWall(db(), { personId: user.id }, { limit: 3, offset: 0 }),
		browseSlots(db(), {}, user.id, now),
		visitsOf(db(), user.id),
		myPairs(db(), user.id, calendarDate(now, user.timeZone))
	]);
	const upcomingVisits = visits.filter(
		(v) => v.ends_at > now.toISOString() && ['pending_manager', 'pending_host', 'confirmed'].includes(v.status)
	);
	return {
		buddies: pairs.filter((p) => p.current),
		openSlots: slots.filter((s) => s.taken < s.capacity && s.team_id !== user.teamId).length,
		upcomingVisits,
		sessions: sessions.upcoming.filter((s) => !s.cancelled_at).slice(0, 3),
		recent: recent.entries,
		mine: mine.entries,
		received: mine.total,
		timeZone: user.timeZone
	};
};
