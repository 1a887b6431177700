import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, type AuditEntry } from '../../src/lib/server/audit/log';
import { recordFailure, throttleKeys } from '../../src/lib/server/auth/throttle';
import type { Db } from '../../src/lib/server/db';
import type { AuditEvent } from '../../src/lib/server/db/schema';
import { erasePerson } from '../../src/lib/server/people/personal-data';
import { addPerson, openTempDb, plainActor, T0, type TempDb } from './temp-db';

/**
 * Erasing a person whose name and email are part of someone else's: "Hannah" <ager@ripple.test>
 * beside "Hannah de Vries" <manager@ripple.test>. Only the entries that refer to Hannah change,
 * and in them only Hannah's own name and email.
 */
let temp: TempDb;
let db: Db;
const admin = { id: 'p-admin', name: 'Ada Admin', email: 'admin@ripple.test' };
const hannah = { id: 'p-hannah', name: 'Hannah', email: 'ager@ripple.test' };
const deVries = { id: 'p-devries', name: 'Hannah de Vries', email: 'manager@ripple.test' };
const erasedEmail = `${hannah.id}@erased.invalid`;

/** Audit entries worded as Ripple's services word them, by key. */
const entries: Record<string, AuditEntry> = {
	deVriesSignedIn: {
		actorId: deVries.id,
		action: 'auth.sign_in',
		objectType: 'person',
		objectId: deVries.id,
		summary: { code: 'auth_audit_signed_in', params: { name: deVries.name } }
	},
	deVriesFailed: {
		actorId: null,
		action: 'auth.sign_in_failed',
		objectType: 'person',
		objectId: deVries.id,
		summary: { code: 'auth_audit_sign_in_failed', params: { email: deVries.email } },
		details: { email: deVries.email, known: true }
	},
	deVriesThrottled: {
		actorId: null,
		action: 'auth.sign_in_throttled',
		objectType: 'session',
		objectId: null,
		summary: { code: 'auth_audit_sign_in_throttled', params: { email: deVries.email } },
		details: { email: deVries.email, retryAfterSeconds: 60 }
	},
	// Both of them: Hannah acted on Hannah de Vries.
	hannahDeactivatedDeVries: {
		actorId: hannah.id,
		action: 'person.deactivated',
		objectType: 'person',
		objectId: deVries.id,
		summary: 'Deactivated Hannah de Vries'
	},
	deVriesGotManager: {
		actorId: admin.id,
		action: 'person.updated',
		objectType: 'person',
		objectId: deVries.id,
		summary: 'Updated Hannah de Vries: manager_id',
		details: { manager_id: { from: null, to: hannah.id } }
	},
	hannahCreated: {
		actorId: admin.id,
		action: 'person.created',
		objectType: 'person',
		objectId: hannah.id,
		summary: 'Created Hannah Smith <hannah.smith@ripple.test>',
		details: { email: 'hannah.smith@ripple.test', team_id: null, manager_id: null }
	},
	hannahRenamed: {
		actorId: admin.id,
		action: 'person.updated',
		objectType: 'person',
		objectId: hannah.id,
		summary: 'Updated Hannah: email, name',
		details: {
			email: { from: 'hannah.smith@ripple.test', to: hannah.email },
			name: { from: 'Hannah Smith', to: hannah.name }
		}
	},
	hannahSignedIn: {
		actorId: hannah.id,
		action: 'auth.sign_in',
		objectType: 'person',
		objectId: hannah.id,
		summary: { code: 'auth_audit_signed_in', params: { name: hannah.name } }
	},
	hannahThrottled: {
		actorId: null,
		action: 'auth.sign_in_throttled',
		objectType: 'session',
		objectId: null,
		summary: { code: 'auth_audit_sign_in_throttled', params: { email: hannah.email } },
		details: { email: hannah.email, retryAfterSeconds: 60 }
	},
	import: {
		actorId: admin.id,
		action: 'import.applied',
		objectType: 'import',
		objectId: null,
		summary: 'Imported staff: 0 created, 2 changed, 0 unchanged',
		details: {
			created: [],
			changed: [
				{ email: hannah.email, changes: ['job title: — → Team lead'] },
				{ email: deVries.email, changes: ['manager: none → ager@ripple.test'] }
			]
		}
	}
};

async function auditRows(): Promise<Map<string, AuditEvent>> {
	const rows = await db.selectFrom('audit_events').selectAll().orderBy('at').execute();
	const keys = Object.keys(entries);
	// Entries were written one second apart, in the order of `entries`.
	return new Map(rows.filter((r) => r.action !== 'person.erased').map((r, i) => [keys[i]!, r]));
}

async function throttleKeysStored(): Promise<string[]> {
	const rows = await db.selectFrom('login_failures').select('throttle_key').orderBy('throttle_key').execute();
	return rows.map((r) => r.throttle_key);
}

beforeAll(async () => {
	temp = await openTempDb('erasure-audit');
	db = temp.db;
	await addPerson(db, admin);
	await addPerson(db, hannah);
	await addPerson(db, { ...deVries, manager_id: hannah.id });
	let at = T0.getTime();
	for (const entry of Object.values(entries)) await recordAudit(db, { ...entry, at: new Date((at += 1000)) });
	await recordFailure(db, throttleKeys(hannah.email, '10.0.0.1'), T0);
	await recordFailure(db, throttleKeys(deVries.email, '10.0.0.2'), T0);
});
afterAll(() => temp.close());

describe('erasing a person whose name and email are inside someone else’s', () => {
	it('rewrites only the entries that refer to them, and only their own name and email in those', async () => {
		const before = await auditRows();
		expect(await throttleKeysStored()).toEqual([
			'account:ager@ripple.test',
			'account:manager@ripple.test',
			'ip:10.0.0.1',
			'ip:10.0.0.2'
		]);

		const result = await erasePerson(
			db,
			plainActor(admin.id, null, { isAdmin: true }),
			hannah.id,
			new Date(T0.getTime() + 60_000)
		);
		expect(result).toMatchObject({ ok: true });
		const label = result.ok ? result.label : '';
		const after = await auditRows();

		// Hannah de Vries's entries are exactly as they were, including the one Hannah wrote.
		for (const key of ['deVriesSignedIn', 'deVriesFailed', 'deVriesThrottled', 'hannahDeactivatedDeVries'])
			expect(after.get(key), key).toEqual(before.get(key));
		expect(after.get('deVriesGotManager')).toEqual(before.get('deVriesGotManager'));

		// Hannah's are rewritten, with her earlier name and email too.
		// A worded summary loses them twice: in the English text, and in the message's inputs.
		expect(after.get('hannahSignedIn')).toMatchObject({
			summary: `${label} signed in`,
			details: JSON.stringify({ wording: { code: 'auth_audit_signed_in', params: { name: label } } })
		});
		expect(after.get('hannahThrottled')).toMatchObject({
			summary: `Sign-in blocked by throttling for ${erasedEmail}`,
			details: JSON.stringify({
				email: erasedEmail,
				retryAfterSeconds: 60,
				wording: { code: 'auth_audit_sign_in_throttled', params: { email: erasedEmail } }
			})
		});
		expect(after.get('hannahCreated')).toMatchObject({
			summary: `Created ${label} <${erasedEmail}>`,
			details: JSON.stringify({ email: erasedEmail, team_id: null, manager_id: null })
		});
		expect(after.get('hannahRenamed')).toMatchObject({
			summary: `Updated ${label}: email, name`,
			details: JSON.stringify({ email: { from: erasedEmail, to: erasedEmail }, name: { from: label, to: label } })
		});
		expect(JSON.parse(after.get('import')!.details!)).toEqual({
			created: [],
			changed: [
				{ email: erasedEmail, changes: ['job title: — → Team lead'] },
				{ email: deVries.email, changes: [`manager: none → ${erasedEmail}`] }
			]
		});

		// Nothing names Hannah any more once Hannah de Vries's name and address are set aside.
		const text = [...after.values()]
			.map((r) => `${r.summary} ${r.details ?? ''}`)
			.join('\n')
			.replaceAll(deVries.name, '')
			.replaceAll(deVries.email, '');
		expect(text).not.toMatch(/Hannah|ager@ripple\.test|hannah\.smith/);

		// Only her own account's sign-in failures go; addresses are not accounts.
		expect(await throttleKeysStored()).toEqual(['account:manager@ripple.test', 'ip:10.0.0.1', 'ip:10.0.0.2']);
	});
});
