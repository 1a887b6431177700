import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pseudoMessages } from './pseudo';

/**
 * Builds Ripple with the pseudo-locale in place of every language (tests/.tmp/pseudo-app/build), for
 * the pseudo-locale run (tests/e2e/pseudo-locale.spec.ts): a copy of the working tree whose message
 * files all hold the transformed English, built as production is. The app itself is untouched and
 * never ships the pseudo-locale.
 */

const root = resolve(import.meta.dirname, '../..');
const app = join(root, 'tests/.tmp/pseudo-app');

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

for (const area of readdirSync(join(app, 'messages'))) {
	const english = JSON.parse(readFileSync(join(app, 'messages', area, 'en.json'), 'utf8'));
	const pseudo = JSON.stringify(pseudoMessages(english), null, '\t');
	for (const file of readdirSync(join(app, 'messages', area))) writeFileSync(join(app, 'messages', area, file), pseudo);
}

execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
	cwd: app,
	stdio: 'inherit'
});
