/**
 * A real OpenID provider for the test suites, built on `oidc-provider` and listening on 127.0.0.1.
 *
 * Sign-in goes through the provider's own development pages (a form with `login` and `password`
 * fields, any password is accepted); consent is implied, as for a first-party client, so the
 * browser sees the login page only. `signInWithoutBrowser` completes the same pages with fetch.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import type { Account, Configuration, KoaContextWithOIDC } from 'oidc-provider';

export interface TestPerson {
	sub: string;
	email: string;
	/** Defaults to true. */
	email_verified?: boolean;
	name: string;
	/** Further claims, e.g. department, job_title, employee_id: released with the `profile` scope when their name is in the provider's claim list. */
	extra?: Record<string, unknown>;
}

export interface TestClient {
	client_id: string;
	client_secret: string;
	redirect_uris: string[];
}

export type IdTokenSigning = 'provider' | 'stranger' | 'corrupt';

export interface TestOpenIdProvider {
	/** e.g. http://127.0.0.1:PORT */
	issuer: string;
	port: number;
	/** The account store, keyed by sub; tests add and change people at any time. */
	people: Map<string, TestPerson>;
	/**
	 * Rewrites the ID token of the next token-endpoint response that carries one (only that one): `change`
	 * gets the decoded payload and returns the new one; `sign` says how the new token is signed:
	 * 'provider' (the provider's own key, a valid signature), 'stranger' (a freshly generated other RSA key
	 * with the same kid), 'corrupt' (the provider's signature with one character flipped).
	 */
	rewriteNextIdToken(
		change: (payload: Record<string, unknown>) => Record<string, unknown>,
		sign?: IdTokenSigning
	): void;
	close(): Promise<void>;
}

export interface StartOptions {
	/** Defaults to 0: a free port. */
	port?: number;
	/** Further claim names the `profile` scope releases (the provider drops claims it does not know). */
	extraClaims?: string[];
}

/** Claims the `profile` scope releases: the standard ones and what directories commonly add. */
const PROFILE_CLAIMS = [
	'name',
	'given_name',
	'family_name',
	'middle_name',
	'nickname',
	'preferred_username',
	'locale',
	'zoneinfo',
	'department',
	'job_title',
	'employee_id'
];

/** Messages oidc-provider prints about development-only defaults, which a test provider uses on purpose. */
function isProviderNotice(args: unknown[]): boolean {
	return typeof args[0] === 'string' && /oidc-provider (WARNING|NOTICE):/.test(args[0]);
}

/** Runs `work` with oidc-provider's own warnings and notices filtered out of the console; everything else passes. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
	const { warn, info } = console;
	console.warn = (...args: unknown[]) => {
		if (!isProviderNotice(args)) warn(...args);
	};
	console.info = (...args: unknown[]) => {
		if (!isProviderNotice(args)) info(...args);
	};
	try {
		return await work();
	} finally {
		console.warn = warn;
		console.info = info;
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface PendingRewrite {
	change: (payload: Record<string, unknown>) => Record<string, unknown>;
	sign: IdTokenSigning;
}

export async function startOpenIdProvider(
	clients: TestClient[],
	options: StartOptions = {}
): Promise<TestOpenIdProvider> {
	// The issuer names the port, so the port must be known before the provider exists.
	const server = createServer();
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo; // listening on TCP, so never a pipe name or null
	const issuer = `http://127.0.0.1:${port}`;

	const kid = `test-${port}-${Date.now()}`;
	const { privateKey } = await generateKeyPair('RS256', { extractable: true });
	const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };

	const people = new Map<string, TestPerson>();
	let pending: PendingRewrite | undefined;

	const configuration: Configuration = {
		clients: clients.map((client) => ({
			client_id: client.client_id,
			client_secret: client.client_secret,
			redirect_uris: client.redirect_uris,
			grant_types: ['authorization_code'],
			response_types: ['code']
			// token_endpoint_auth_method stays client_secret_basic; oidc-provider accepts client_secret_post too.
		})),
		jwks: { keys: [privateJwk] },
		cookies: { keys: [randomUUID()] },
		claims: {
			openid: ['sub'],
			email: ['email', 'email_verified'],
			profile: [...PROFILE_CLAIMS, ...(options.extraClaims ?? [])]
		},
		// The claims of the granted scopes go into the ID token too, as many real directories do.
		conformIdTokenClaims: false,
		pkce: { required: () => true },
		features: { devInteractions: { enabled: true } },
		clientBasedCORS: () => true,
		ttl: {
			AccessToken: 600,
			AuthorizationCode: 60,
			IdToken: 600,
			RefreshToken: 3600,
			Interaction: 600,
			Session: 3600,
			Grant: 3600
		},
		async findAccount(_ctx, sub): Promise<Account | undefined> {
			if (!people.has(sub)) return undefined;
			return {
				accountId: sub,
				// Read at claim time, so a change to `people` shows in the next token.
				claims: () => {
					const person = people.get(sub);
					if (!person) return { sub };
					return {
						...person.extra,
						sub,
						email: person.email,
						email_verified: person.email_verified ?? true,
						name: person.name
					};
				}
			};
		},
		// Consent is implied (a first-party client): grant whatever OpenID scopes and claims were asked for.
		async loadExistingGrant(ctx: KoaContextWithOIDC) {
			const { oidc } = ctx;
			const accountId = oidc.session?.accountId;
			const clientId = oidc.client?.clientId;
			if (!accountId || !clientId) return undefined;
			const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientId);
			const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
			const grant =
				existing && existing.accountId === accountId ? existing : new oidc.provider.Grant({ accountId, clientId });
			grant.addOIDCScope(oidc.requestParamOIDCScopes);
			grant.addOIDCClaims(oidc.requestParamClaims);
			await grant.save();
			return grant;
		},
		renderError(ctx, out) {
			ctx.type = 'html';
			ctx.body = `<!DOCTYPE html><title>OpenID provider error</title><h1>${escapeHtml(out.error)}</h1><p>${escapeHtml(out.error_description ?? '')}</p>`;
		}
	};

	const { default: Provider } = await quietly(() => import('oidc-provider'));
	const provider = await quietly(async () => new Provider(issuer, configuration));

	// A failure inside the provider would otherwise only show as a bare 500 to the client under test.
	provider.on('server_error', (_ctx: unknown, error: unknown) => console.error('test OpenID provider:', error));

	provider.use(async (ctx, next) => {
		// The dev login accepts any login; one nobody in `people` has would crash the provider on resuming
		// (no account, no grant), so that sign-in ends as access_denied at the client instead.
		const resume = /^\/auth\/([^/]+)$/.exec(ctx.path);
		if (resume?.[1]) {
			const interaction = await provider.Interaction.find(resume[1]);
			const accountId = interaction?.result?.login?.accountId;
			if (interaction && accountId !== undefined && !people.has(accountId)) {
				interaction.result = { error: 'access_denied', error_description: `no test person has sub "${accountId}"` };
				await interaction.save(interaction.exp - Math.floor(Date.now() / 1000));
			}
		}
		await next();
		if (!pending || ctx.method !== 'POST' || ctx.path !== '/token') return;
		const body: unknown = ctx.body;
		if (!isRecord(body) || typeof body.id_token !== 'string') return;
		const rewrite = pending;
		pending = undefined;
		body.id_token = await rewriteIdToken(body.id_token, rewrite, privateKey);
	});

	server.on('request', provider.callback());

	return {
		issuer,
		port,
		people,
		rewriteNextIdToken(change, sign = 'provider') {
			pending = { change, sign };
		},
		close() {
			return new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				// fetch keeps connections alive; they would hold close() open.
				server.closeAllConnections();
			});
		}
	};
}

async function rewriteIdToken(idToken: string, rewrite: PendingRewrite, providerKey: CryptoKey): Promise<string> {
	const header = decodeProtectedHeader(idToken);
	const payload = rewrite.change({ ...decodeJwt(idToken) });
	const key =
		rewrite.sign === 'stranger' ? (await generateKeyPair('RS256', { extractable: true })).privateKey : providerKey;
	const jwt = await new SignJWT(payload).setProtectedHeader({ ...header, alg: 'RS256' }).sign(key);
	if (rewrite.sign !== 'corrupt') return jwt;
	// Flip a character in the middle of the signature: the last one may only carry padding bits.
	const at = jwt.lastIndexOf('.') + 20;
	const flipped = jwt[at] === 'A' ? 'B' : 'A';
	return jwt.slice(0, at) + flipped + jwt.slice(at + 1);
}

/** A cookie jar just good enough for one provider: cookies by name, sent back on every request. */
class CookieJar {
	#cookies = new Map<string, string>();

	store(response: Response): void {
		for (const line of response.headers.getSetCookie()) {
			const [pair = '', ...attributes] = line.split(';');
			const eq = pair.indexOf('=');
			if (eq < 1) continue;
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			const expired = attributes.some((attribute) => {
				const [key = '', raw = ''] = attribute.split('=', 2).map((part) => part.trim());
				if (key.toLowerCase() === 'max-age') return Number(raw) <= 0;
				if (key.toLowerCase() === 'expires') return Date.parse(raw) <= Date.now();
				return false;
			});
			if (expired || value === '') this.#cookies.delete(name);
			else this.#cookies.set(name, value);
		}
	}

	header(): string {
		return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	}
}

function unescapeHtml(value: string): string {
	return value
		.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** The first form of a dev-interaction page: its action and the fields to submit as `accountId`. */
function readForm(html: string, accountId: string): { action: string; fields: URLSearchParams } | undefined {
	const form = /<form\b[^>]*\baction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
	if (!form) return undefined;
	const fields = new URLSearchParams();
	for (const [input] of (form[2] ?? '').matchAll(/<input\b[^>]*>/gi)) {
		const name = /\bname="([^"]*)"/i.exec(input)?.[1];
		if (!name) continue;
		const value = /\bvalue="([^"]*)"/i.exec(input)?.[1];
		if (name === 'login') fields.set(name, accountId);
		else if (name === 'password') fields.set(name, 'any password');
		else fields.set(name, unescapeHtml(value ?? ''));
	}
	return { action: unescapeHtml(form[1] ?? ''), fields };
}

/**
 * Completes the provider's login (and consent, should it ask) without a browser, signing in as
 * `accountId`: fetch with a cookie jar, following the provider's redirects and submitting its forms.
 * Returns the final redirect to the client's redirect_uri (with code and state, or an error).
 */
export async function signInWithoutBrowser(authorizationUrl: string, accountId: string): Promise<string> {
	const providerOrigin = new URL(authorizationUrl).origin;
	const jar = new CookieJar();
	let url = authorizationUrl;
	let form: URLSearchParams | undefined;
	for (let step = 0; step < 20; step++) {
		const response = await fetch(url, {
			method: form ? 'POST' : 'GET',
			body: form,
			redirect: 'manual',
			headers: { cookie: jar.header() }
		});
		jar.store(response);
		const location = response.headers.get('location');
		if (response.status >= 300 && response.status < 400 && location) {
			const next = new URL(location, url);
			// Leaving the provider means arriving at the client's redirect_uri.
			if (next.origin !== providerOrigin) return next.href;
			url = next.href;
			form = undefined;
			continue;
		}
		const html = await response.text();
		const page = response.ok ? readForm(html, accountId) : undefined;
		if (!page) {
			const text = html
				.replace(/<[^>]*>/g, ' ')
				.replace(/\s+/g, ' ')
				.trim();
			throw new Error(`OpenID provider answered ${response.status} at ${url}: ${text.slice(0, 300)}`);
		}
		// URLSearchParams as the body sends application/x-www-form-urlencoded, as the browser would.
		url = new URL(page.action, url).href;
		form = page.fields;
	}
	throw new Error(`Sign-in as ${accountId} did not reach the client within 20 steps (does that person exist?)`);
}
