import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * User content renders inert because Svelte escapes every expression, unless a component opts out
 * with {@html …} or sets innerHTML / outerHTML / insertAdjacentHTML itself. None does; this keeps
 * it so for code added later (tests/e2e/hostile-input.spec.ts shows stored markup rendering as text).
 */
const root = resolve(import.meta.dirname, '../..');

function filesUnder(dir: string, pattern: RegExp): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return filesUnder(path, pattern);
		return pattern.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
	});
}

describe('markup safety', () => {
	it('has no raw HTML output anywhere in the app', () => {
		const offenders = filesUnder(join(root, 'src'), /\.(svelte|ts)$/).filter((file) =>
			/\{@html\b|\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML\(/.test(readFileSync(file, 'utf8'))
		);
		expect(offenders.map((f) => relative(root, f))).toEqual([]);
	});
});
