import type { Component } from 'svelte';
import {
	checkSchema,
	facilitatorMetaSchema,
	lessonMetaSchema,
	moduleMetaSchema,
	packMetaSchema,
	pathSchema,
	scenarioSchema,
	translationMetaSchema,
	type KnowledgeCheck,
	type ModuleMeta,
	type PathMeta,
	type Scenario
} from '../../learning/schemas';
import { isPackKind, packKinds, type PackKind } from '../../learning/pack';
import { lessonMinutes, moduleMinutes, scenarioIdsIn } from './reading-time';
import { checkDifference, metaDifference, scenarioDifference } from './translation';
import { baseLocale, isLocale, type Locale } from '../../i18n/locales';
import { getLocale } from '../../paraglide/runtime';

/**
 * Course content, read from content/ at build time (see content/README.md). Only server code
 * imports this module, so the question pools (with their answer keys) end up in the server bundle
 * and nowhere else.
 */

type MdModule = { default: Component; metadata?: Record<string, unknown> };

const moduleFiles = import.meta.glob<MdModule>('/content/modules/*/module.md', { eager: true });
const lessonFiles = import.meta.glob<MdModule>('/content/modules/*/[0-9][0-9]-*.md', { eager: true });
const lessonSources = import.meta.glob<string>('/content/modules/*/[0-9][0-9]-*.md', {
	query: '?raw',
	import: 'default',
	eager: true
});
const packFiles = import.meta.glob<MdModule>(
	['/content/modules/*/takeaways.md', '/content/modules/*/job-aid.md', '/content/modules/*/*-guide.md'],
	{ eager: true }
);
const scenarioFiles = import.meta.glob<unknown>('/content/modules/*/scenarios/*.json', {
	eager: true,
	import: 'default'
});
const checkFiles = import.meta.glob<unknown>('/content/modules/*/check.json', { eager: true, import: 'default' });
const pathFiles = import.meta.glob<unknown>('/content/paths/*.json', { eager: true, import: 'default' });

// Translations: the same files one folder deeper, in content/modules/<slug>/<locale>/.
const translatedModuleFiles = import.meta.glob<MdModule>('/content/modules/*/*/module.md', { eager: true });
const translatedLessonFiles = import.meta.glob<MdModule>('/content/modules/*/*/[0-9][0-9]-*.md', { eager: true });
const translatedLessonSources = import.meta.glob<string>('/content/modules/*/*/[0-9][0-9]-*.md', {
	query: '?raw',
	import: 'default',
	eager: true
});
const translatedPackFiles = import.meta.glob<MdModule>(
	['/content/modules/*/*/takeaways.md', '/content/modules/*/*/job-aid.md', '/content/modules/*/*/*-guide.md'],
	{ eager: true }
);
const translatedScenarioFiles = import.meta.glob<unknown>('/content/modules/*/*/scenarios/*.json', {
	eager: true,
	import: 'default'
});
const translatedCheckFiles = import.meta.glob<unknown>('/content/modules/*/*/check.json', {
	eager: true,
	import: 'default'
});

export interface LessonEntry {
	slug: string;
	number: number;
	title: string;
	/** Reading time plus activities, computed from the source. */
	minutes: number;
	/** The ids of the scenarios the lesson places, in order. */
	scenarios: string[];
	component: Component;
}

export { packKinds, type PackKind };

export interface ModuleEntry extends ModuleMeta {
	slug: string;
	/** The language of its texts: English, or the translation a learner's language asked for. */
	locale: Locale;
	/** Computed: the lessons, the knowledge check and the reflections. */
	minutes: number;
	intro: Component;
	lessons: LessonEntry[];
	scenarios: Map<string, Scenario>;
	check: KnowledgeCheck;
	pack: Partial<Record<PackKind, { title: string }>>;
	/** What "Run this as a lunch-and-learn" fills in, from the facilitator guide. */
	session: { topic: string; description: string } | null;
}

export interface PathEntry extends PathMeta {
	slug: string;
}

function describe(error: unknown): string {
	if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
		return error.issues
			.map((i: { path: unknown[]; message: string }) => `${i.path.join('.') || '(root)'}: ${i.message}`)
			.join('; ');
	}
	return String(error);
}

function parse<T>(file: string, schema: { parse(input: unknown): T }, input: unknown): T {
	try {
		return schema.parse(input);
	} catch (error) {
		throw new Error(`Invalid course content in ${file}: ${describe(error)}`, { cause: error });
	}
}

function invalid(file: string, problem: string): never {
	throw new Error(`Invalid course content in ${file}: ${problem}`);
}

const inModule = (slug: string) => (entry: [string, unknown]) => entry[0].startsWith(`/content/modules/${slug}/`);
const fileName = (path: string) => path.split('/').at(-1)!;

function loadScenarios(slug: string): Map<string, Scenario> {
	return new Map(
		Object.entries(scenarioFiles)
			.filter(inModule(slug))
			.map(([file, data]) => [fileName(file).replace(/\.json$/, ''), parse(file, scenarioSchema, data)])
	);
}

function loadLessons(slug: string, scenarios: ReadonlyMap<string, Scenario>): LessonEntry[] {
	return Object.entries(lessonFiles)
		.filter(inModule(slug))
		.map(([file, lesson]) => {
			const name = fileName(file).replace(/\.md$/, '');
			const source = lessonSources[file] ?? '';
			const ids = scenarioIdsIn(source);
			const missing = ids.filter((id) => !scenarios.has(id));
			if (missing.length) invalid(file, `no scenarios/${missing[0]}.json in this module`);
			// The slug keeps its number (01-…): it orders lessons and never collides with a route name.
			return {
				slug: name,
				number: Number(name.slice(0, 2)),
				...parse(file, lessonMetaSchema, lesson.metadata),
				minutes: lessonMinutes(source),
				scenarios: ids,
				component: lesson.default
			};
		})
		.sort((a, b) => a.number - b.number);
}

function loadPack(docs: [string, MdModule][]) {
	const pack: ModuleEntry['pack'] = {};
	let session: ModuleEntry['session'] = null;
	for (const [file, doc] of docs) {
		const kind = fileName(file).replace(/\.md$/, '') as PackKind;
		if (kind === 'facilitator-guide') {
			const meta = parse(file, facilitatorMetaSchema, doc.metadata);
			pack[kind] = { title: meta.title };
			session = meta.session;
		} else if (isPackKind(kind)) {
			pack[kind] = { title: parse(file, packMetaSchema, doc.metadata).title };
		}
	}
	return { pack, session };
}

function loadModules(): ModuleEntry[] {
	const modules: ModuleEntry[] = [];
	const scenarioOwners = new Map<string, string>();
	for (const [file, mod] of Object.entries(moduleFiles)) {
		const slug = file.split('/').at(-2)!;
		const meta = parse(file, moduleMetaSchema, mod.metadata);
		const checkFile = `/content/modules/${slug}/check.json`;
		if (!(checkFile in checkFiles)) invalid(file, `${slug} has no check.json`);
		const check = parse(checkFile, checkSchema, checkFiles[checkFile]);
		const objectives = new Set(meta.objectives.map((o) => o.id));
		const stray = check.questions.find((q) => q.objective !== undefined && !objectives.has(q.objective));
		if (stray) invalid(checkFile, `question ${stray.id} names the unknown objective ${stray.objective}`);
		const scenarios = loadScenarios(slug);
		for (const id of scenarios.keys()) {
			const owner = scenarioOwners.get(id);
			if (owner) invalid(`/content/modules/${slug}/scenarios/${id}.json`, `${owner} has a scenario of this id too`);
			scenarioOwners.set(id, slug);
		}
		const lessons = loadLessons(slug, scenarios);
		const placed = new Set(lessons.flatMap((l) => l.scenarios));
		const unplaced = [...scenarios.keys()].find((id) => !placed.has(id));
		if (unplaced) invalid(`/content/modules/${slug}/scenarios/${unplaced}.json`, 'no lesson places this scenario');
		modules.push({
			slug,
			...meta,
			minutes: moduleMinutes(
				lessons.map((l) => l.minutes),
				meta.reflections.length
			),
			intro: mod.default,
			lessons,
			scenarios,
			check,
			...loadPack(Object.entries(packFiles).filter(inModule(slug))),
			locale: baseLocale
		});
	}
	return modules.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
}

/**
 * A module in another language (content/README.md, Languages): the original with every text taken
 * from the translation, which must have every file of the original and match it in everything but
 * text (ids, answer key, objectives, branching), so grading is the same in every language.
 */
function loadTranslation(original: ModuleEntry, locale: Locale, file: string, mod: MdModule): ModuleEntry {
	const dir = `/content/modules/${original.slug}/${locale}`;
	const meta = parse(file, translationMetaSchema, mod.metadata);
	const metaProblem = metaDifference(original, meta);
	if (metaProblem) invalid(file, metaProblem);

	const checkFile = `${dir}/check.json`;
	if (!(checkFile in translatedCheckFiles)) invalid(file, `the translation has no check.json`);
	const check = parse(checkFile, checkSchema, translatedCheckFiles[checkFile]);
	const checkProblem = checkDifference(original.check, check);
	if (checkProblem) invalid(checkFile, checkProblem);

	const scenarios = new Map<string, Scenario>();
	for (const [id, scenario] of original.scenarios) {
		const scenarioFile = `${dir}/scenarios/${id}.json`;
		if (!(scenarioFile in translatedScenarioFiles)) invalid(file, `the translation has no scenarios/${id}.json`);
		const translated = parse(scenarioFile, scenarioSchema, translatedScenarioFiles[scenarioFile]);
		const problem = scenarioDifference(scenario, translated);
		if (problem) invalid(scenarioFile, problem);
		scenarios.set(id, translated);
	}

	const lessons = original.lessons.map((lesson) => {
		const lessonFile = `${dir}/${lesson.slug}.md`;
		const translated = translatedLessonFiles[lessonFile];
		if (!translated) invalid(file, `the translation has no ${lesson.slug}.md`);
		const placed = scenarioIdsIn(translatedLessonSources[lessonFile] ?? '');
		if (placed.join(',') !== lesson.scenarios.join(',')) {
			invalid(
				lessonFile,
				`it must place the scenarios ${lesson.scenarios.join(', ') || '(none)'} as the original does`
			);
		}
		return { ...lesson, ...parse(lessonFile, lessonMetaSchema, translated.metadata), component: translated.default };
	});

	const docs = Object.entries(translatedPackFiles).filter(([path]) => path.startsWith(`${dir}/`));
	const { pack, session } = loadPack(docs);
	const missing = (Object.keys(original.pack) as PackKind[]).find((kind) => !pack[kind]);
	if (missing) invalid(file, `the translation has no ${missing}.md`);

	return {
		...original,
		locale,
		title: meta.title,
		summary: meta.summary,
		objectives: meta.objectives,
		reflections: meta.reflections,
		practice: meta.practice,
		references: original.references.map((reference, i) => ({ ...reference, what: meta.references[i]!.what })),
		intro: mod.default,
		lessons,
		scenarios,
		check,
		pack,
		session: original.session && session
	};
}

/** Every module's translations, by module slug and locale. */
function loadTranslations(modules: readonly ModuleEntry[]): Map<string, Map<Locale, ModuleEntry>> {
	const bySlug = new Map(modules.map((m) => [m.slug, m]));
	const translations = new Map<string, Map<Locale, ModuleEntry>>();
	const translatedDirs = new Set<string>();
	for (const [file, mod] of Object.entries(translatedModuleFiles)) {
		const [slug, locale] = file.split('/').slice(-3, -1) as [string, string];
		const original = bySlug.get(slug);
		if (!original) invalid(file, `there is no English module ${slug} to translate`);
		if (!isLocale(locale) || locale === baseLocale) invalid(file, `${locale} is not a language Ripple offers`);
		translatedDirs.add(`/content/modules/${slug}/${locale}/`);
		const forModule = translations.get(slug) ?? new Map<Locale, ModuleEntry>();
		forModule.set(locale, loadTranslation(original, locale, file, mod));
		translations.set(slug, forModule);
	}
	// A translation's files without its module.md would never be shown: say so rather than ignore them.
	for (const files of [translatedLessonFiles, translatedPackFiles, translatedScenarioFiles, translatedCheckFiles]) {
		for (const file of Object.keys(files)) {
			if (![...translatedDirs].some((dir) => file.startsWith(dir))) invalid(file, 'its translation has no module.md');
		}
	}
	return translations;
}

function loadPaths(): PathEntry[] {
	return Object.entries(pathFiles)
		.map(([file, data]) => ({
			slug: fileName(file).replace(/\.json$/, ''),
			...parse(file, pathSchema, data)
		}))
		.sort((a, b) => a.order - b.order);
}

let cache:
	{ modules: ModuleEntry[]; paths: PathEntry[]; translations: Map<string, Map<Locale, ModuleEntry>> } | undefined;

/** All course content in English, its translations parsed and checked with it, once per process. */
export function courseContent() {
	if (!cache) {
		const modules = loadModules();
		cache = { modules, paths: loadPaths(), translations: loadTranslations(modules) };
	}
	return cache;
}

/** A module in the learner's language where it has a translation, else the English original. */
export function moduleIn(mod: ModuleEntry, locale: Locale): ModuleEntry {
	if (locale === mod.locale) return mod;
	return (
		courseContent().translations.get(mod.slug)?.get(locale) ?? courseContent().modules.find((m) => m.slug === mod.slug)!
	);
}

/**
 * Every module, each in `locale` where it has a translation (English otherwise), in catalogue order.
 * By default the locale of the current request: what a person reads follows their language.
 */
export function modulesIn(locale: Locale = getLocale()): ModuleEntry[] {
	return courseContent().modules.map((mod) => moduleIn(mod, locale));
}

/**
 * A module by slug, in `locale` where it has a translation (English otherwise). By default the locale
 * of the current request; the structure (ids, answer key, version) is the same in every language.
 */
export function findModule(slug: string, locale: Locale = getLocale()): ModuleEntry | undefined {
	const mod = courseContent().modules.find((m) => m.slug === slug);
	return mod && moduleIn(mod, locale);
}

/** The languages a module can be read in: English and every translation. */
export function moduleLocales(slug: string): Locale[] {
	return [baseLocale, ...(courseContent().translations.get(slug)?.keys() ?? [])];
}

/** A learning path with its title and summary in `locale` where it has them. */
export function pathIn(path: PathEntry, locale: Locale): PathEntry {
	const text = path.translations[locale];
	return text ? { ...path, ...text } : path;
}

/** Every learning path, with its title and summary in `locale` (by default the request's). */
export function pathsIn(locale: Locale = getLocale()): PathEntry[] {
	return courseContent().paths.map((path) => pathIn(path, locale));
}

export function findPath(slug: string, locale: Locale = getLocale()): PathEntry | undefined {
	const path = courseContent().paths.find((p) => p.slug === slug);
	return path && pathIn(path, locale);
}

/** The raw Markdown of every lesson, by module slug (and locale, for a translation): for the content tests. */
export function lessonSourcesOf(slug: string, locale: Locale = baseLocale): string[] {
	if (locale !== baseLocale) {
		return Object.entries(translatedLessonSources)
			.filter(([file]) => file.startsWith(`/content/modules/${slug}/${locale}/`))
			.map(([, text]) => text);
	}
	return Object.entries(lessonSources)
		.filter(inModule(slug))
		.map(([, text]) => text);
}
