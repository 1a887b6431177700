import { fail, redirect } from '@sveltejs/kit';
import { acceptInvite } from '$lib/server/auth/accept-invite';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { invalidateSession } from '$lib/server/auth/session';
import { lookupInvite } from '$lib/server/auth/invites';
import { passwordsAllowedFor, signInProviders } from '$lib/server/auth/sso';
import { providerForEmail } from '$lib/server/auth/sso-providers';
import { sessionExpiresAt } from '$lib/server/auth/session-policy';
import { db } from '$lib/server/db';
import { parseForm, formError } from '$lib/server/forms';
import { setPasswordSchema, PASSWORD_MIN_LENGTH } from '$lib/schemas/auth';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** Why a link cannot be used, in the language of the request. */
const problems = {
	used: m.invite_used,
	expired: m.invite_expired,
	unknown: m.invite_unknown
} as const;

/**
 * With single sign-on forced, the link leads to the company's provider instead of a password form
 * (break-glass admins still set a password): the provider serving the person's domain first.
 */
async function ssoChoices(personId: string, email: string) {
	if (await passwordsAllowedFor(db(), personId)) return null;
	const providers = await signInProviders(db());
	const home = providerForEmail(providers, email);
	return [...(home ? [home] : []), ...providers.filter((p) => p !== home)].map((p) => ({
		slug: p.slug,
		displayName: p.displayName
	}));
}

export const load: PageServerLoad = async ({ params }) => {
	const invite = await lookupInvite(db(), params.token, new Date());
	if (invite.status !== 'valid')
		return { invite: null, problem: problems[invite.status](), minLength: PASSWORD_MIN_LENGTH, sso: null };
	return {
		invite: { name: invite.name, email: invite.email },
		problem: null,
		minLength: PASSWORD_MIN_LENGTH,
		sso: await ssoChoices(invite.personId, invite.email)
	};
};

export const actions: Actions = {
	default: async ({ params, request, cookies, url, locals, getClientAddress }) => {
		// A link that cannot be used is refused before the password is looked at.
		const invite = await lookupInvite(db(), params.token, new Date());
		if (invite.status !== 'valid') return fail(410, { errors: formError(problems[invite.status]()) });
		if (await ssoChoices(invite.personId, invite.email))
			return fail(403, { errors: formError(m.invite_sso_required()) });
		const parsed = parseForm(setPasswordSchema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		const now = new Date();
		const result = await acceptInvite(db(), params.token, parsed.data.password, getClientAddress(), now);
		if (!result.ok) return fail(410, { errors: formError(problems[result.reason]()) });
		// Whoever was signed in on this browser before is signed out: the link's owner takes over.
		if (locals.session) await invalidateSession(db(), locals.session.id);
		setSessionCookie(
			cookies,
			url,
			result.token,
			sessionExpiresAt({ created_at: now.toISOString(), last_verified_at: now.toISOString() })
		);
		redirect(303, '/?welcome=1');
	}
};
