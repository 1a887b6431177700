import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { listBehaviours } from '$lib/server/behaviours/queries';
import { findModule } from '$lib/server/learning/content';
import { listAttempts, practiceOf, reflectionsOf } from '$lib/server/learning/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals);
	const mod = findModule(params.module)!;
	const [attempts, reflections, practice, allBehaviours] = await Promise.all([
		listAttempts(db(), user.id, mod.slug),
		reflectionsOf(db(), user.id, mod.slug),
		practiceOf(db(), user.id, mod.slug),
		listBehaviours(db())
	]);
	const behaviours = allBehaviours.filter((b) => mod.behaviours.includes(b.slug));
	return {
		behaviours,
		bestScore: attempts.reduce((best, a) => Math.max(best, a.score), -1),
		passedCheck: attempts.some((a) => a.passed === 1 && a.module_version.split('.')[0] === mod.version.split('.')[0]),
		attemptCount: attempts.length,
		reflectionCount: reflections.filter((r) => r.body.trim()).length,
		promptCount: mod.reflections.length,
		practice: { title: mod.practice.title, description: mod.practice.description, done: practice[0] ?? null },
		timeZone: user.timeZone
	};
};
