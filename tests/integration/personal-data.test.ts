import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/lib/server/audit/log';
import { createSession } from '../../src/lib/server/auth/session';
import type { Db } from '../../src/lib/server/db';
import { seedDemo } from '../../src/lib/server/demo/seed';
import { listTeamLinks } from '../../src/lib/server/feedback/queries';
import { createCaseLink } from '../../src/lib/server/feedback/service';
import {
	ERASED_TEXT,
	erasePerson,
	erasureRules,
	exportPersonalData,
	personReferences,
	staleOthersRows,
	uncoveredReferences
} from '../../src/lib/server/people/personal-data';
import { openTempDb, type TempDb, actorFor } from './temp-db';

/** Export and erasure on the demo organisation, where the staff account has data in most tables. */
let temp: TempDb;
let db: Db;
let priya: { id: string; name: string; email: string };
let admin: { id: string };
const NOW = new Date('2026-11-23T09:00:00Z');

async function count(table: string, column: string, id: string): Promise<number> {
	const row = await sql<{
		n: number | string;
	}>`select count(*) as n from ${sql.id(table)} where ${sql.id(column)} = ${id}`.execute(db);
	return Number(row.rows[0]!.n);
}

beforeAll(async () => {
	temp = await openTempDb('personal-data');
	db = temp.db;
	await seedDemo(db, NOW);
	priya = await db
		.selectFrom('people')
		.select(['id', 'name', 'email'])
		.where('email', '=', 'staff@ripple.test')
		.executeTakeFirstOrThrow();
	admin = await db.selectFrom('people').select('id').where('email', '=', 'admin@ripple.test').executeTakeFirstOrThrow();
	await createSession(db, priya.id, NOW);
});
afterAll(() => temp.close());

describe('the schema and the rules', () => {
	it('has an erasure rule for every column that refers to a person, and no rule for a column that is gone', async () => {
		expect(await uncoveredReferences(db)).toEqual({ missing: [], stale: [] });
		expect((await personReferences(db)).length).toBe(Object.keys(erasureRules).length);
	});

	it('limits the export of rows about someone else only by references and columns that exist', async () => {
		expect(await staleOthersRows(db)).toEqual([]);
	});
});

describe('exporting a person’s data', () => {
	it('holds every row of every table that refers to them, and no secrets', async () => {
		const data = (await exportPersonalData(db, priya.id, NOW))!;
		expect(data.person).toMatchObject({ id: priya.id, name: 'Priya Raman', email: 'staff@ripple.test' });
		for (const { table, column } of await personReferences(db)) {
			const expected = await count(table, column, priya.id);
			const exported = data.records.find((r) => r.table === table && r.column === column)?.rows.length ?? 0;
			expect(exported, `${table}.${column}`).toBe(expected);
		}
		// The demo gives her learning, reflections, observations, recognition, sessions and more.
		expect(data.records.length).toBeGreaterThanOrEqual(8);
		const text = JSON.stringify(data);
		expect(text).not.toMatch(/password_hash|secret_hash|token_hash|"\$argon2/);
	});

	it('gives a manager the case references of their feedback links, never the requesters’ emails', async () => {
		const manager = await db
			.selectFrom('people')
			.select(['id', 'email', 'team_id'])
			.where('email', '=', 'manager@ripple.test')
			.executeTakeFirstOrThrow();
		const teamId = manager.team_id!;
		for (const [reference, requester] of [
			['INC-90001', 'priya.requester@ripple.test'],
			['INC-90002', 'staff@ripple.test']
		] as const)
			await createCaseLink(
				db,
				await actorFor(db, manager.id, null),
				teamId,
				{ case_reference: reference, requester_email: requester },
				NOW
			);
		const requesters = (
			await db
				.selectFrom('feedback_links')
				.select('requester_email')
				.where('created_by', '=', manager.id)
				.where('requester_email', 'is not', null)
				.execute()
		).map((r) => r.requester_email!);
		expect(requesters).toContain('priya.requester@ripple.test');

		const data = (await exportPersonalData(db, manager.id, NOW))!;
		const text = JSON.stringify(data);
		for (const email of requesters) expect(text).not.toContain(email);
		// The references the team's feedback page lists are there.
		const shown = await listTeamLinks(db, teamId, { limit: 1000, offset: 0 });
		const exported = data.records.find((r) => r.table === 'feedback_links' && r.column === 'created_by')!.rows;
		const mine = shown.rows.filter((l) => exported.some((e) => e.id === l.id));
		expect(mine.map((l) => l.case_reference)).toEqual(expect.arrayContaining(['INC-90001', 'INC-90002']));
		for (const link of mine) expect(text).toContain(JSON.stringify(link.case_reference));
	});

	it('holds no one else’s email address, even in rows about the people a manager leads and acts on', async () => {
		const manager = await db
			.selectFrom('people')
			.select(['id', 'name'])
			.where('email', '=', 'manager@ripple.test')
			.executeTakeFirstOrThrow();
		const signedIn = `${manager.name} signed in`;
		await recordAudit(db, {
			actorId: manager.id,
			action: 'auth.sign_in',
			objectType: 'person',
			objectId: manager.id,
			summary: signedIn,
			at: NOW
		});
		await recordAudit(db, {
			actorId: manager.id,
			action: 'role.granted',
			objectType: 'person',
			objectId: priya.id,
			summary: `Made ${priya.name} <${priya.email}> manager of Payroll`,
			details: { email: priya.email },
			at: NOW
		});
		const data = (await exportPersonalData(db, manager.id, NOW))!;
		// Their reports, visits they approved, observations they wrote: rows about others are there…
		const tables = data.records.map((r) => `${r.table}.${r.column}`);
		expect(tables).toEqual(
			expect.arrayContaining(['people.manager_id', 'observations.author_id', 'shadow_visits.approved_by'])
		);
		// …but the only address in the export is their own.
		const emails = new Set(JSON.stringify(data).match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g));
		expect([...emails]).toEqual(['manager@ripple.test']);
		// Audit entries about themselves are whole; those about someone else say what, not who.
		const audit = data.records.find((r) => r.table === 'audit_events')!;
		expect(audit.rows.find((r) => r.action === 'auth.sign_in')).toMatchObject({ summary: signedIn });
		expect(audit.rows.find((r) => r.action === 'role.granted')).toEqual({
			id: expect.any(String),
			at: NOW.toISOString(),
			actor_id: manager.id,
			action: 'role.granted',
			object_type: 'person',
			object_id: priya.id,
			ip: null
		});
		expect(audit.withheld?.columns).toEqual(['details', 'summary']);
		// Reports appear by id; what they wrote on a visit the manager approved is theirs.
		const reports = data.records.find((r) => r.table === 'people' && r.column === 'manager_id')!;
		for (const row of reports.rows) expect(Object.keys(row).sort()).toEqual(['id', 'manager_id']);
		const visits = data.records.find((r) => r.table === 'shadow_visits' && r.column === 'approved_by')!;
		for (const row of visits.rows) expect(row).not.toHaveProperty('objectives');
		const authored = data.records.find((r) => r.table === 'observations' && r.column === 'author_id')!;
		for (const row of authored.rows) expect(row).not.toHaveProperty('response');
	});

	it('finds nobody for an unknown id', async () => {
		expect(await exportPersonalData(db, 'no-such-person', NOW)).toBeNull();
	});
});

describe('erasing a person', () => {
	it('refuses to erase the admin doing it', async () => {
		expect(await erasePerson(db, await actorFor(temp.db, admin.id, null), admin.id, NOW)).toMatchObject({ ok: false });
	});

	it('removes identity and private writing, keeps the figures, and rewrites the audit log', async () => {
		const before = {
			completions: await count('completions', 'person_id', priya.id),
			observations: await db
				.selectFrom('observations')
				.select(['id', 'level'])
				.where('person_id', '=', priya.id)
				.orderBy('id')
				.execute(),
			authored: await count('observations', 'author_id', priya.id),
			lessons: await count('lesson_completions', 'person_id', priya.id),
			reflections: await count('reflections', 'person_id', priya.id),
			audit: Number(
				(
					await db
						.selectFrom('audit_events')
						.select((eb) => eb.fn.countAll().as('n'))
						.executeTakeFirstOrThrow()
				).n
			)
		};
		expect(before.reflections).toBeGreaterThan(0);
		expect(before.observations.length).toBeGreaterThan(0);
		// Other people's notifications name her (her manager's approvals, her recognitions, her buddy);
		// a kept email to her manager names her and, in the same text, a colleague whose name holds hers.
		const naming = () =>
			db
				.selectFrom('notifications')
				.select(['id', 'params'])
				.where('person_id', '<>', priya.id)
				.where('params', 'like', '%Priya Raman%')
				.execute();
		expect((await naming()).length).toBeGreaterThan(0);
		const tomasz = await db
			.selectFrom('people')
			.select(['id', 'email'])
			.where('email', '=', 'manager@ripple.test')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('people')
			.values({
				id: 'namesake',
				email: 'priya.kumar@example.com',
				name: 'Priya Raman Kumar',
				job_title: '',
				team_id: null,
				manager_id: null,
				time_zone: 'UTC',
				language: 'en',
				active: 1,
				password_hash: null,
				created_at: NOW.toISOString(),
				updated_at: NOW.toISOString()
			})
			.execute();
		await db
			.insertInto('email_deliveries')
			.values({
				id: 'kept-about-priya',
				person_id: tomasz.id,
				to_address: tomasz.email,
				notification_id: null,
				kind: 'shadowing.approval_needed',
				category: 'shadowing',
				params: JSON.stringify({ href: '/connect/shadowing', params: { visitor: 'Priya Raman' } }),
				status: 'sent',
				reason: null,
				attempts: 1,
				not_before: NOW.toISOString(),
				claimed_by: null,
				claimed_until: null,
				relevant_until: null,
				locale: 'en',
				subject: 'Priya Raman asks to shadow Payroll',
				text_body: 'Priya Raman (staff@ripple.test) asks to visit, with Priya Raman Kumar.',
				html_body: '<p>Priya Raman asks to visit, with Priya Raman Kumar.</p>',
				calendar: null,
				message_id: '<kept@ripple>',
				created_at: NOW.toISOString(),
				updated_at: NOW.toISOString(),
				sent_at: NOW.toISOString()
			})
			.execute();

		const result = await erasePerson(db, await actorFor(temp.db, admin.id), priya.id, NOW);
		expect(result).toMatchObject({ ok: true });
		const label = result.ok ? result.label : '';

		const person = await db.selectFrom('people').selectAll().where('id', '=', priya.id).executeTakeFirstOrThrow();
		expect(person).toMatchObject({
			name: label,
			email: `${priya.id}@erased.invalid`,
			job_title: '',
			password_hash: null,
			active: 0,
			manager_id: null
		});
		expect(person.team_id).not.toBeNull();
		for (const table of ['reflections', 'practice_logs', 'sessions', 'role_grants', 'calendar_feeds', 'invites'])
			expect(await count(table, 'person_id', priya.id), table).toBe(0);

		// Figures stay.
		expect(await count('completions', 'person_id', priya.id)).toBe(before.completions);
		expect(await count('lesson_completions', 'person_id', priya.id)).toBe(before.lessons);
		expect(await count('observations', 'author_id', priya.id)).toBe(before.authored);
		const observations = await db
			.selectFrom('observations')
			.select(['id', 'level', 'situation', 'action', 'impact'])
			.where('person_id', '=', priya.id)
			.orderBy('id')
			.execute();
		expect(observations.map((o) => ({ id: o.id, level: o.level }))).toEqual(before.observations);
		for (const o of observations)
			expect([o.situation, o.action, o.impact]).toEqual([ERASED_TEXT, ERASED_TEXT, ERASED_TEXT]);

		// Others' notifications and kept emails name the stand-in; her namesake keeps her own name.
		expect(await naming()).toEqual([]);
		const kept = await db
			.selectFrom('email_deliveries')
			.select(['params', 'subject', 'text_body', 'html_body'])
			.where('id', '=', 'kept-about-priya')
			.executeTakeFirstOrThrow();
		expect(kept).toEqual({
			params: JSON.stringify({ href: '/connect/shadowing', params: { visitor: label } }),
			subject: `${label} asks to shadow Payroll`,
			text_body: `${label} (${priya.id}@erased.invalid) asks to visit, with Priya Raman Kumar.`,
			html_body: `<p>${label} asks to visit, with Priya Raman Kumar.</p>`
		});

		// Nothing anywhere still names her, and the erasure itself is on record.
		const everything = JSON.stringify(await exportPersonalData(db, priya.id, NOW));
		expect(everything).not.toContain('Priya Raman');
		expect(everything).not.toContain('staff@ripple.test');
		const named = await db
			.selectFrom('audit_events')
			.select('id')
			.where((eb) => eb.or([eb('summary', 'like', '%Priya Raman%'), eb('details', 'like', '%staff@ripple.test%')]))
			.execute();
		expect(named).toEqual([]);
		const audit = await db
			.selectFrom('audit_events')
			.select(['action', 'object_id'])
			.where('action', '=', 'person.erased')
			.execute();
		expect(audit).toEqual([{ action: 'person.erased', object_id: priya.id }]);
		expect(
			Number(
				(
					await db
						.selectFrom('audit_events')
						.select((eb) => eb.fn.countAll().as('n'))
						.executeTakeFirstOrThrow()
				).n
			)
		).toBe(before.audit + 1);
	});

	it('refuses a second erasure of the same person and changes nothing', async () => {
		const audit = Number(
			(
				await db
					.selectFrom('audit_events')
					.select((eb) => eb.fn.countAll().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
		expect(await erasePerson(db, await actorFor(temp.db, admin.id, null), priya.id, NOW)).toEqual({
			ok: false,
			errors: { _form: { code: 'admin_erase_already' } }
		});
		expect(
			Number(
				(
					await db
						.selectFrom('audit_events')
						.select((eb) => eb.fn.countAll().as('n'))
						.executeTakeFirstOrThrow()
				).n
			)
		).toBe(audit);
	});
});
