import { error, fail } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { findModule } from '$lib/server/learning/content';
import { unanswered, type Answers } from '$lib/server/learning/rules';
import { submitCheck } from '$lib/server/learning/service';
import type { Actions, PageServerLoad } from './$types';

function moduleOr404(slug: string) {
	const mod = findModule(slug);
	if (!mod) error(404, 'We could not find that module.');
	return mod;
}

/** Questions as the learner sees them before submitting: no `correct`, no feedback. */
export const load: PageServerLoad = async ({ locals, params }) => {
	requireUser(locals);
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
		const user = requireUser(locals);
		const mod = moduleOr404(params.module);
		const form = await request.formData();
		const answers: Answers = {};
		for (const q of mod.check.questions) {
			const valid = new Set(q.options.map((o) => o.id));
			const chosen = form
				.getAll(q.id)
				.map(String)
				.filter((id) => valid.has(id));
			answers[q.id] = q.kind === 'single' ? chosen.slice(0, 1) : [...new Set(chosen)];
		}
		const missing = unanswered(mod.check, answers);
		if (missing.length) return fail(400, { answers, missing, grade: null, completed: false });
		const { grade, completion } = await submitCheck(db(), user.id, mod, answers, new Date());
		return { answers, missing: [] as string[], grade, completed: completion !== undefined };
	}
};
