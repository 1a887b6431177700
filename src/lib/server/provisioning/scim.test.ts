import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	errorBody,
	GROUP_FILTERS,
	readFilter,
	readGroup,
	readGroupPatch,
	readPage,
	readUser,
	readUserPatch,
	SCIM
} from './scim';

/** Request bodies as Microsoft Entra ID's and Okta's SCIM clients send them (tests/fixtures/scim). */
const fixture = (name: string): unknown =>
	JSON.parse(readFileSync(new URL(`../../../../tests/fixtures/scim/${name}.json`, import.meta.url), 'utf8'));

describe('SCIM users', () => {
	it('read from an Entra ID create, enterprise extension included', () => {
		expect(readUser(fixture('entra-create-user'))).toEqual({
			ok: true,
			value: {
				userName: 'ana.lopez@northwind.example',
				externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
				email: 'ana.lopez@northwind.example',
				displayName: 'Ana López',
				givenName: 'Ana',
				familyName: 'López',
				title: 'Accounts Payable Specialist',
				employeeNumber: '100234',
				department: 'Accounts Payable',
				managerId: null,
				active: true
			}
		});
	});

	it('read from an Okta create, ignoring what Ripple does not keep (password, locale, groups)', () => {
		const read = readUser(fixture('okta-create-user'));
		expect(read).toMatchObject({
			ok: true,
			value: { userName: 'ben.okafor@northwind.example', externalId: '00ujl29u0le5T6Aj10h7', displayName: 'Ben Okafor' }
		});
		expect(JSON.stringify(read)).not.toContain('1mz050nq');
	});

	it('need a userName, and take the email from it when no emails are sent', () => {
		expect(readUser({ schemas: [SCIM.user] })).toMatchObject({
			ok: false,
			problem: { status: 400, scimType: 'invalidValue' }
		});
		expect(readUser({ userName: 'Cleo@Example.com' })).toMatchObject({
			ok: true,
			value: { email: 'cleo@example.com', active: true }
		});
		expect(readUser('not an object')).toMatchObject({ ok: false, problem: { scimType: 'invalidSyntax' } });
		expect(readUser({ userName: 'x', emails: [{ value: 'not an email' }] })).toMatchObject({
			ok: false,
			problem: { scimType: 'invalidValue' }
		});
		expect(readUser({ userName: 'x', displayName: 'a\u0000b' })).toMatchObject({ ok: false });
		expect(readUser({ userName: 'x', active: 'maybe' })).toMatchObject({
			ok: false,
			problem: { scimType: 'invalidValue' }
		});
	});
});

describe('SCIM patches', () => {
	it('read Entra ID’s path filters and capitalised ops', () => {
		expect(readUserPatch(fixture('entra-patch-update'))).toEqual({
			ok: true,
			value: {
				email: 'ana.lopez-garcia@northwind.example',
				familyName: 'López García',
				title: 'Senior Accounts Payable Specialist',
				department: 'Accounts Receivable'
			}
		});
		expect(readUserPatch(fixture('entra-patch-manager'))).toEqual({ ok: true, value: { managerId: 'MANAGER_ID' } });
	});

	it('deactivate from Entra ID (boolean or, in older tenants, text) and from Okta (no path)', () => {
		for (const name of ['entra-patch-disable', 'entra-patch-disable-legacy', 'okta-patch-deactivate'])
			expect(readUserPatch(fixture(name))).toEqual({ ok: true, value: { active: false } });
	});

	it('remove attributes, and refuse what cannot be removed or is not an op', () => {
		const patch = (ops: unknown[]) => readUserPatch({ schemas: [SCIM.patch], Operations: ops });
		expect(patch([{ op: 'remove', path: `${SCIM.enterprise}:manager` }])).toEqual({
			ok: true,
			value: { managerId: null }
		});
		expect(patch([{ op: 'remove', path: 'active' }])).toMatchObject({ ok: false, problem: { scimType: 'mutability' } });
		expect(patch([{ op: 'remove' }])).toMatchObject({ ok: false, problem: { scimType: 'noTarget' } });
		expect(patch([{ op: 'move', path: 'title', value: 'x' }])).toMatchObject({
			ok: false,
			problem: { scimType: 'invalidSyntax' }
		});
		expect(patch([])).toMatchObject({ ok: false, problem: { scimType: 'invalidSyntax' } });
		expect(patch([{ op: 'replace', value: { [SCIM.enterprise]: { manager: { value: 'm-1' } } } }])).toEqual({
			ok: true,
			value: { managerId: 'm-1' }
		});
	});
});

describe('SCIM filters and pages', () => {
	it('answer attribute eq "value", case-insensitive in the attribute and the operator', () => {
		expect(readFilter('userName eq "ana.lopez@northwind.example"')).toEqual({
			ok: true,
			value: { attribute: 'userName', value: 'ana.lopez@northwind.example' }
		});
		expect(readFilter('externalId EQ "00u\\"x"')).toEqual({
			ok: true,
			value: { attribute: 'externalId', value: '00u"x' }
		});
	});

	it('refuse every other filter as invalidFilter', () => {
		for (const filter of ['userName co "a"', 'title eq "x"', 'userName eq "a" or userName eq "b"', ''])
			expect(readFilter(filter)).toMatchObject({ ok: false, problem: { status: 400, scimType: 'invalidFilter' } });
	});

	it('clamp startIndex and count as the RFC reads them', () => {
		expect(readPage(null, null)).toEqual({ startIndex: 1, count: 100 });
		expect(readPage('0', '-5')).toEqual({ startIndex: 1, count: 0 });
		expect(readPage('7', '100000')).toEqual({ startIndex: 7, count: 200 });
	});

	it('write errors in SCIM’s format, status as text', () => {
		expect(errorBody({ status: 409, scimType: 'uniqueness', detail: 'taken' })).toEqual({
			schemas: [SCIM.error],
			status: '409',
			scimType: 'uniqueness',
			detail: 'taken'
		});
	});
});

describe('SCIM groups', () => {
	it('read from Entra ID’s and Okta’s creates', () => {
		expect(readGroup(fixture('entra-create-group'))).toEqual({
			ok: true,
			value: { displayName: 'Accounts Payable EMEA', externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159', members: [] }
		});
		expect(readGroup(fixture('okta-create-group'))).toMatchObject({ ok: true, value: { members: ['MEMBER_ID'] } });
		expect(readGroup({ members: [] })).toMatchObject({ ok: false, problem: { scimType: 'invalidValue' } });
	});

	it('read member changes in every shape directories send', () => {
		expect(readGroupPatch(fixture('entra-patch-group-add-member'))).toEqual({
			ok: true,
			value: { members: [{ op: 'add', ids: ['MEMBER_ID'] }] }
		});
		expect(readGroupPatch(fixture('entra-patch-group-remove-member'))).toEqual({
			ok: true,
			value: { members: [{ op: 'remove', ids: ['MEMBER_ID'] }] }
		});
		expect(readGroupPatch(fixture('okta-patch-group-remove-member'))).toEqual({
			ok: true,
			value: { members: [{ op: 'remove', ids: ['MEMBER_ID'] }] }
		});
		expect(readGroupPatch(fixture('okta-patch-group-rename'))).toEqual({
			ok: true,
			value: { displayName: 'Accounts Receivable NA', members: [] }
		});
		expect(
			readGroupPatch({
				Operations: [
					{ op: 'replace', path: 'members', value: [{ value: 'a' }, { value: 'a' }, { value: 'b' }] },
					{ op: 'remove', path: 'members' }
				]
			})
		).toEqual({ ok: true, value: { members: [{ op: 'set', ids: ['a', 'b'] }, { op: 'clear' }] } });
	});

	it('refuse what they cannot apply', () => {
		expect(readGroupPatch({ Operations: [{ op: 'remove', path: 'displayName' }] })).toMatchObject({
			ok: false,
			problem: { scimType: 'mutability' }
		});
		expect(readGroupPatch({ Operations: [{ op: 'add', path: 'members', value: [{ display: 'x' }] }] })).toMatchObject({
			ok: false,
			problem: { scimType: 'invalidValue' }
		});
		expect(readGroupPatch({ Operations: [{ op: 'remove' }] })).toMatchObject({
			ok: false,
			problem: { scimType: 'noTarget' }
		});
		expect(readFilter('userName eq "x"', GROUP_FILTERS)).toMatchObject({
			ok: false,
			problem: { scimType: 'invalidFilter' }
		});
		expect(readFilter('displayname eq "AP"', GROUP_FILTERS)).toEqual({
			ok: true,
			value: { attribute: 'displayName', value: 'AP' }
		});
	});
});
