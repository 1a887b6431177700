import { error } from '@sveltejs/kit';
import { requireActor } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { findModule } from '$lib/server/learning/content';
import { lessonsDone, moduleStates } from '$lib/server/learning/service';
import type { LayoutServerLoad } from './$types';

/** What every page of a module needs: its outline (never the check's key) and the learner's state. */
export const load: LayoutServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const mod = findModule(params.module);
	if (!mod) error(404, 'We could not find that module.');
	const [states, done] = await Promise.all([moduleStates(db(), actor.id), lessonsDone(db(), actor.id, mod.slug)]);
	return {
		module: {
			slug: mod.slug,
			title: mod.title,
			summary: mod.summary,
			audience: mod.audience,
			objectives: mod.objectives,
			minutes: mod.minutes,
			behaviours: mod.behaviours,
			version: mod.version,
			questionCount: mod.check.questions.length,
			passMark: mod.check.passMark,
			lessons: mod.lessons.map((l) => ({
				slug: l.slug,
				number: l.number,
				title: l.title,
				minutes: l.minutes,
				done: done.has(l.slug)
			}))
		},
		state: states.get(mod.slug)!
	};
};
