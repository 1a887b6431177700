import { themeFromCookie } from '$lib/theme';
import { db } from '$lib/server/db';
import { unreadForHeader } from '$lib/server/notifications/centre';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, cookies, url }) => {
	const user = locals.user;
	return {
		user: user && { id: user.id, name: user.name, email: user.email, roles: user.roles },
		theme: themeFromCookie(cookies.get('theme')),
		// The page's language; a change (signing in or out, a new language in the profile) reloads it.
		locale: locals.locale,
		// Read on every navigation (it depends on the path), so the header's count is never stale.
		unread: user ? await unreadForHeader(db(), user.id, url.pathname, new Date()) : 0
	};
};
