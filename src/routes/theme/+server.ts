import { redirect } from '@sveltejs/kit';
import { themeFromCookie } from '$lib/theme';
import type { RequestHandler } from './$types';

/** Remembers the chosen colour theme for a year, then returns to the page the person was on. */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await request.formData();
	const theme = themeFromCookie(String(form.get('theme') ?? ''));
	cookies.set('theme', theme, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 60 * 60 * 24 * 365
	});
	const back = String(form.get('return') ?? '/');
	redirect(303, back.startsWith('/') && !back.startsWith('//') ? back : '/');
};
