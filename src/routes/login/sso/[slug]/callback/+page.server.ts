import { error, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { finishSignIn } from '$lib/server/auth/oidc';
import { invalidateSession } from '$lib/server/auth/session';
import { sessionExpiresAt } from '$lib/server/auth/session-policy';
import { signInProvider } from '$lib/server/auth/sso';
import { recordSsoRefusal, signInWithIdentity } from '$lib/server/auth/sso-sign-in';
import { db } from '$lib/server/db';
import { returnPath } from '$lib/server/return-path';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/**
 * The provider sends the person back here. A verified answer naming someone who may sign in gets a
 * new session and goes where they were headed; anything else is audited and explained calmly.
 */
export const load: PageServerLoad = async ({ params, url, cookies, locals, getClientAddress }) => {
	const provider = await signInProvider(db(), params.slug);
	if (!provider) error(404, m.sso_provider_unknown());
	const ip = getClientAddress();
	const now = new Date();
	const shown = { slug: provider.slug, displayName: provider.displayName };

	const finished = await finishSignIn(db(), provider, url, { origin: url.origin }, now);
	if (!finished.ok) {
		await recordSsoRefusal(db(), provider, { reason: finished.reason, detail: finished.detail, ip }, now);
		return { provider: shown, reason: finished.reason, email: null, returnTo: finished.returnTo ?? '/' };
	}
	const result = await signInWithIdentity(db(), provider, finished.claims, { ip }, now);
	if (!result.ok) return { provider: shown, reason: result.reason, email: result.email, returnTo: finished.returnTo };

	// Whoever was signed in on this browser before is signed out: the company account's owner takes over.
	if (locals.session) await invalidateSession(db(), locals.session.id);
	const at = now.toISOString();
	setSessionCookie(cookies, url, result.token, sessionExpiresAt({ created_at: at, last_verified_at: at }));
	redirect(303, returnPath(finished.returnTo, url.origin));
};
