import { error, fail } from '@sveltejs/kit';
import { requireActor } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { findModule } from '$lib/server/learning/content';
import { objectIdOf } from '$lib/server/forms';
import { openCheck, submitCheck } from '$lib/server/learning/service';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

function moduleOr404(slug: string) {
	const mod = findModule(slug);
	if (!mod) error(404, m.learn_module_not_found());
	return mod;
}

/** The learner's drawn questions as they see them before submitting: no `correct`, no feedback. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const mod = moduleOr404(params.module);
	return { sheet: await openCheck(db(), actor, mod, new Date()) };
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const actor = requireActor(locals);
		const mod = moduleOr404(params.module);
		const form = await request.formData();
		const result = await submitCheck(db(), actor, mod, objectIdOf(form, 'draw'), form, new Date());
		if (result.outcome === 'stale') return fail(409, { stale: true as const });
		if (result.outcome === 'unanswered')
			return fail(400, { answers: result.answers, missing: result.missing, sheet: result.sheet, grade: null });
		return {
			answers: result.answers,
			missing: [] as string[],
			sheet: result.sheet,
			grade: result.grade,
			completed: result.completion !== undefined
		};
	}
};
