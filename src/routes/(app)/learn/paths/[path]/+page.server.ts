import { error } from '@sveltejs/kit';
import { requireActor } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { findModule, findPath } from '$lib/server/learning/content';
import { pathProgress } from '$lib/server/learning/rules';
import { moduleStates, satisfies } from '$lib/server/learning/service';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const path = findPath(params.path);
	if (!path) error(404, m.learn_path_not_found());
	const states = await moduleStates(db(), actor.id);
	const modules = path.modules.flatMap((slug) => {
		const mod = findModule(slug);
		return mod
			? [{ slug, title: mod.title, summary: mod.summary, minutes: mod.minutes, state: states.get(slug)! }]
			: [];
	});
	const done = new Set(modules.filter((mod) => satisfies(mod.state, false)).map((mod) => mod.slug));
	return {
		path: { slug: path.slug, title: path.title, summary: path.summary },
		modules,
		progress: pathProgress(path.modules, done)
	};
};
