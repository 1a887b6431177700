import SQLite from 'better-sqlite3';
import { generateSecret, hashSecret } from '../../src/lib/server/auth/tokens';
import { newId } from '../../src/lib/server/db/ids';
import { expect, test } from './worker-server';
import { fixtureText } from '../fixtures/scim/read';

/**
 * SCIM over HTTP against the production build: the bearer token of a directory connection, SCIM's
 * media type and errors, the provisioning log, and the refusals the authorization matrix cannot
 * send (a revoked token, another connection's token). The request bodies are the Entra ID and Okta
 * fixtures the integration tests use.
 */

/** A connection written straight into the worker's database, as the admin page would make it. */
function connect(databasePath: string, name: string, revoked = false): string {
	const id = newId();
	const secret = generateSecret();
	const db = new SQLite(databasePath);
	try {
		db.prepare(
			`insert into directory_connections (id, name, token_hash, deactivation_limit_percent, created_at, revoked_at)
			 values (?, ?, ?, 20, ?, ?)`
		).run(id, name, hashSecret(secret), new Date().toISOString(), revoked ? new Date().toISOString() : null);
	} finally {
		db.close();
	}
	return `rps_${id}_${secret}`;
}

const scim = (token: string | null, extra: Record<string, string> = {}) => ({
	...(token ? { authorization: `Bearer ${token}` } : {}),
	'content-type': 'application/scim+json',
	...extra
});

test('a directory creates, finds and deactivates a person over SCIM, and every request is logged', async ({
	request,
	server
}) => {
	const token = connect(server.databasePath, `Entra ${newId()}`);
	const userName = `ana.${newId()}@northwind.example`;
	const created = await request.post('/scim/v2/Users', {
		headers: scim(token),
		data: fixtureText('entra-create-user', { 'ana.lopez@northwind.example': userName, '100234': newId() })
	});
	expect(created.status()).toBe(201);
	expect(created.headers()['content-type']).toBe('application/scim+json');
	const user = (await created.json()) as { id: string; userName: string; active: boolean };
	expect(created.headers()['location']).toBe(`${server.origin}/scim/v2/Users/${user.id}`);
	expect(user).toMatchObject({ userName, active: true });

	const found = await request.get(`/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`, {
		headers: scim(token)
	});
	expect(await found.json()).toMatchObject({ totalResults: 1, Resources: [{ id: user.id }] });

	const disabled = await request.patch(`/scim/v2/Users/${user.id}`, {
		headers: scim(token),
		data: fixtureText('entra-patch-disable-legacy')
	});
	expect(await disabled.json()).toMatchObject({ active: false });

	const config = await request.get('/scim/v2/ServiceProviderConfig', { headers: scim(token) });
	expect(await config.json()).toMatchObject({ patch: { supported: true }, bulk: { supported: false } });
	for (const path of ['/scim/v2/ResourceTypes', '/scim/v2/Schemas'])
		expect((await request.get(path, { headers: scim(token) })).status()).toBe(200);

	const db = new SQLite(server.databasePath, { readonly: true });
	try {
		const logged = db
			.prepare(`select method, status from provisioning_log where connection_id = ? order by at, rowid`)
			.all(token.split('_')[1]) as { method: string; status: number }[];
		expect(logged.map((l) => `${l.method} ${l.status}`)).toEqual([
			'POST 201',
			'GET 200',
			'PATCH 200',
			'GET 200',
			'GET 200',
			'GET 200'
		]);
		expect(db.prepare('select active from people where id = ?').get(user.id)).toEqual({ active: 0 });
	} finally {
		db.close();
	}
});

test('SCIM refuses a missing, revoked or foreign token, and malformed bodies, in its own error format', async ({
	request,
	server
}) => {
	const token = connect(server.databasePath, `Okta ${newId()}`);
	const other = connect(server.databasePath, `Other ${newId()}`);
	const revoked = connect(server.databasePath, `Old ${newId()}`, true);
	const created = await request.post('/scim/v2/Users', {
		headers: scim(token),
		data: fixtureText('okta-create-user', { 'ben.okafor@northwind.example': `ben.${newId()}@northwind.example` })
	});
	expect(created.status()).toBe(201);
	const { id } = (await created.json()) as { id: string };

	for (const bearer of [null, revoked, 'rps_notatoken']) {
		const answer = await request.get(`/scim/v2/Users/${id}`, { headers: scim(bearer) });
		expect(answer.status()).toBe(401);
		expect(await answer.json()).toMatchObject({
			schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
			status: '401'
		});
	}
	// Another directory's token does not see this one's people.
	expect((await request.get(`/scim/v2/Users/${id}`, { headers: scim(other) })).status()).toBe(404);

	const notJson = await request.patch(`/scim/v2/Users/${id}`, { headers: scim(token), data: '{"Operations": [' });
	expect(notJson.status()).toBe(400);
	expect(await notJson.json()).toMatchObject({ status: '400', scimType: 'invalidSyntax' });
	const badFilter = await request.get(`/scim/v2/Users?filter=${encodeURIComponent('title co "x"')}`, {
		headers: scim(token)
	});
	expect(await badFilter.json()).toMatchObject({ status: '400', scimType: 'invalidFilter' });
	const unsupported = await request.fetch('/scim/v2/Users', { method: 'DELETE', headers: scim(token) });
	expect(unsupported.status()).toBe(405);
});

test('a directory pushes a group with its members, and only its own token reaches it', async ({ request, server }) => {
	const token = connect(server.databasePath, `Okta groups ${newId()}`);
	const other = connect(server.databasePath, `Other ${newId()}`);
	const user = await request.post('/scim/v2/Users', {
		headers: scim(token),
		data: fixtureText('okta-create-user', { 'ben.okafor@northwind.example': `ben.${newId()}@northwind.example` })
	});
	const { id: member } = (await user.json()) as { id: string };
	const displayName = `Accounts Receivable ${newId()}`;
	const created = await request.post('/scim/v2/Groups', {
		headers: scim(token),
		data: fixtureText('okta-create-group', { MEMBER_ID: member, 'Accounts Receivable': displayName })
	});
	expect(created.status()).toBe(201);
	const group = (await created.json()) as { id: string };
	expect(created.headers()['location']).toBe(`${server.origin}/scim/v2/Groups/${group.id}`);

	const lookedUp = await request.get(
		`/scim/v2/Groups?excludedAttributes=members&filter=${encodeURIComponent(`displayName eq "${displayName}"`)}`,
		{ headers: scim(token) }
	);
	const list = (await lookedUp.json()) as { totalResults: number; Resources: Record<string, unknown>[] };
	expect(list).toMatchObject({ totalResults: 1, Resources: [{ id: group.id, displayName }] });
	expect(list.Resources[0]).not.toHaveProperty('members');

	const removed = await request.patch(`/scim/v2/Groups/${group.id}`, {
		headers: scim(token),
		data: fixtureText('okta-patch-group-remove-member', { MEMBER_ID: member })
	});
	expect(removed.status()).toBe(204);
	expect(await (await request.get(`/scim/v2/Groups/${group.id}`, { headers: scim(token) })).json()).toMatchObject({
		members: []
	});
	expect((await request.get(`/scim/v2/Groups/${group.id}`, { headers: scim(other) })).status()).toBe(404);
	expect((await request.delete(`/scim/v2/Groups/${group.id}`, { headers: scim(other) })).status()).toBe(404);
	expect((await request.delete(`/scim/v2/Groups/${group.id}`, { headers: scim(token) })).status()).toBe(204);
});
