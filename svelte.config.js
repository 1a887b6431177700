import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	// Lessons under content/ are Markdown with Svelte components inside; mdsvex turns them into
	// components so the lesson player can import them like any other page.
	extensions: ['.svelte', '.md'],
	preprocess: [vitePreprocess(), mdsvex({ extensions: ['.md'] })],
	kit: {
		adapter: adapter(),
		alias: {
			$content: 'content'
		},
		// Cross-site form posts are refused with 403 by hooks.server.ts (src/lib/server/csrf.ts),
		// which does what SvelteKit's own check does but lets an email's one-click unsubscribe
		// (RFC 8058) through: mail providers post it from their servers, with no Origin.
		csrf: { trustedOrigins: ['*'] },
		// Scripts run only from Ripple's own files or with the nonce SvelteKit puts on the ones it
		// inlines; nothing may frame Ripple, and forms post only to it. Styles allow inline: Svelte's
		// style: directives write style attributes, and styles cannot run code.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
