import type { Component } from 'svelte';
import {
	checkSchema,
	facilitatorMetaSchema,
	lessonMetaSchema,
	moduleMetaSchema,
	packMetaSchema,
	pathSchema,
	scenarioSchema,
	type KnowledgeCheck,
	type ModuleMeta,
	type PathMeta,
	type Scenario
} from '../../learning/schemas';
import { isPackKind, packKinds, type PackKind } from '../../learning/pack';
import { lessonMinutes, moduleMinutes, scenarioIdsIn } from './reading-time';

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

function loadPack(slug: string) {
	const pack: ModuleEntry['pack'] = {};
	let session: ModuleEntry['session'] = null;
	for (const [file, doc] of Object.entries(packFiles).filter(inModule(slug))) {
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
			...loadPack(slug)
		});
	}
	return modules.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
}

function loadPaths(): PathEntry[] {
	return Object.entries(pathFiles)
		.map(([file, data]) => ({
			slug: fileName(file).replace(/\.json$/, ''),
			...parse(file, pathSchema, data)
		}))
		.sort((a, b) => a.order - b.order);
}

let cache: { modules: ModuleEntry[]; paths: PathEntry[] } | undefined;

/** All course content, parsed and checked once per process. */
export function courseContent() {
	if (!cache) {
		cache = { modules: loadModules(), paths: loadPaths() };
	}
	return cache;
}

export function findModule(slug: string): ModuleEntry | undefined {
	return courseContent().modules.find((m) => m.slug === slug);
}

export function findPath(slug: string): PathEntry | undefined {
	return courseContent().paths.find((p) => p.slug === slug);
}

/** The raw Markdown of every lesson, by module slug: for the content tests. */
export function lessonSourcesOf(slug: string): string[] {
	return Object.entries(lessonSources)
		.filter(inModule(slug))
		.map(([, text]) => text);
}
