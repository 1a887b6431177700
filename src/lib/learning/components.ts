import type { Component } from 'svelte';
import type { PackKind } from './pack';

/**
 * Lesson and module-introduction components, loaded on demand in universal loads. Course text is
 * not secret; knowledge checks are never imported here (see $lib/server/learning/content).
 */
const lessons = import.meta.glob<{ default: Component }>('/content/modules/*/[0-9][0-9]-*.md');
const intros = import.meta.glob<{ default: Component }>('/content/modules/*/module.md');
const packs = import.meta.glob<{ default: Component }>([
	'/content/modules/*/takeaways.md',
	'/content/modules/*/job-aid.md',
	'/content/modules/*/*-guide.md'
]);

export async function lessonComponent(moduleSlug: string, lessonSlug: string): Promise<Component | undefined> {
	const load = lessons[`/content/modules/${moduleSlug}/${lessonSlug}.md`];
	return load ? (await load()).default : undefined;
}

export async function introComponent(moduleSlug: string): Promise<Component | undefined> {
	const load = intros[`/content/modules/${moduleSlug}/module.md`];
	return load ? (await load()).default : undefined;
}

export async function packComponent(moduleSlug: string, kind: PackKind): Promise<Component | undefined> {
	const load = packs[`/content/modules/${moduleSlug}/${kind}.md`];
	return load ? (await load()).default : undefined;
}
