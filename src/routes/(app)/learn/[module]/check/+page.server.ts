import { error, fail } from '@sveltejs/kit';
import { requireActor } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { findModule } from '$lib/server/learning/content';
import { readForm } from '$lib/server/forms';
import { answersSchema, unanswered, type Answers } from '$lib/server/learning/rules';
import { submitCheck } from '$lib/server/learning/service';
import type { Actions, PageServerLoad } from './$types';

function moduleOr404(slug: string) {
	const mod = findModule(slug);
	if (!mod) error(404, 'We could not find that module.');
	return mod;
}

/** Questions as the learner sees them before submitting: no `correct`, no feedback. */
export const load: PageServerLoad = async ({ locals, params }) => {
	requireActor(locals);
	const mod = moduleOr404(params.module);
	return {
		questions: mod.check.questions.map((q) => ({
			id: q.id,
			kind: q.kind,
			prompt: q.prompt,
			options: q.options.map((o) => ({ id: o.id, text: o.text }))
		}))
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const actor = requireActor(locals);
		const mod = moduleOr404(params.module);
		const parsed = await readForm(request, answersSchema(mod.check));
		// Every field is a list that tolerates anything, so the form always parses.
		const answers: Answers = parsed.ok ? parsed.data : {};
		const missing = unanswered(mod.check, answers);
		if (missing.length) return fail(400, { answers, missing, grade: null, completed: false });
		const { grade, completion } = await submitCheck(db(), actor, mod, answers, new Date());
		return { answers, missing: [] as string[], grade, completed: completion !== undefined };
	}
};
