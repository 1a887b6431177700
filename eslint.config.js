import { fileURLToPath } from 'node:url';
import { includeIgnoreFile } from '@eslint/compat';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const gitignorePath = fileURLToPath(new URL('./.gitignore', import.meta.url));

/** Server code: anything under a `server` folder (`$lib/server/…`, or reached relatively). */
const serverCode = {
	group: ['$lib/server', '$lib/server/**', '**/server/**', '**/hooks.server', '**/hooks.server.*'],
	message: 'Server code (database, secrets, answer keys) must not reach the browser: load it in a +page.server.ts.',
	// A type describes what a load returns and is erased before anything reaches the browser.
	allowTypeImports: true
};

/** Queries modules (`queries.ts`, `pair-queries.ts`, ...) belong to their domain: routes call the domain's service instead. */
const queriesModules = {
	group: [
		'$lib/server/**/queries',
		'$lib/server/**/queries.*',
		'$lib/server/**/*-queries',
		'$lib/server/**/*-queries.*'
	],
	message: 'Routes call a domain service, never its queries (route -> service -> queries -> db; docs/architecture.md).'
};

export default defineConfig(
	includeIgnoreFile(gitignorePath),
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		// TypeScript checks undefined names itself (typescript-eslint's advice).
		rules: { 'no-undef': 'off' }
	},
	{
		// Ripple is served from the root of its origin (no kit.paths.base), so a plain internal href
		// is already the right address; resolve() on every link would add noise and no safety.
		rules: { 'svelte/no-navigation-without-resolve': 'off' }
	},
	{
		// Kysely's migrations take Kysely<any>: they must keep working as the schema moves on.
		files: ['src/lib/server/db/migrations/**', 'src/lib/server/db/migrator.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	{
		// Code that runs in the browser: components, universal loads and shared modules.
		files: ['src/**/*.svelte', 'src/**/*.svelte.ts', 'src/**/+page.ts', 'src/**/+layout.ts', 'src/lib/**/*.ts'],
		ignores: ['src/lib/server/**', 'src/**/*.test.ts'],
		rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [serverCode] }] }
	},
	{
		files: ['src/routes/**/*.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [queriesModules] }] }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);
