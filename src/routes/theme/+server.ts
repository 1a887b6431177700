import { redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/forms';
import { returnPath } from '$lib/server/return-path';
import { themeChoiceSchema, themeFromCookie } from '$lib/theme';
import type { RequestHandler } from './$types';

/** Remembers the chosen colour theme for a year, then returns to the page the person was on. */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const parsed = await readForm(request, themeChoiceSchema);
	const form = parsed.ok ? parsed.data : { theme: '', return: '/' };
	const theme = themeFromCookie(form.theme);
	cookies.set('theme', theme, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 60 * 60 * 24 * 365
	});
	redirect(303, returnPath(form.return, url.origin));
};
