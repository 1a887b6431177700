import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every route Ripple serves, read from the route tree itself (src/routes), so the authorization
 * matrix cannot miss one: pages, their form actions, and endpoints with their methods.
 */

export interface RouteEntry {
	/** The route id as SvelteKit names it, groups included: `/(app)/measure/teams/[id]`. */
	id: string;
	page: boolean;
	/** Named form actions (`default` for a page's unnamed one). */
	actions: string[];
	/** HTTP methods a `+server.ts` exports. */
	methods: string[];
}

/** The keys of `export const actions = { … }` in a +page.server.ts. */
function actionsOf(source: string): string[] {
	const start = source.indexOf('export const actions');
	if (start < 0) return [];
	return [...source.slice(start).matchAll(/^\t([A-Za-z_]\w*): (?:async )?\(/gm)].map((m) => m[1]!);
}

function methodsOf(source: string): string[] {
	return [
		...source.matchAll(
			/^export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|fallback)\b/gm
		)
	].map((m) => m[1]!);
}

export function routeTree(routesDir: string): RouteEntry[] {
	const entries: RouteEntry[] = [];
	const walk = (dir: string) => {
		const files = readdirSync(dir, { withFileTypes: true });
		const has = (name: string) => files.some((f) => f.isFile() && f.name === name);
		const id = '/' + relative(routesDir, dir).split('\\').join('/');
		const pageServer = join(dir, '+page.server.ts');
		const server = join(dir, '+server.ts');
		const page = has('+page.svelte');
		const actions = existsSync(pageServer) ? actionsOf(readFileSync(pageServer, 'utf8')) : [];
		const methods = existsSync(server) ? methodsOf(readFileSync(server, 'utf8')) : [];
		if (page || methods.length) entries.push({ id: id === '/' ? '/' : id.replace(/\/$/, ''), page, actions, methods });
		for (const f of files) if (f.isDirectory()) walk(join(dir, f.name));
	};
	walk(routesDir);
	return entries.sort((a, b) => a.id.localeCompare(b.id));
}

/** The address of a route id with its parameters filled in; groups like `(app)` are not in URLs. */
export function urlOf(id: string, params: Record<string, string>): string {
	const path = id
		.split('/')
		.filter((segment) => !/^\(.+\)$/.test(segment))
		.map((segment) => {
			// [name] or [name=matcher]: the value is looked up by the name.
			const name = /^\[(\w+)(?:=\w+)?\]$/.exec(segment)?.[1];
			if (!name) return segment.replace(/\[(\w+)\]/g, (_, inner: string) => params[inner] ?? `[${inner}]`);
			const value = params[name];
			if (value === undefined) throw new Error(`No value for [${name}] in ${id}`);
			return value;
		})
		.join('/');
	return path === '' ? '/' : path;
}
