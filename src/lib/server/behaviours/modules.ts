import { modulesIn } from '../learning/content';

/** A learning module as a behaviour's page names it. */
export interface BuildingModule {
	slug: string;
	title: string;
	minutes: number;
}

/**
 * Behaviour slug -> the modules that build it, from the modules' frontmatter (`behaviours`). The
 * module is the side that declares the link; this is the other side of it.
 */
export function modulesByBehaviour(): Map<string, BuildingModule[]> {
	const bySlug = new Map<string, BuildingModule[]>();
	for (const mod of modulesIn()) {
		for (const slug of mod.behaviours) {
			const list = bySlug.get(slug) ?? [];
			list.push({ slug: mod.slug, title: mod.title, minutes: mod.minutes });
			bySlug.set(slug, list);
		}
	}
	return bySlug;
}

export function modulesBuilding(behaviourSlug: string): BuildingModule[] {
	return modulesByBehaviour().get(behaviourSlug) ?? [];
}
