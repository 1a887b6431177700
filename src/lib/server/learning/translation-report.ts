import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Translations older than their English module (content/README.md, Keeping a translation in step),
 * read from the files themselves so the build and `npm run check` can list them without loading the
 * content: each translation's `source_version` against its module's `version`.
 */

export interface StaleTranslation {
	module: string;
	locale: string;
	sourceVersion: string;
	version: string;
}

/** Whether `version` is older than `than` (semantic versions, x.y.z). */
export function olderVersion(version: string, than: string): boolean {
	const a = version.split('.').map(Number);
	const b = than.split('.').map(Number);
	for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) < (b[i] ?? 0);
	return false;
}

const field = (text: string, name: string) => new RegExp(`^${name}:\\s*["']?([\\d.]+)`, 'm').exec(text)?.[1];

export function staleTranslations(modulesDir = 'content/modules'): StaleTranslation[] {
	const stale: StaleTranslation[] = [];
	for (const slug of readdirSync(modulesDir)) {
		const original = join(modulesDir, slug, 'module.md');
		if (!existsSync(original)) continue;
		const version = field(readFileSync(original, 'utf8'), 'version');
		for (const entry of readdirSync(join(modulesDir, slug), { withFileTypes: true })) {
			const translation = join(modulesDir, slug, entry.name, 'module.md');
			if (!entry.isDirectory() || !existsSync(translation)) continue;
			const sourceVersion = field(readFileSync(translation, 'utf8'), 'source_version');
			if (version && (!sourceVersion || olderVersion(sourceVersion, version))) {
				stale.push({ module: slug, locale: entry.name, sourceVersion: sourceVersion ?? 'none', version });
			}
		}
	}
	return stale;
}

export function describeStale(stale: readonly StaleTranslation[]): string[] {
	return stale.map(
		(t) =>
			`${t.module}/${t.locale} follows version ${t.sourceVersion} of the English module, which is at ${t.version}: bring it up to date (content/README.md)`
	);
}

// `npm run content:translations`: list them, without failing (a translation is brought up to date later).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const lines = describeStale(staleTranslations());
	console.log(
		lines.length
			? `Translations behind their module:\n  ${lines.join('\n  ')}`
			: 'Every translation follows its module’s current version.'
	);
}
