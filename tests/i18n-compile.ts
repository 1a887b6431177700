import { execFileSync } from 'node:child_process';

/**
 * Compiles the message catalogue (messages/<locale>.json) before any test imports it, with the same
 * settings as the Vite plugin (`npm run i18n`). Vitest runs without that plugin: see vite.config.ts.
 */
export default function setup(): void {
	execFileSync('npm', ['run', '--silent', 'i18n'], { stdio: 'inherit' });
}
