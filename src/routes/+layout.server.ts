import { themeFromCookie } from '$lib/theme';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, cookies }) => {
	const user = locals.user;
	return {
		user: user && { id: user.id, name: user.name, email: user.email, roles: user.roles },
		theme: themeFromCookie(cookies.get('theme')),
		// The page's language; a change (signing in or out, a new language in the profile) reloads it.
		locale: locals.locale
	};
};
