import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';

/**
 * A Vite server without HTTP, for command-line work that reaches the course content: the content
 * is Markdown loaded with import.meta.glob, which only Vite can compile. Used by the roll-up
 * commands and the benchmark's in-process timings; `close()` when done.
 */
export function viteLoader(root: string): Promise<ViteDevServer> {
	return createServer({
		root,
		configFile: resolve(root, 'vite.config.ts'),
		server: { middlewareMode: true, hmr: false, watch: null },
		appType: 'custom',
		logLevel: 'warn'
	});
}
