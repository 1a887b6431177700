import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { postgresBinDir } from './tests/postgres/cluster.js';
import { describeStale, staleTranslations } from './src/lib/server/learning/translation-report.js';

/**
 * The integration suite runs twice: on SQLite (in the `server` project) and on a throwaway
 * PostgreSQL cluster (the `postgres` project). Without PostgreSQL installed that second run is
 * skipped, loudly; under CI it must not be.
 */
function postgresProject(): TestProjectInlineConfiguration[] {
	if (!process.env.VITEST) return [];
	if (postgresBinDir()) {
		return [
			{
				extends: './vite.config.ts',
				test: {
					name: 'postgres',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					env: { RIPPLE_TEST_DATABASE: 'postgres' },
					globalSetup: ['tests/postgres/global-setup.ts']
				}
			}
		];
	}
	if (process.env.CI) throw new Error('CI needs PostgreSQL for the integration suite: apt-get install -y postgresql');
	console.warn(
		'\n⚠ PostgreSQL suite SKIPPED: PostgreSQL is not installed (no initdb). Install it (Debian: apt-get install -y postgresql) to run the integration tests on PostgreSQL too.\n'
	);
	return [];
}

/** Every build lists the course translations that are behind their English module. */
const translationReport = {
	name: 'ripple-translation-report',
	buildStart(this: { warn(message: string): void }) {
		for (const line of describeStale(staleTranslations())) this.warn(line);
	}
};

/**
 * Paraglide's compiled messages choose plural forms and format numbers through its generated
 * `registry.js`, which builds a new Intl object on every call; src/lib/i18n/registry.ts does the
 * same with each object built once (issue 19: about 8% of a 50-team scorecard's time).
 */
const memoisedRegistry: Plugin = {
	name: 'ripple-paraglide-registry',
	enforce: 'pre',
	resolveId(source, importer) {
		if (importer && /[\\/]src[\\/]lib[\\/]paraglide[\\/]/.test(importer) && /(^|\/)registry\.js$/.test(source))
			return fileURLToPath(new URL('./src/lib/i18n/registry.ts', import.meta.url));
	}
};

export default defineConfig({
	plugins: [
		memoisedRegistry,
		sveltekit(),
		translationReport,
		// Messages from messages/<locale>.json, compiled to typed, tree-shaken functions. The locale of a
		// request is decided by Ripple (src/lib/i18n/locales.ts), through the one custom strategy. Tests
		// compile once instead (tests/i18n-compile.ts): the plugin's SDK keeps a process alive for 30 s.
		...(process.env.VITEST
			? []
			: [
					paraglideVitePlugin({
						project: './project.inlang',
						outdir: './src/lib/paraglide',
						strategy: ['custom-ripple', 'baseLocale']
					})
				])
	],
	test: {
		expect: { requireAssertions: true },
		globalSetup: ['tests/i18n-compile.ts'],
		projects: [
			{
				// Pure logic and server modules without a database: the loop to live in.
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts']
				}
			},
			{
				extends: './vite.config.ts',
				plugins: [svelteTesting()],
				test: {
					name: 'client',
					environment: 'jsdom',
					include: ['src/**/*.svelte.test.ts']
				}
			},
			{
				// Services against a real database: SQLite here, PostgreSQL in the project below.
				extends: './vite.config.ts',
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts']
				}
			},
			...postgresProject()
		]
	}
});
