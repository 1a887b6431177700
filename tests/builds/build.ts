import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pseudoMessages } from './pseudo';

/**
 * Builds of Ripple that only the end-to-end tests use, each a copy of the working tree changed in one
 * way and built as production is (into tests/.tmp/<variant>/build). The app itself never ships them.
 *
 * - `pseudo-app`: every message of every language is the transformed English (./pseudo.ts), for the
 *   pseudo-locale run (tests/e2e/pseudo-locale.spec.ts).
 * - `fixture-app`: one module without its Dutch translation, so a Dutch learner meets a module that
 *   has no Dutch version (tests/e2e/course-languages.spec.ts).
 */

const root = resolve(import.meta.dirname, '../..');
/** The module the fixture build has no Dutch translation of. */
export const UNTRANSLATED_MODULE = 'beyond-slas';

function copyTree(app: string): void {
	rmSync(app, { recursive: true, force: true });
	const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root })
		.toString()
		.split('\0')
		.filter(Boolean);
	for (const file of files) {
		mkdirSync(dirname(join(app, file)), { recursive: true });
		try {
			cpSync(join(root, file), join(app, file));
		} catch {
			// Deleted in the working tree but still in the index.
		}
	}
	symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'), 'dir');
}

function build(app: string): void {
	execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
		cwd: app,
		stdio: 'inherit'
	});
}

const variants: Record<string, (app: string) => void> = {
	'pseudo-app': (app) => {
		for (const area of readdirSync(join(app, 'messages'))) {
			const english = JSON.parse(readFileSync(join(app, 'messages', area, 'en.json'), 'utf8'));
			const pseudo = JSON.stringify(pseudoMessages(english), null, '\t');
			for (const file of readdirSync(join(app, 'messages', area)))
				writeFileSync(join(app, 'messages', area, file), pseudo);
		}
	},
	'fixture-app': (app) => rmSync(join(app, 'content/modules', UNTRANSLATED_MODULE, 'nl'), { recursive: true })
};

if (process.argv[1] === import.meta.filename) {
	for (const [name, change] of Object.entries(variants)) {
		const app = join(root, 'tests/.tmp', name);
		copyTree(app);
		change(app);
		build(app);
	}
}
