import { defineCustomClientStrategy } from '$lib/paraglide/runtime';

// In the browser the locale is the one the server rendered the page in (<html lang>), so hydration
// and every later navigation speak the same language until the next full page load.
defineCustomClientStrategy('custom-ripple', {
	getLocale: () => document.documentElement.lang || undefined,
	setLocale: () => {}
});
