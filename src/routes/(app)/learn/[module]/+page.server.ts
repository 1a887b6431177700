import { db } from '$lib/server/db';
import { behavioursBuiltBy } from '$lib/server/behaviours/directory';
import { findModule } from '$lib/server/learning/content';
import { lessonOutline, moduleProgress, moduleStates } from '$lib/server/learning/service';
import { requireActor } from '$lib/server/policy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	// The layout has already answered 404 for a module that does not exist.
	const mod = findModule(params.module)!;
	const [progress, behaviours, lessons, states] = await Promise.all([
		moduleProgress(db(), actor.id, mod),
		behavioursBuiltBy(db(), mod.behaviours),
		lessonOutline(db(), actor.id, mod),
		moduleStates(db(), actor.id)
	]);
	return {
		lessons,
		state: states.get(mod.slug)!,
		about: { summary: mod.summary, objectives: mod.objectives, minutes: mod.minutes, version: mod.version },
		references: mod.references,
		behaviours,
		bestScore: progress.bestScore,
		passedCheck: progress.passedCheck,
		attemptCount: progress.attemptCount,
		attempts: progress.attempts.slice(0, 5),
		reflectionCount: progress.reflectionCount,
		promptCount: mod.reflections.length,
		practice: { title: mod.practice.title, description: mod.practice.description, done: progress.practiceDone },
		timeZone: actor.timeZone
	};
};
