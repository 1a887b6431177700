import { db } from '$lib/server/db';
import { findModule } from '$lib/server/learning/content';
import { attemptReview } from '$lib/server/learning/service';
import { requireActor, requireFound } from '$lib/server/policy';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

/** One of the learner's own attempts, as they saw it, with what was right and why. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const mod = requireFound(findModule(params.module), m.learn_module_not_found());
	const review = requireFound(await attemptReview(db(), actor, mod, params.attempt), m.learn_attempt_not_found());
	return { review, timeZone: actor.timeZone };
};
