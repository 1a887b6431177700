import type { Db } from '../db';
import { modulesIn } from './content';
import { practiceOf, reflectionsSharedWithManager } from './queries';
import { moduleStates } from './service';

/** A person's learning as their manager sees it: module states, practice, and shared reflections. */
export async function learningForManager(database: Db, personId: string) {
	const [states, practice, shared] = await Promise.all([
		moduleStates(database, personId),
		practiceOf(database, personId),
		reflectionsSharedWithManager(database, personId)
	]);
	const modules = modulesIn();
	const title = (slug: string) => modules.find((m) => m.slug === slug)?.title ?? slug;
	return {
		modules: modules
			.map((m) => ({ slug: m.slug, title: m.title, state: states.get(m.slug)! }))
			.filter((m) => m.state.status !== 'not_started'),
		practice: practice.map((p) => ({ module: title(p.module_slug), note: p.note, doneAt: p.done_at })),
		reflections: shared.map((r) => {
			const mod = modules.find((m) => m.slug === r.module_slug);
			return {
				module: title(r.module_slug),
				prompt: mod?.reflections.find((p) => p.id === r.prompt_id)?.prompt ?? '',
				body: r.body,
				updatedAt: r.updated_at
			};
		})
	};
}
