import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from '$lib/i18n/cookie';
import { isLocale } from '$lib/i18n/locales';
import { readForm } from '$lib/server/forms';
import { returnPath } from '$lib/server/return-path';
import type { RequestHandler } from './$types';

const languageChoiceSchema = z.object({ locale: z.string().max(20), return: z.string().max(2000) });

/**
 * Remembers the language chosen on a page that needs no sign-in (sign-in, setup, an invitation, a
 * feedback form, a certificate check), then returns there. Signed-in people set theirs in their
 * profile, which always wins.
 */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const parsed = await readForm(request, languageChoiceSchema);
	const form = parsed.ok ? parsed.data : { locale: '', return: '/' };
	if (isLocale(form.locale))
		cookies.set(LOCALE_COOKIE, form.locale, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: LOCALE_COOKIE_MAX_AGE
		});
	redirect(303, returnPath(form.return, url.origin));
};
