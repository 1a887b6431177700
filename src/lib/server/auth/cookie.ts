import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';

/** HttpOnly, SameSite=Lax, Path=/, and Secure whenever the app is served over HTTPS. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: url.protocol === 'https:',
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: url.protocol === 'https:' });
}
