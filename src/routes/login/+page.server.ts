import { fail, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { signIn } from '$lib/server/auth/sign-in';
import { sessionExpiresAt } from '$lib/server/auth/session-policy';
import { signInProviders, ssoForced } from '$lib/server/auth/sso';
import { providerForEmail } from '$lib/server/auth/sso-providers';
import { db } from '$lib/server/db';
import { demoAccounts, DEMO_PASSWORD, hasDemoData } from '$lib/server/demo/accounts';
import { returnPath } from '$lib/server/return-path';
import { needsSetup } from '$lib/server/setup';
import { formError, readForm, type FieldErrors } from '$lib/server/forms';
import { loginSchema } from '$lib/schemas/auth';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, returnPath(url.searchParams.get('redirectTo'), url.origin));
	// A brand-new, empty Ripple has nobody to sign in as: offer first-run setup instead.
	if (await needsSetup(db())) redirect(303, '/setup');
	const [demo, providers] = await Promise.all([hasDemoData(db()), signInProviders(db())]);
	const forced = await ssoForced(db(), providers);
	return {
		demo: demo ? { accounts: demoAccounts, password: DEMO_PASSWORD } : null,
		// Only what the buttons and home-realm discovery need: never a client id or secret.
		providers: providers.map((p) => ({ slug: p.slug, displayName: p.displayName, domains: p.domains })),
		forced,
		redirectTo: returnPath(url.searchParams.get('redirectTo'), url.origin)
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress, setHeaders }) => {
		const parsed = await readForm(request, loginSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const redirectTo = returnPath(url.searchParams.get('redirectTo'), url.origin);

		// Home-realm discovery: an email the company's provider serves goes there rather than
		// being asked for a password (a password typed anyway is checked, for break-glass admins).
		if (parsed.data.password === '') {
			const provider = providerForEmail(await signInProviders(db()), parsed.data.email);
			if (provider) {
				const query = new URLSearchParams({ login_hint: parsed.data.email.toLowerCase(), redirectTo });
				redirect(303, `/login/sso/${provider.slug}?${query}`);
			}
			return fail(400, { values: parsed.values, errors: { password: m.login_password_required() } as FieldErrors });
		}

		const now = new Date();
		const result = await signIn(db(), { ...parsed.data, ip: getClientAddress() }, now);
		if (!result.ok && result.reason === 'throttled') {
			setHeaders({ 'Retry-After': String(result.retryAfterSeconds) });
			const minutes = Math.ceil(result.retryAfterSeconds / 60);
			return fail(429, { values: parsed.values, errors: formError(m.login_throttled({ minutes })) });
		}
		if (!result.ok) {
			return fail(result.reason === 'sso_required' ? 403 : 400, {
				values: parsed.values,
				errors: formError(result.reason === 'sso_required' ? m.login_sso_required() : m.login_failed())
			});
		}
		setSessionCookie(
			cookies,
			url,
			result.token,
			sessionExpiresAt({ created_at: now.toISOString(), last_verified_at: now.toISOString() })
		);
		redirect(303, redirectTo);
	}
};
