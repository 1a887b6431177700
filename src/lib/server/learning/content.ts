import type { Component } from 'svelte';
import {
	checkSchema,
	lessonMetaSchema,
	moduleMetaSchema,
	pathSchema,
	type KnowledgeCheck,
	type ModuleMeta,
	type PathMeta
} from '../../learning/schemas';

/**
 * Course content, read from content/ at build time. Only server code imports this module, so the
 * knowledge checks (with their answer keys) end up in the server bundle and nowhere else.
 */

type MdModule = { default: Component; metadata?: Record<string, unknown> };

const moduleFiles = import.meta.glob<MdModule>('/content/modules/*/module.md', { eager: true });
const lessonFiles = import.meta.glob<MdModule>('/content/modules/*/[0-9][0-9]-*.md', { eager: true });
const checkFiles = import.meta.glob<unknown>('/content/modules/*/check.json', { eager: true, import: 'default' });
const pathFiles = import.meta.glob<unknown>('/content/paths/*.json', { eager: true, import: 'default' });

export interface LessonEntry {
	slug: string;
	number: number;
	title: string;
	minutes: number;
	component: Component;
}

export interface ModuleEntry extends ModuleMeta {
	slug: string;
	intro: Component;
	lessons: LessonEntry[];
	check: KnowledgeCheck;
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

function loadModules(): ModuleEntry[] {
	const modules: ModuleEntry[] = [];
	for (const [file, mod] of Object.entries(moduleFiles)) {
		const slug = file.split('/').at(-2)!;
		const meta = parse(file, moduleMetaSchema, mod.metadata);
		const checkFile = `/content/modules/${slug}/check.json`;
		if (!(checkFile in checkFiles)) throw new Error(`Invalid course content: ${slug} has no check.json`);
		const lessons = Object.entries(lessonFiles)
			.filter(([path]) => path.startsWith(`/content/modules/${slug}/`))
			.map(([path, lesson]) => {
				const name = path.split('/').at(-1)!.replace(/\.md$/, '');
				const lessonMeta = parse(path, lessonMetaSchema, lesson.metadata);
				// The slug keeps its number (01-…): it orders lessons and never collides with a route name.
				return { slug: name, number: Number(name.slice(0, 2)), ...lessonMeta, component: lesson.default };
			})
			.sort((a, b) => a.number - b.number);
		modules.push({
			slug,
			...meta,
			intro: mod.default,
			lessons,
			check: parse(checkFile, checkSchema, checkFiles[checkFile])
		});
	}
	return modules.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
}

function loadPaths(): PathEntry[] {
	return Object.entries(pathFiles)
		.map(([file, data]) => ({
			slug: file
				.split('/')
				.at(-1)!
				.replace(/\.json$/, ''),
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
