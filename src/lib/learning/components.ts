import type { Component } from 'svelte';
import type { PackKind } from './pack';

/**
 * Lesson and module-introduction components, loaded on demand in universal loads, in the language
 * the server chose for the learner (`locale`: "en" for the original, else a translation's folder,
 * content/modules/<slug>/<locale>/). Course text is not secret; knowledge checks are never imported
 * here (see $lib/server/learning/content).
 */
const lessons = import.meta.glob<{ default: Component }>([
	'/content/modules/*/[0-9][0-9]-*.md',
	'/content/modules/*/*/[0-9][0-9]-*.md'
]);
const intros = import.meta.glob<{ default: Component }>([
	'/content/modules/*/module.md',
	'/content/modules/*/*/module.md'
]);
const packs = import.meta.glob<{ default: Component }>([
	'/content/modules/*/takeaways.md',
	'/content/modules/*/job-aid.md',
	'/content/modules/*/*-guide.md',
	'/content/modules/*/*/takeaways.md',
	'/content/modules/*/*/job-aid.md',
	'/content/modules/*/*/*-guide.md'
]);

const folder = (moduleSlug: string, locale: string) =>
	locale === 'en' ? `/content/modules/${moduleSlug}` : `/content/modules/${moduleSlug}/${locale}`;

async function loaded(
	files: Record<string, () => Promise<{ default: Component }>>,
	path: string
): Promise<Component | undefined> {
	const load = files[path];
	return load ? (await load()).default : undefined;
}

export function lessonComponent(moduleSlug: string, lessonSlug: string, locale = 'en'): Promise<Component | undefined> {
	return loaded(lessons, `${folder(moduleSlug, locale)}/${lessonSlug}.md`);
}

export function introComponent(moduleSlug: string, locale = 'en'): Promise<Component | undefined> {
	return loaded(intros, `${folder(moduleSlug, locale)}/module.md`);
}

export function packComponent(moduleSlug: string, kind: PackKind, locale = 'en'): Promise<Component | undefined> {
	return loaded(packs, `${folder(moduleSlug, locale)}/${kind}.md`);
}
