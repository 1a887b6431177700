import { fail, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { sessionExpiresAt } from '$lib/server/auth/session-policy';
import { db } from '$lib/server/db';
import { formError, parseForm } from '$lib/server/forms';
import { needsSetup, setUpRipple } from '$lib/server/setup';
import { timeZones } from '$lib/locale';
import { PASSWORD_MIN_LENGTH, setupSchema } from '$lib/schemas/auth';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	if (!(await needsSetup(db()))) redirect(303, '/login');
	return { timeZones, minLength: PASSWORD_MIN_LENGTH };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const parsed = parseForm(setupSchema, await request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const now = new Date();
		const result = await setUpRipple(db(), parsed.data, getClientAddress(), now);
		if (!result) return fail(409, { values: parsed.values, errors: formError(m.setup_already_done()) });
		setSessionCookie(
			cookies,
			url,
			result.token,
			sessionExpiresAt({ created_at: now.toISOString(), last_verified_at: now.toISOString() })
		);
		redirect(303, '/admin/org');
	}
};
