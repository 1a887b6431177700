import { error } from '@sveltejs/kit';
import { requireActor } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { findModule } from '$lib/server/learning/content';
import { lessonsDone, moduleStates } from '$lib/server/learning/service';
import { PASS_MARK, QUESTIONS_PER_ATTEMPT } from '$lib/server/learning/rules';
import { packFor } from '$lib/server/learning/pack';
import type { LayoutServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

/** What every page of a module needs: its outline (never the check's key) and the learner's state. */
export const load: LayoutServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const mod = findModule(params.module);
	if (!mod) error(404, m.learn_module_not_found());
	const [states, done] = await Promise.all([moduleStates(db(), actor.id), lessonsDone(db(), actor.id, mod.slug)]);
	return {
		module: {
			slug: mod.slug,
			/** The language its texts are in: the learner's, or English where there is no translation yet. */
			locale: mod.locale,
			title: mod.title,
			summary: mod.summary,
			audience: mod.audience,
			objectives: mod.objectives,
			minutes: mod.minutes,
			references: mod.references,
			hasTakeaways: mod.pack.takeaways !== undefined,
			behaviours: mod.behaviours,
			version: mod.version,
			questionCount: QUESTIONS_PER_ATTEMPT,
			passMark: PASS_MARK,
			lessons: mod.lessons.map((l) => ({
				slug: l.slug,
				number: l.number,
				title: l.title,
				minutes: l.minutes,
				done: done.has(l.slug)
			}))
		},
		state: states.get(mod.slug)!,
		// The pack documents this viewer may open, by kind, with their titles.
		pack: packFor(mod, actor.scope)
	};
};
