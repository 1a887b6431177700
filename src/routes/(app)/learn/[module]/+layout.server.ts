import { error } from '@sveltejs/kit';
import { requireActor } from '$lib/server/policy';
import { findModule } from '$lib/server/learning/content';
import { PASS_MARK, QUESTIONS_PER_ATTEMPT } from '$lib/server/learning/rules';
import { packFor } from '$lib/server/learning/pack';
import type { LayoutServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

/**
 * What every page of a module needs: its outline (never the check's key) and the learner's state.
 * What only some pages show (the lessons done, the summary, objectives and sources) is theirs to
 * load, so that the check, say, neither reads nor carries it.
 */
export const load: LayoutServerLoad = ({ locals, params }) => {
	const actor = requireActor(locals);
	const mod = findModule(params.module);
	if (!mod) error(404, m.learn_module_not_found());
	return {
		module: {
			slug: mod.slug,
			/** The language its texts are in: the learner's, or English where there is no translation yet. */
			locale: mod.locale,
			title: mod.title,
			hasTakeaways: mod.pack.takeaways !== undefined,
			questionCount: QUESTIONS_PER_ATTEMPT,
			passMark: PASS_MARK
		},
		// The pack documents this viewer may open, by kind, with their titles.
		pack: packFor(mod, actor.scope)
	};
};
