import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { sessionList } from '$lib/server/lunch/service';
import { recognitionWall } from '$lib/server/recognition/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	const [sessions, recent, mine] = await Promise.all([
		sessionList(db(), user.id, new Date()),
		recognitionWall(db(), {}, { limit: 3, offset: 0 }),
		recognitionWall(db(), { personId: user.id }, { limit: 3, offset: 0 })
	]);
	return { sessions: sessions.upcoming.filter((s) => !s.cancelled_at).slice(0, 3), recent: recent.entries, mine: mine.entries, received: mine.total, timeZone: user.timeZone };
};
