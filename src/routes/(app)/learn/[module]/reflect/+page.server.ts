import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { findModule } from '$lib/server/learning/content';
import { practiceOf, reflectionsOf } from '$lib/server/learning/queries';
import { recordPractice, saveReflections } from '$lib/server/learning/service';
import { practiceNoteSchema, REFLECTION_MAX } from '$lib/learning/schemas';
import type { Actions, PageServerLoad } from './$types';

function moduleOr404(slug: string) {
	const mod = findModule(slug);
	if (!mod) error(404, 'We could not find that module.');
	return mod;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const mod = moduleOr404(params.module);
	const [saved, practice] = await Promise.all([
		reflectionsOf(db(), user.id, mod.slug),
		practiceOf(db(), user.id, mod.slug)
	]);
	return {
		prompts: mod.reflections.map((p) => {
			const r = saved.find((s) => s.prompt_id === p.id);
			return {
				id: p.id,
				prompt: p.prompt,
				body: r?.body ?? '',
				shareWithBuddy: r?.share_with_buddy === 1,
				shareWithManager: r?.share_with_manager === 1
			};
		}),
		practice: { title: mod.practice.title, description: mod.practice.description, done: practice[0] ?? null },
		maxLength: REFLECTION_MAX,
		saved: url.searchParams.get('saved'),
		timeZone: user.timeZone
	};
};

export const actions: Actions = {
	reflections: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const mod = moduleOr404(params.module);
		const form = await request.formData();
		const entries = mod.reflections.map((p) => ({
			promptId: p.id,
			body: String(form.get(`body:${p.id}`) ?? ''),
			shareWithBuddy: form.get(`buddy:${p.id}`) === 'on',
			shareWithManager: form.get(`manager:${p.id}`) === 'on'
		}));
		const tooLong = entries.filter((e) => e.body.length > REFLECTION_MAX).map((e) => e.promptId);
		if (tooLong.length) {
			// Everything typed comes back, so nothing is lost while the learner shortens it.
			return fail(400, {
				form: 'reflections' as const,
				entries,
				errors: Object.fromEntries(
					tooLong.map((id) => [
						id,
						`Keep this under ${REFLECTION_MAX.toLocaleString('en')} characters; it is ${entries.find((e) => e.promptId === id)!.body.length.toLocaleString('en')} now.`
					])
				)
			});
		}
		await saveReflections(db(), user.id, mod, entries, new Date());
		redirect(303, `/learn/${mod.slug}/reflect?saved=reflections`);
	},
	practice: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const mod = moduleOr404(params.module);
		const parsed = parseForm(practiceNoteSchema, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'practice' as const, values: parsed.values, errors: parsed.errors });
		await recordPractice(db(), user.id, mod, parsed.data.note, new Date());
		redirect(303, `/learn/${mod.slug}/reflect?saved=practice`);
	}
};
