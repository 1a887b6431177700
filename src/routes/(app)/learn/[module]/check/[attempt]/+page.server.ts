import { db } from '$lib/server/db';
import { findModule } from '$lib/server/learning/content';
import { attemptReview } from '$lib/server/learning/service';
import { requireActor, requireFound } from '$lib/server/policy';
import type { PageServerLoad } from './$types';

/** One of the learner's own attempts, as they saw it, with what was right and why. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const mod = requireFound(findModule(params.module), 'We could not find that module.');
	const review = requireFound(
		await attemptReview(db(), actor, mod, params.attempt),
		'We could not find that attempt, or it was made on an earlier version of the check.'
	);
	return { review, timeZone: actor.timeZone };
};
