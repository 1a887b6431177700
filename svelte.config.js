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
		}
		// csrf is left at SvelteKit's default: cross-site form posts are rejected with 403.
	}
};

export default config;
