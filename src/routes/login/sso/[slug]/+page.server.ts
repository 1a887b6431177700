import { error, redirect } from '@sveltejs/kit';
import { describe, startSignIn } from '$lib/server/auth/oidc';
import { signInProvider } from '$lib/server/auth/sso';
import { recordSsoRefusal } from '$lib/server/auth/sso-sign-in';
import { db } from '$lib/server/db';
import { returnPath } from '$lib/server/return-path';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/** Sends the person to the provider; if it cannot be reached, says so here. */
export const load: PageServerLoad = async ({ params, url, locals, getClientAddress }) => {
	const provider = await signInProvider(db(), params.slug);
	if (!provider) error(404, m.sso_provider_unknown());
	const returnTo = returnPath(url.searchParams.get('redirectTo'), url.origin);
	if (locals.user) redirect(303, returnTo);

	const hint = url.searchParams.get('login_hint')?.trim() ?? '';
	const now = new Date();
	let target: URL;
	try {
		target = await startSignIn(
			db(),
			provider,
			{ origin: url.origin, returnTo, loginHint: hint.length <= 254 && hint.includes('@') ? hint : null },
			now
		);
	} catch (err) {
		await recordSsoRefusal(
			db(),
			provider,
			{ reason: 'unreachable', detail: describe(err), ip: getClientAddress() },
			now
		);
		return {
			provider: { slug: provider.slug, displayName: provider.displayName },
			reason: 'unreachable' as const,
			email: null,
			returnTo
		};
	}
	redirect(303, target.href);
};
