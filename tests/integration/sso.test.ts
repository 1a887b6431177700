import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listAuditEvents, type AuditAction } from '../../src/lib/server/audit/log';
import { finishSignIn, forgetProviderConfigurations, startSignIn } from '../../src/lib/server/auth/oidc';
import { issueInvite, lookupInvite } from '../../src/lib/server/auth/invites';
import { hashPassword } from '../../src/lib/server/auth/password';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { signIn } from '../../src/lib/server/auth/sign-in';
import { signInProviders, ssoForced } from '../../src/lib/server/auth/sso';
import {
	deleteProvider,
	saveProvider,
	setSsoEnforcement,
	type ProviderForm
} from '../../src/lib/server/auth/sso-admin';
import { signInWithIdentity } from '../../src/lib/server/auth/sso-sign-in';
import type { SsoProvider } from '../../src/lib/server/auth/sso-providers';
import type { Db } from '../../src/lib/server/db';
import { signInWithoutBrowser, startOpenIdProvider, type TestOpenIdProvider } from '../oidc-provider';
import { addGrant, addPerson, countRows, openTempDb, plainActor, type TempDb } from './temp-db';

const ORIGIN = 'http://ripple.test';
const IP = '198.51.100.20';
const PASSWORD = 'correct horse battery staple';

let temp: TempDb;
let db: Db;
let idp: TestOpenIdProvider;
let provider: SsoProvider;

beforeAll(async () => {
	temp = await openTempDb('sso');
	db = temp.db;
	idp = await startOpenIdProvider([
		{
			client_id: 'ripple',
			client_secret: 'ripple-secret',
			redirect_uris: [`${ORIGIN}/login/sso/company/callback`, `${ORIGIN}/login/sso/other/callback`]
		}
	]);
	provider = {
		slug: 'company',
		displayName: 'Company account',
		issuer: idp.issuer,
		clientId: 'ripple',
		clientSecret: 'ripple-secret',
		scopes: ['openid', 'email', 'profile'],
		domains: ['example.com'],
		allowNewPeople: true,
		claims: { department: 'department', jobTitle: 'job_title', employeeId: 'employee_id' },
		source: 'environment'
	};
});

afterAll(async () => {
	forgetProviderConfigurations();
	await idp?.close();
	await temp?.close();
});

beforeEach(() => idp.people.clear());

/** The whole round trip: start here, sign in at the provider as `sub`, come back to the callback. */
async function throughProvider(sub: string, options: { via?: SsoProvider; at?: SsoProvider; now?: Date } = {}) {
	const now = options.now ?? new Date();
	const authorization = await startSignIn(
		db,
		options.via ?? provider,
		{ origin: ORIGIN, returnTo: '/learn' },
		new Date()
	);
	const callback = new URL(await signInWithoutBrowser(authorization.href, sub));
	return { callback, finished: await finishSignIn(db, options.at ?? provider, callback, { origin: ORIGIN }, now) };
}

async function signInAs(sub: string) {
	const { finished } = await throughProvider(sub);
	if (!finished.ok) throw new Error(`the provider's answer was refused: ${finished.reason} ${finished.detail ?? ''}`);
	return signInWithIdentity(db, provider, finished.claims, { ip: IP }, new Date());
}

async function lastAudit(action: AuditAction) {
	const { rows } = await listAuditEvents(db, { action, limit: 1, offset: 0 });
	return rows[0];
}

describe('single sign-on', () => {
	it('creates a newcomer from the token’s claims on their first sign-in, and signs them in', async () => {
		idp.people.set('sub-ana', {
			sub: 'sub-ana',
			email: 'Ana.New@example.com',
			name: 'Ana New',
			extra: {
				department: 'Accounts Payable',
				job_title: 'AP Specialist',
				employee_id: 'E-1001',
				zoneinfo: 'Europe/Amsterdam',
				locale: 'nl'
			}
		});
		const people = await countRows(db, 'people');
		const result = await signInAs('sub-ana');
		expect(result).toMatchObject({ ok: true, created: true, linked: true });
		if (!result.ok) return;
		expect(await countRows(db, 'people')).toBe(people + 1);
		const person = await db
			.selectFrom('people')
			.selectAll()
			.where('id', '=', result.personId)
			.executeTakeFirstOrThrow();
		expect(person).toMatchObject({
			email: 'ana.new@example.com',
			name: 'Ana New',
			department: 'Accounts Payable',
			job_title: 'AP Specialist',
			employee_id: 'E-1001',
			time_zone: 'Europe/Amsterdam',
			language: 'nl',
			team_id: null,
			manager_id: null,
			password_hash: null,
			active: 1
		});
		// No role comes from a token.
		expect(await db.selectFrom('role_grants').select('id').where('person_id', '=', person.id).execute()).toEqual([]);
		expect(await validateSessionToken(db, result.token, new Date())).not.toBeNull();
		expect((await lastAudit('person.created'))?.object_id).toBe(person.id);
		expect((await lastAudit('auth.sso_linked'))?.object_id).toBe(person.id);
		expect((await lastAudit('auth.sso_sign_in'))?.object_id).toBe(person.id);
	});

	it('signs the same person in again on the second sign-in, with a new session each time', async () => {
		idp.people.set('sub-bo', { sub: 'sub-bo', email: 'bo@example.com', name: 'Bo Again' });
		const first = await signInAs('sub-bo');
		const people = await countRows(db, 'people');
		const second = await signInAs('sub-bo');
		expect(first.ok && second.ok).toBe(true);
		if (!first.ok || !second.ok) return;
		expect(second).toMatchObject({ personId: first.personId, created: false, linked: false });
		expect(second.token).not.toBe(first.token);
		expect(await countRows(db, 'people')).toBe(people);
		const identities = await db
			.selectFrom('person_identities')
			.selectAll()
			.where('person_id', '=', first.personId)
			.execute();
		expect(identities).toHaveLength(1);
	});

	it('links an existing person by a verified email, and never by an unverified one', async () => {
		await addPerson(db, { id: 'p-cleo', email: 'cleo@example.com', name: 'Cleo Existing' });
		await addPerson(db, { id: 'p-dev', email: 'dev@example.com', name: 'Dev Existing' });
		idp.people.set('sub-cleo', { sub: 'sub-cleo', email: 'cleo@example.com', name: 'Cleo' });
		idp.people.set('sub-mallory', {
			sub: 'sub-mallory',
			email: 'dev@example.com',
			email_verified: false,
			name: 'Mallory'
		});

		const invite = await issueInvite(db, 'p-cleo', null, new Date());
		expect(await signInAs('sub-cleo')).toMatchObject({ ok: true, personId: 'p-cleo', created: false, linked: true });
		// The invitation she had is answered: its link no longer sets a password.
		expect((await lookupInvite(db, invite.token, new Date())).status).toBe('used');

		const sessions = await countRows(db, 'sessions');
		expect(await signInAs('sub-mallory')).toMatchObject({ ok: false, reason: 'unverified_email', personId: 'p-dev' });
		expect(await countRows(db, 'sessions')).toBe(sessions);
		expect(
			await db.selectFrom('person_identities').select('subject').where('person_id', '=', 'p-dev').execute()
		).toEqual([]);
		const refused = await lastAudit('auth.sso_refused');
		expect(JSON.parse(refused!.details!)).toMatchObject({
			reason: 'unverified_email',
			email: 'dev@example.com',
			subject: 'sub-mallory'
		});
	});

	it('links by employee id when the mapped claim names one, whatever the email', async () => {
		await addPerson(db, { id: 'p-eve', email: 'eve.old@example.com', name: 'Eve', employee_id: 'E-2002' });
		idp.people.set('sub-eve', {
			sub: 'sub-eve',
			email: 'eve.new@example.com',
			name: 'Eve',
			extra: { employee_id: 'E-2002' }
		});
		expect(await signInAs('sub-eve')).toMatchObject({ ok: true, personId: 'p-eve', linked: true });
	});

	it('refuses newcomers the provider may not create, and deactivated people', async () => {
		idp.people.set('sub-far', { sub: 'sub-far', email: 'far@elsewhere.org', name: 'Far Away' });
		expect(await signInAs('sub-far')).toMatchObject({ ok: false, reason: 'domain_not_served' });

		const closed = { ...provider, allowNewPeople: false };
		idp.people.set('sub-gil', { sub: 'sub-gil', email: 'gil@example.com', name: 'Gil' });
		const { finished } = await throughProvider('sub-gil');
		if (!finished.ok) throw new Error(finished.reason);
		expect(await signInWithIdentity(db, closed, finished.claims, { ip: IP }, new Date())).toMatchObject({
			ok: false,
			reason: 'not_invited'
		});

		await addPerson(db, { id: 'p-hal', email: 'hal@example.com', name: 'Hal Left', active: 0 });
		idp.people.set('sub-hal', { sub: 'sub-hal', email: 'hal@example.com', name: 'Hal' });
		const people = await countRows(db, 'people');
		expect(await signInAs('sub-hal')).toMatchObject({ ok: false, reason: 'inactive', personId: 'p-hal' });
		expect(await countRows(db, 'people')).toBe(people);
	});
});

describe('the provider’s answer', () => {
	beforeEach(() => idp.people.set('sub-ivy', { sub: 'sub-ivy', email: 'ivy@example.com', name: 'Ivy' }));

	it('is used once: a replayed state is refused', async () => {
		const { callback, finished } = await throughProvider('sub-ivy');
		expect(finished.ok).toBe(true);
		expect(await finishSignIn(db, provider, callback, { origin: ORIGIN }, new Date())).toMatchObject({
			ok: false,
			reason: 'unknown_state'
		});
	});

	it('is refused after ten minutes, and at another provider’s address', async () => {
		const late = await throughProvider('sub-ivy', { now: new Date(Date.now() + 11 * 60 * 1000) });
		expect(late.finished).toMatchObject({ ok: false, reason: 'expired', returnTo: '/learn' });
		const other = await throughProvider('sub-ivy', { at: { ...provider, slug: 'other' } });
		expect(other.finished).toMatchObject({ ok: false, reason: 'wrong_provider' });
	});

	const forged: [
		string,
		(claims: Record<string, unknown>) => Record<string, unknown>,
		'provider' | 'stranger' | 'corrupt'
	][] = [
		['from another issuer', (c) => ({ ...c, iss: 'https://evil.example' }), 'provider'],
		['for another audience', (c) => ({ ...c, aud: 'someone-else' }), 'provider'],
		['with a wrong nonce', (c) => ({ ...c, nonce: 'not-the-one-sent' }), 'provider'],
		[
			'expired',
			(c) => ({ ...c, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 }),
			'provider'
		],
		['signed by another key', (c) => c, 'stranger'],
		['with a tampered signature', (c) => c, 'corrupt']
	];
	it.each(forged)('refuses an ID token %s', async (_, change, sign) => {
		idp.rewriteNextIdToken(change, sign);
		const { finished } = await throughProvider('sub-ivy');
		expect(finished).toMatchObject({ ok: false, reason: 'invalid' });
	});
});

describe('providers and enforcement in the admin', () => {
	const admin = () => plainActor('p-admin', '127.0.0.1', { isAdmin: true });
	const form = (overrides: Partial<ProviderForm> = {}): ProviderForm => ({
		display_name: 'Northwind',
		slug: 'northwind',
		issuer: idp.issuer,
		client_id: 'ripple',
		client_secret: 'ripple-secret',
		scopes: ['openid', 'email', 'profile'],
		domains: ['northwind.example'],
		allow_new_people: false,
		claim_department: null,
		claim_job_title: null,
		claim_employee_id: null,
		enabled: true,
		...overrides
	});
	let savedKey: string | undefined;

	beforeAll(async () => {
		savedKey = process.env.SECRETS_KEY;
		process.env.SECRETS_KEY = 'k'.repeat(40);
		await addPerson(db, { id: 'p-admin', email: 'admin@example.com', name: 'Ada Admin' });
		await addGrant(db, 'p-admin', 'admin');
		await addPerson(db, {
			id: 'p-staff',
			email: 'staff@example.com',
			name: 'Sam Staff',
			password_hash: await hashPassword(PASSWORD)
		});
	});
	afterAll(() => {
		if (savedKey === undefined) delete process.env.SECRETS_KEY;
		else process.env.SECRETS_KEY = savedKey;
	});

	it('tests a provider before saving it, and keeps nothing of one that does not answer', async () => {
		const result = await saveProvider(
			db,
			admin(),
			form({ slug: 'broken', issuer: 'http://127.0.0.1:9/nothing' }),
			null,
			new Date()
		);
		expect(result).toMatchObject({ ok: false, errors: { issuer: { code: 'admin_sso_test_failed_discovery' } } });
		expect(await db.selectFrom('identity_providers').select('slug').execute()).toEqual([]);
	});

	it('saves a working provider with its secret sealed, and people can sign in with it', async () => {
		expect(await saveProvider(db, admin(), form(), null, new Date())).toMatchObject({ ok: true, slug: 'northwind' });
		const row = await db
			.selectFrom('identity_providers')
			.selectAll()
			.where('slug', '=', 'northwind')
			.executeTakeFirstOrThrow();
		expect(row.client_secret).not.toContain('ripple-secret');
		expect((await signInProviders(db)).map((p) => [p.slug, p.clientSecret])).toContainEqual([
			'northwind',
			'ripple-secret'
		]);
		expect((await lastAudit('sso.provider_created'))?.object_id).toBe('northwind');

		// Editing without a new secret keeps the stored one; the audit names what changed.
		expect(
			await saveProvider(
				db,
				admin(),
				form({ client_secret: '', display_name: 'Northwind ID' }),
				'northwind',
				new Date()
			)
		).toMatchObject({ ok: true });
		expect((await signInProviders(db)).find((p) => p.slug === 'northwind')?.clientSecret).toBe('ripple-secret');
		expect(JSON.parse((await lastAudit('sso.provider_updated'))!.details!)).toMatchObject({
			changed: ['display_name']
		});

		expect(await saveProvider(db, admin(), form(), null, new Date())).toMatchObject({
			ok: false,
			errors: { slug: { code: 'admin_sso_slug_taken' } }
		});
	});

	it('will not save a provider without SECRETS_KEY', async () => {
		delete process.env.SECRETS_KEY;
		try {
			expect(await saveProvider(db, admin(), form({ slug: 'nokey' }), null, new Date())).toMatchObject({
				ok: false,
				errors: { _form: { code: 'admin_sso_secrets_key_missing' } }
			});
		} finally {
			process.env.SECRETS_KEY = 'k'.repeat(40);
		}
	});

	it('turns passwords off only with a provider and a break-glass admin, who alone keeps a password', async () => {
		expect(await setSsoEnforcement(db, admin(), { forced: true, break_glass: [] }, new Date())).toMatchObject({
			ok: false,
			errors: { break_glass: { code: 'admin_sso_force_needs_break_glass' } }
		});
		expect(await setSsoEnforcement(db, admin(), { forced: true, break_glass: ['p-staff'] }, new Date())).toMatchObject({
			ok: false,
			errors: { break_glass: { code: 'admin_sso_break_glass_admins_only' } }
		});
		expect(await setSsoEnforcement(db, admin(), { forced: true, break_glass: ['p-admin'] }, new Date())).toMatchObject({
			ok: true,
			changed: true
		});
		expect(await ssoForced(db)).toBe(true);
		expect(await signIn(db, { email: 'staff@example.com', password: PASSWORD, ip: IP }, new Date())).toEqual({
			ok: false,
			reason: 'sso_required'
		});
		// An unknown address gets the same answer, so the reply tells no one who has an account.
		expect(await signIn(db, { email: 'nobody@example.com', password: PASSWORD, ip: IP }, new Date())).toEqual({
			ok: false,
			reason: 'sso_required'
		});
		await db
			.updateTable('people')
			.set({ password_hash: await hashPassword(PASSWORD) })
			.where('id', '=', 'p-admin')
			.execute();
		expect(await signIn(db, { email: 'admin@example.com', password: PASSWORD, ip: IP }, new Date())).toMatchObject({
			ok: true
		});

		// Without a provider to sign in with, forcing does not apply: nobody is locked out.
		expect(await deleteProvider(db, admin(), 'northwind', new Date())).toMatchObject({ ok: true });
		expect(await ssoForced(db)).toBe(false);
		expect(await signIn(db, { email: 'staff@example.com', password: PASSWORD, ip: IP }, new Date())).toMatchObject({
			ok: true
		});
		expect(await setSsoEnforcement(db, admin(), { forced: true, break_glass: ['p-admin'] }, new Date())).toMatchObject({
			ok: false,
			errors: { forced: { code: 'admin_sso_force_needs_provider' } }
		});
		expect(await setSsoEnforcement(db, admin(), { forced: false, break_glass: ['p-admin'] }, new Date())).toMatchObject(
			{ ok: true }
		);
	});
});
