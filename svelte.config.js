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
		// csrf is left at SvelteKit's default: cross-site form posts are rejected with 403.
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
