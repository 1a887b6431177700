import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { actorFor } from '$lib/server/auth/actor';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { loadCurrentUser } from '$lib/server/auth/current-user';
import { SESSION_COOKIE, invalidateSession, validateSessionToken } from '$lib/server/auth/session';
import { sessionExpiresAt } from '$lib/server/auth/session-policy';
import { db } from '$lib/server/db';
import { migrateToLatest } from '$lib/server/db/migrator';
import { themeFromCookie } from '$lib/theme';
import { LOCALE_COOKIE } from '$lib/i18n/cookie';
import { requestLocale, type Locale } from '$lib/i18n/locales';
import { organisationLocale } from '$lib/server/org/settings';
import { defineCustomServerStrategy } from '$lib/paraglide/runtime';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { m } from '$lib/paraglide/messages';
import { building } from '$app/environment';
import { config } from '$lib/server/config';
import { compressed } from '$lib/server/compression';
import { isForbiddenCrossSitePost } from '$lib/server/csrf';
import { startNotificationWorker } from '$lib/server/notifications/worker';

export const init: ServerInit = async () => {
	const applied = await migrateToLatest(db());
	if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
	// adapter-node finishes open requests on SIGTERM, then emits this: close the database so idle
	// PostgreSQL connections do not hold the process open (and SQLite's file is closed cleanly).
	// The notification worker runs here unless this instance leaves it to `npm run worker`.
	const worker = !building && config.notificationsWorker ? startNotificationWorker(db()) : null;
	process.once('sveltekit:shutdown', () => {
		void (async () => {
			await worker?.stop();
			await db().destroy();
		})();
	});
};

/**
 * A form post that did not come from `use:enhance` gets the HTML answer (real 303/400/429 statuses),
 * whatever its Accept header says; SvelteKit would otherwise answer a client that accepts anything with JSON.
 */
const plainFormPosts: Handle = async ({ event, resolve }) => {
	if (event.request.method === 'POST' && !event.request.headers.has('x-sveltekit-action')) {
		event.request.headers.set('accept', 'text/html');
	}
	return resolve(event);
};

const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.actor = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const now = new Date();
		const result = await validateSessionToken(db(), token, now);
		const user = result ? await loadCurrentUser(db(), result.session.person_id) : null;
		if (result && user) {
			event.locals.session = result.session;
			event.locals.user = user;
			event.locals.actor = actorFor(user, event.getClientAddress());
			if (result.touched) setSessionCookie(event.cookies, event.url, token, sessionExpiresAt(result.session));
		} else {
			if (result) await invalidateSession(db(), result.session.id);
			deleteSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};

/** Pages anyone may open without signing in. */
function isPublic(pathname: string): boolean {
	return (
		pathname === '/login' ||
		// Single sign-on: off to the company's identity provider and back.
		pathname.startsWith('/login/sso/') ||
		pathname === '/setup' ||
		pathname === '/logout' ||
		pathname === '/healthz' ||
		pathname === '/theme' ||
		pathname === '/language' ||
		pathname.startsWith('/invite/') ||
		pathname.startsWith('/verify/') ||
		// An email's unsubscribe link works without signing in (its token is the authority).
		pathname.startsWith('/unsubscribe/') ||
		pathname.startsWith('/calendar/') ||
		// Internal customers answer case feedback without an account.
		pathname.startsWith('/feedback/') ||
		// The API authenticates each request with an integration's bearer token instead.
		pathname.startsWith('/api/') ||
		// SCIM: a directory connection's bearer token.
		pathname.startsWith('/scim/')
	);
}

/**
 * The first line of authorization: anonymous visitors go to sign-in (remembering where they were
 * going), and non-admins never reach an admin action. Loads and actions check again for themselves.
 */
const guard: Handle = async ({ event, resolve }) => {
	const { pathname, search } = event.url;
	if (!event.locals.user && !isPublic(pathname)) {
		redirect(303, `/login?redirectTo=${encodeURIComponent(pathname + search)}`);
	}
	if (pathname.startsWith('/admin') && event.request.method !== 'GET' && !event.locals.user?.scope.isAdmin) {
		return new Response('Only admins can do this', { status: 403 });
	}
	return resolve(event);
};

/**
 * Headers every answer carries. SvelteKit writes the pages' Content-Security-Policy (kit.csp in
 * svelte.config.js, with a nonce per response); answers that are not pages (CSV, calendar files,
 * JSON) get one that allows nothing, since none of them should ever be run or framed.
 */
const crossSite: Handle = async ({ event, resolve }) => {
	if (isForbiddenCrossSitePost(event.request, event.url)) {
		return new Response(`Cross-site ${event.request.method} form submissions are forbidden`, {
			status: 403,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	// `?/default` names SvelteKit's reserved action, which it answers with a 500; it is a bad request.
	if (event.request.method === 'POST' && event.url.searchParams.has('/default')) {
		return new Response('There is no form action called "default".', {
			status: 400,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	const response = await resolve(event);
	const headers = response.headers;
	headers.set('x-content-type-options', 'nosniff');
	// Token links (invites, feedback, calendars) must not leak to other sites through Referer.
	headers.set('referrer-policy', 'same-origin');
	headers.set('x-frame-options', 'DENY');
	headers.set('cross-origin-opener-policy', 'same-origin');
	headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
	if (!headers.has('content-security-policy'))
		headers.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
	return response;
};

/** The locale each request was given by `language` below, for Paraglide's strategy to read. */
const decided = new WeakMap<Request, Locale>();
defineCustomServerStrategy('custom-ripple', { getLocale: (request) => (request ? decided.get(request) : undefined) });

/**
 * Every message of the request in its locale (src/lib/i18n/locales.ts): the signed-in person's
 * language, else the one chosen on the page, the browser's, or the organisation's default.
 */
const language: Handle = async ({ event, resolve }) => {
	const locale = requestLocale({
		personLanguage: event.locals.user?.language ?? null,
		chosen: event.cookies.get(LOCALE_COOKIE),
		acceptLanguage: event.request.headers.get('accept-language'),
		organisationDefault: await organisationLocale.get()
	});
	event.locals.locale = locale;
	decided.set(event.request, locale);
	return paraglideMiddleware(event.request, ({ request }) => {
		decided.set(request, locale);
		event.request = request;
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%ripple.lang%', locale) });
	});
};

const theme: Handle = async ({ event, resolve }) => {
	const chosen = themeFromCookie(event.cookies.get('theme'));
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%ripple.theme%', chosen) });
};

/**
 * Outermost: what every other step answered, compressed for the client. A load's own `fetch` to
 * Ripple reads the body as it is, so sub-requests stay plain.
 */
const compress: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	return event.isSubRequest ? response : await compressed(event.request, response);
};

export const handle = sequence(
	compress,
	securityHeaders,
	crossSite,
	plainFormPosts,
	authenticate,
	language,
	guard,
	theme
);

export const handleError: HandleServerError = ({ error, event, status }) => {
	const reference = crypto.randomUUID().slice(0, 8);
	// Client mistakes (a missing page, a body over the size limit) are not incidents to log.
	if (status >= 500) console.error(`[${reference}] ${event.request.method} ${event.url.pathname}`, error);
	// Worded in the request's language when `language` has run; in English for errors before it.
	const calm =
		status === 404
			? m.shell_page_not_found()
			: status === 413
				? m.shell_request_too_large()
				: status >= 500
					? m.shell_server_error()
					: m.shell_request_failed();
	return { message: calm, reference };
};
