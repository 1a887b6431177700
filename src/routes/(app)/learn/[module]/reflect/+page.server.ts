import { error, fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { findModule } from '$lib/server/learning/content';
import { moduleReflections, recordPractice, saveReflections } from '$lib/server/learning/service';
import { requireActor } from '$lib/server/policy';
import { practiceNoteSchema, REFLECTION_MAX, reflectionsSchema } from '$lib/learning/schemas';
import type { Actions, PageServerLoad } from './$types';
import { worded } from '$lib/server/service-result';
import { m } from '$lib/paraglide/messages';

function moduleOr404(slug: string) {
	const mod = findModule(slug);
	if (!mod) error(404, m.learn_module_not_found());
	return mod;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor(locals);
	const mod = moduleOr404(params.module);
	const { prompts, practiceDone } = await moduleReflections(db(), actor.id, mod);
	return {
		prompts,
		practice: { title: mod.practice.title, description: mod.practice.description, done: practiceDone },
		maxLength: REFLECTION_MAX,
		saved: url.searchParams.get('saved'),
		timeZone: actor.timeZone
	};
};

export const actions: Actions = {
	reflections: async ({ locals, params, request }) => {
		const actor = requireActor(locals);
		const mod = moduleOr404(params.module);
		const parsed = await readForm(request, reflectionsSchema(mod.reflections.map((p) => p.id)));
		// Every field is free text, so the form always parses; the limits are the service's.
		const entries = parsed.ok ? parsed.data : [];
		const result = await saveReflections(db(), actor, mod, entries, new Date());
		// Everything typed comes back, so nothing is lost while the learner shortens it.
		if (!result.ok) return fail(400, { form: 'reflections' as const, entries, errors: worded(result.errors) });
		redirect(303, `/learn/${mod.slug}/reflect?saved=reflections`);
	},
	practice: async ({ locals, params, request }) => {
		const actor = requireActor(locals);
		const mod = moduleOr404(params.module);
		const parsed = await readForm(request, practiceNoteSchema);
		if (!parsed.ok) return fail(400, { form: 'practice' as const, values: parsed.values, errors: parsed.errors });
		await recordPractice(db(), actor, mod, parsed.data.note, new Date());
		redirect(303, `/learn/${mod.slug}/reflect?saved=practice`);
	}
};
