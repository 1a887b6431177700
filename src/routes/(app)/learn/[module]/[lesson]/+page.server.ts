import { error, redirect } from '@sveltejs/kit';
import { requireActor } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { findModule } from '$lib/server/learning/content';
import { completeLesson, lessonOutline, visitLesson } from '$lib/server/learning/service';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

function lessonOr404(moduleSlug: string, lessonSlug: string) {
	const mod = findModule(moduleSlug);
	const index = mod?.lessons.findIndex((l) => l.slug === lessonSlug) ?? -1;
	if (!mod || index < 0) error(404, m.learn_lesson_not_found());
	return { mod, index, lesson: mod.lessons[index]! };
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const { mod, index, lesson } = lessonOr404(params.module, params.lesson);
	// Remember the place, so "continue" brings the learner back here.
	const [lessons] = await Promise.all([
		lessonOutline(db(), actor.id, mod),
		visitLesson(db(), actor, mod, lesson.slug, new Date())
	]);
	const previous = mod.lessons[index - 1];
	const next = mod.lessons[index + 1];
	return {
		lessons,
		lesson: { slug: lesson.slug, title: lesson.title, minutes: lesson.minutes, position: index + 1 },
		// The scenarios this lesson places, for its <Scenario id> components.
		scenarios: Object.fromEntries(lesson.scenarios.map((id) => [id, mod.scenarios.get(id)!])),
		previous: previous ? { slug: previous.slug, title: previous.title } : null,
		next: next ? { slug: next.slug, title: next.title } : null
	};
};

export const actions: Actions = {
	complete: async ({ locals, params }) => {
		const actor = requireActor(locals);
		const { mod, index } = lessonOr404(params.module, params.lesson);
		const { completion } = await completeLesson(db(), actor, mod, params.lesson, new Date());
		if (completion) redirect(303, `/learn/${mod.slug}/certificate?new=1`);
		const next = mod.lessons[index + 1];
		// After the last lesson, what to keep from the module, then its check.
		const after = mod.pack.takeaways ? 'takeaways' : 'check';
		redirect(303, `/learn/${mod.slug}/${next ? next.slug : after}`);
	}
};
