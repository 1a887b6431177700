import ICAL from 'ical.js';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { issueInvite } from '../../src/lib/server/auth/invites';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { courseContent, findModule } from '../../src/lib/server/learning/content';
import { assignLearning } from '../../src/lib/server/learning/team';
import { deliverDue, type DeliveryRound } from '../../src/lib/server/notifications/delivery';
import { buildDigests } from '../../src/lib/server/notifications/digests';
import { smtpMailer, type Mailer } from '../../src/lib/server/notifications/mailer';
import { notify } from '../../src/lib/server/notifications/notify';
import { wordNotification } from '../../src/lib/server/notifications/wording';
import { inLocale } from '../../src/lib/server/in-locale';
import { claimDue } from '../../src/lib/server/notifications/queries';
import { retryDelayMs } from '../../src/lib/server/notifications/rules';
import { readUnsubscribeToken, unsubscribeToken } from '../../src/lib/server/notifications/unsubscribe';
import { releaseBacklog, schedulerPass } from '../../src/lib/server/notifications/worker';
import {
	cancelVisit,
	decideAsHost,
	decideAsManager,
	publishSlot,
	requestVisit,
	saveReflection
} from '../../src/lib/server/shadowing/service';
import { startMailServer, type TestMailServer } from '../mail-server';
import { actorFor, addGrant, addPerson, addTeam, addUnit, onPostgres, openTempDb, T0, type TempDb } from './temp-db';

/**
 * The outbox end to end against a real SMTP server (smtp-server, read back with mailparser), on
 * SQLite and PostgreSQL: notifications exist exactly when their change committed, each email is
 * handed over once however many workers run, temporary failures are retried and permanent ones
 * recorded, and nothing is lost while no mail server is configured.
 */

let temp: TempDb;
let mail: TestMailServer;
let mailer: Mailer;
const mod = courseContent().modules[0]!;
const ORIGIN = 'https://ripple.example.com';

const round = (database: Db, worker: string, withMailer: Mailer | null = mailer): DeliveryRound => ({
	database,
	mailer: withMailer,
	worker,
	compose: { origin: ORIGIN, from: 'Ripple <ripple@example.com>' }
});

beforeAll(async () => {
	temp = await openTempDb('notifications');
	mail = await startMailServer();
	mailer = smtpMailer(mail.url);
	const company = await addUnit(temp.db, 'co', 'Northwind Test');
	await addTeam(temp.db, 'ap', 'Accounts Payable', company.id);
	await addTeam(temp.db, 'care', 'Customer Care', company.id);
	await addPerson(temp.db, { id: 'mgr', email: 'mona@example.com', name: 'Mona Manager', team_id: 'ap' });
	await addGrant(temp.db, 'mgr', 'manager', { team_id: 'ap' });
	await addPerson(temp.db, {
		id: 'ann',
		email: 'ann@example.com',
		name: 'Ann Early',
		team_id: 'ap',
		manager_id: 'mgr',
		language: 'nl',
		time_zone: 'Europe/Amsterdam'
	});
	await addPerson(temp.db, {
		id: 'bo',
		email: 'bo@example.com',
		name: 'Bo Chen',
		team_id: 'ap',
		manager_id: 'mgr',
		language: 'zh-CN',
		time_zone: 'Asia/Shanghai'
	});
	await addPerson(temp.db, { id: 'hana', email: 'hana@example.com', name: 'Hana Host', team_id: 'care' });
	await addGrant(temp.db, 'hana', 'manager', { team_id: 'care' });
});
afterAll(async () => {
	mailer.close();
	await mail.close();
	await temp.close();
});
afterEach(async () => {
	mail.clear();
	mail.misbehave('accept', 0);
	for (const table of ['email_delivery_attempts', 'email_deliveries', 'notifications', 'notification_ledger'] as const)
		await temp.db.deleteFrom(table).execute();
	await temp.db.deleteFrom('notification_preferences').execute();
});

const assignInput = (due = '2026-12-15') => ({
	item: `module:${mod.slug}`,
	target: 'team' as const,
	team_id: 'ap',
	due_on: due,
	message: 'Before the holidays, please',
	refresh: undefined,
	person_ids: [] as string[]
});

async function deliveries(database: Db = temp.db) {
	return database.selectFrom('email_deliveries').selectAll().orderBy('to_address').execute();
}

/** Makes every audit insert fail, so the domain's transaction rolls back at its very end. */
async function breakAuditLog(database: Db) {
	if (onPostgres()) {
		await sql`create or replace function refuse_audit() returns trigger as $$ begin raise exception 'audit refused'; end $$ language plpgsql`.execute(
			database
		);
		await sql`create trigger refuse_audit before insert on audit_events for each row execute function refuse_audit()`.execute(
			database
		);
	} else {
		await sql`create trigger refuse_audit before insert on audit_events begin select raise(abort, 'audit refused'); end`.execute(
			database
		);
	}
	return async () => {
		await sql`drop trigger refuse_audit${sql.raw(onPostgres() ? ' on audit_events' : '')}`.execute(database);
	};
}

describe('the transactional outbox', () => {
	it('queues nothing when the assignment that would cause it rolls back', async () => {
		const repair = await breakAuditLog(temp.db);
		try {
			await expect(assignLearning(temp.db, await actorFor(temp.db, 'mgr'), assignInput(), T0)).rejects.toThrow();
		} finally {
			await repair();
		}
		expect(await temp.db.selectFrom('assignments').selectAll().execute()).toEqual([]);
		expect(await temp.db.selectFrom('notifications').selectAll().execute()).toEqual([]);
		expect(await deliveries()).toEqual([]);
	});

	it('tells each member once, in the app and by email in their own language, when the change commits', async () => {
		await temp.db
			.insertInto('notification_preferences')
			.values([
				{ person_id: 'ann', category: 'learning', mode: 'immediate' },
				{ person_id: 'bo', category: 'learning', mode: 'immediate' }
			])
			.execute();
		const result = await assignLearning(temp.db, await actorFor(temp.db, 'mgr'), assignInput(), T0);
		expect(result.ok).toBe(true);
		const notes = await temp.db.selectFrom('notifications').selectAll().orderBy('person_id').execute();
		// The manager who assigned it is not told about their own action.
		expect(notes.map((n) => [n.person_id, n.kind, n.email])).toEqual([
			['ann', 'learning.assigned', 'immediate'],
			['bo', 'learning.assigned', 'immediate']
		]);

		const sent = await deliverDue(round(temp.db, 'w1'), T0);
		expect(sent).toMatchObject({ claimed: 2, sent: 2 });
		const received = await mail.waitFor(2);
		const toAnn = received.find((r) => r.envelopeTo.includes('ann@example.com'))!;
		const toBo = received.find((r) => r.envelopeTo.includes('bo@example.com'))!;
		expect(toAnn.parsed.subject).toBe(`Nieuw leerwerk voor jou: ${findModule(mod.slug, 'nl')!.title}`);
		expect(toAnn.parsed.text).toContain('Mona Manager heeft het aan je toegewezen');
		expect(toAnn.parsed.text).toContain(`${ORIGIN}/learn/${mod.slug}`);
		expect(toAnn.parsed.html).toContain('lang="nl-NL"');
		expect(toBo.parsed.subject).toContain('新的学习任务');
		// One-click unsubscribe (RFC 8058) with a token that stops exactly this category.
		const headers = toAnn.raw.replace(/\r?\n[ \t]+/g, ' ');
		expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
		const token = headers.match(/^List-Unsubscribe: <https:\/\/ripple\.example\.com\/unsubscribe\/([^>]+)>/m)![1]!;
		expect(await readUnsubscribeToken(temp.db, token)).toEqual({ personId: 'ann', category: 'learning' });

		const after = await deliveries();
		expect(after.map((d) => [d.to_address, d.status, d.attempts])).toEqual([
			['ann@example.com', 'sent', 1],
			['bo@example.com', 'sent', 1]
		]);
		// Nothing more to send.
		expect((await deliverDue(round(temp.db, 'w1'), T0)).claimed).toBe(0);
		expect(mail.received).toHaveLength(2);
	});
});

describe('delivery against a real mail server', () => {
	async function oneImmediate(to = 'ann') {
		await notify(
			temp.db,
			[
				{
					to,
					kind: 'account.password_changed',
					subject: { type: 'person', id: to },
					href: '/profile',
					params: { at: T0.toISOString() }
				}
			],
			T0
		);
	}

	it('retries a temporary refusal and a dropped connection, then delivers once', async () => {
		await oneImmediate();
		mail.misbehave('temporary', 1);
		expect(await deliverDue(round(temp.db, 'w1'), T0)).toMatchObject({ retrying: 1 });
		let [row] = await deliveries();
		expect(row).toMatchObject({ status: 'retrying', attempts: 1 });
		// Not before its backoff has passed.
		expect((await deliverDue(round(temp.db, 'w1'), new Date(T0.getTime() + 1000))).claimed).toBe(0);

		mail.misbehave('drop', 1);
		const second = new Date(T0.getTime() + retryDelayMs(1));
		expect(await deliverDue(round(temp.db, 'w1'), second)).toMatchObject({ retrying: 1 });
		[row] = await deliveries();
		expect(row).toMatchObject({ status: 'retrying', attempts: 2 });

		const third = new Date(second.getTime() + retryDelayMs(2));
		expect(await deliverDue(round(temp.db, 'w1'), third)).toMatchObject({ sent: 1 });
		[row] = await deliveries();
		expect(row).toMatchObject({ status: 'sent', attempts: 3 });
		expect(mail.received).toHaveLength(1);
		const attempts = await temp.db
			.selectFrom('email_delivery_attempts')
			.select(['outcome', 'response'])
			.orderBy('at')
			.execute();
		expect(attempts.map((a) => a.outcome)).toEqual(['temporary', 'temporary', 'sent']);
		expect(attempts[0]!.response).toContain('451');
	});

	it('sends an invitation with its link, and keeps it in the log without the token', async () => {
		await temp.db.deleteFrom('invites').execute();
		const { token } = await issueInvite(temp.db, 'bo', 'mgr', T0);
		expect(await deliverDue(round(temp.db, 'w1'), T0)).toMatchObject({ sent: 1 });
		await mail.waitFor(1);
		expect(mail.received[0]!.parsed.text).toContain(`${ORIGIN}/invite/${token}`);
		const [kept] = await deliveries();
		expect(kept).toMatchObject({ kind: 'account.invitation', status: 'sent' });
		for (const written of [kept!.params, kept!.text_body, kept!.html_body]) expect(written).not.toContain(token);
		expect(kept!.text_body).toContain(`${ORIGIN}/invite/…`);
		await temp.db.deleteFrom('invites').execute();
	});

	it('gives up on a permanent refusal and records the server’s answer', async () => {
		await oneImmediate();
		mail.misbehave('permanent', 1);
		expect(await deliverDue(round(temp.db, 'w1'), T0)).toMatchObject({ dead: 1 });
		const [row] = await deliveries();
		expect(row).toMatchObject({ status: 'dead', reason: 'refused', attempts: 1 });
		const [attempt] = await temp.db.selectFrom('email_delivery_attempts').selectAll().execute();
		expect(attempt!.response).toContain('550');
		expect(mail.received).toHaveLength(0);
	});

	it('keeps emails as not sent without a mail server, and sends the still relevant ones once there is one', async () => {
		await oneImmediate('ann');
		await oneImmediate('bo');
		expect(await deliverDue(round(temp.db, 'w1', null), T0)).toMatchObject({ notSent: 2 });
		const kept = await deliveries();
		expect(kept.map((d) => [d.status, d.reason])).toEqual([
			['not_sent', 'no_mail_server'],
			['not_sent', 'no_mail_server']
		]);
		// What would have gone out is there to read.
		expect(kept[0]!.subject).toBe('Je Ripple-wachtwoord is gewijzigd');
		expect(kept[0]!.text_body).toContain('Hoi Ann Early');

		// Bo read it in the app meanwhile; Ann did not.
		await temp.db
			.updateTable('notifications')
			.set({ read_at: T0.toISOString() })
			.where('person_id', '=', 'bo')
			.execute();
		expect(await releaseBacklog(temp.db, new Date(T0.getTime() + 3_600_000))).toBe(1);
		expect(await deliverDue(round(temp.db, 'w1'), new Date(T0.getTime() + 3_600_000))).toMatchObject({ sent: 1 });
		expect(mail.received.map((r) => r.envelopeTo)).toEqual([['ann@example.com']]);
		// Long after it mattered, nothing is released.
		await oneImmediate('ann');
		await deliverDue(round(temp.db, 'w1', null), T0);
		expect(await releaseBacklog(temp.db, new Date(T0.getTime() + 30 * 86_400_000))).toBe(0);
	});

	it('takes an email again when the worker that claimed it died before sending, and sends it once', async () => {
		await oneImmediate();
		// Worker A claims with a one-minute lease and never comes back.
		const claimed = await claimDue(
			temp.db,
			'dead-worker',
			T0.toISOString(),
			new Date(T0.getTime() + 60_000).toISOString(),
			10
		);
		expect(claimed).toHaveLength(1);
		// While the lease holds, nobody else takes it.
		expect((await deliverDue(round(temp.db, 'w2'), new Date(T0.getTime() + 30_000))).claimed).toBe(0);
		// After it, another worker does, once.
		expect(await deliverDue(round(temp.db, 'w2'), new Date(T0.getTime() + 61_000))).toMatchObject({ sent: 1 });
		expect(await deliverDue(round(temp.db, 'w2'), new Date(T0.getTime() + 200_000))).toMatchObject({ claimed: 0 });
		expect(mail.received).toHaveLength(1);
	});

	it(
		'hands every email over exactly once when two workers on their own connections share the work',
		{ timeout: 60_000 },
		async () => {
			const people = Array.from({ length: 120 }, (_, i) => `p${i}`);
			await temp.db
				.insertInto('people')
				.values(
					people.map((id) => ({
						id,
						email: `${id}@example.com`,
						name: `Person ${id}`,
						job_title: '',
						team_id: 'ap',
						manager_id: null,
						time_zone: 'UTC',
						language: 'en',
						active: 1,
						password_hash: null,
						created_at: T0.toISOString(),
						updated_at: T0.toISOString()
					}))
				)
				.execute();
			try {
				await notify(
					temp.db,
					people.map((id) => ({
						to: id,
						kind: 'account.password_changed' as const,
						subject: { type: 'person', id },
						href: '/profile',
						params: { at: T0.toISOString() }
					})),
					T0
				);
				const other = openDatabase(temp.url, { poolSize: 3 });
				const otherMailer = smtpMailer(mail.url);
				try {
					const drain = async (database: Db, worker: string, withMailer: Mailer) => {
						for (;;) {
							const r = await deliverDue({ ...round(database, worker, withMailer), batch: 10 }, T0);
							if (r.claimed === 0) return;
						}
					};
					await Promise.all([drain(temp.db, 'one', mailer), drain(other, 'two', otherMailer)]);
				} finally {
					otherMailer.close();
					await other.destroy();
				}
				await mail.waitFor(120);
				const ids = mail.received.map((r) => r.parsed.messageId);
				expect(new Set(ids).size).toBe(120);
				expect(mail.received).toHaveLength(120);
				const statuses = await temp.db
					.selectFrom('email_deliveries')
					.select((eb) => ['status', eb.fn.countAll<number>().as('n')])
					.groupBy('status')
					.execute();
				expect(statuses.map((s) => [s.status, Number(s.n)])).toEqual([['sent', 120]]);
				// Both workers took part (a batch of 10 each time, so neither could take all).
				const workers = await temp.db.selectFrom('email_delivery_attempts').select('worker').distinct().execute();
				expect(workers.length).toBe(2);
			} finally {
				await temp.db.deleteFrom('email_delivery_attempts').execute();
				await temp.db.deleteFrom('email_deliveries').execute();
				await temp.db.deleteFrom('notifications').execute();
				await temp.db.deleteFrom('people').where('id', 'in', people).execute();
			}
		}
	);
});

describe('choices made after an email was queued', () => {
	it('stop it: a category turned off before the email went is not sent', async () => {
		await temp.db
			.insertInto('notification_preferences')
			.values({ person_id: 'ann', category: 'learning', mode: 'immediate' })
			.execute();
		await notify(
			temp.db,
			[
				{
					to: 'ann',
					kind: 'learning.assigned',
					subject: { type: 'assignment', id: 'late-change' },
					href: '/learn',
					params: { item: `module:${mod.slug}`, due: '2026-12-15', by: 'Mona Manager', note: '' }
				}
			],
			T0
		);
		await temp.db.updateTable('notification_preferences').set({ mode: 'off' }).where('person_id', '=', 'ann').execute();
		expect(await deliverDue(round(temp.db, 'w1'), T0)).toMatchObject({ skipped: 1 });
		expect((await deliveries())[0]).toMatchObject({ status: 'skipped', reason: 'category_off' });
		expect(mail.received).toHaveLength(0);
	});
});

describe('unsubscribe tokens', () => {
	it('name one person and one category, and nothing else passes', async () => {
		const token = await unsubscribeToken(temp.db, 'ann', 'learning');
		expect(await readUnsubscribeToken(temp.db, token)).toEqual({ personId: 'ann', category: 'learning' });
		const [person, , signature] = token.split('.');
		expect(await readUnsubscribeToken(temp.db, `${person}.buddies.${signature}`)).toBeNull();
		expect(await readUnsubscribeToken(temp.db, `bo.learning.${signature}`)).toBeNull();
		expect(await readUnsubscribeToken(temp.db, `${person}.learning.${signature!.slice(0, -2)}xx`)).toBeNull();
		expect(await readUnsubscribeToken(temp.db, 'garbage')).toBeNull();
		// Account messages cannot be turned off, so no token for them is ever accepted.
		const account = await unsubscribeToken(temp.db, 'ann', 'account');
		expect(await readUnsubscribeToken(temp.db, account)).toBeNull();
	});
});

describe('digests', () => {
	it('gather what waited at the person’s local digest time, once a day, and skip what was read', async () => {
		const notice = (id: string) => ({
			to: 'ann',
			kind: 'learning.assigned' as const,
			subject: { type: 'assignment', id },
			href: `/learn/${mod.slug}`,
			params: { item: `module:${mod.slug}`, due: '2026-12-15', by: 'Mona Manager', note: '' }
		});
		// Monday 23 November 2026, 07:00 in Amsterdam: before Ann's 08:00 digest.
		const early = new Date('2026-11-23T06:00:00Z');
		await notify(temp.db, [notice('a1'), notice('a2'), notice('a3')], early);
		expect((await buildDigests(temp.db, early)).built).toBe(0);
		await temp.db
			.updateTable('notifications')
			.set({ read_at: early.toISOString() })
			.where('subject_id', '=', 'a3')
			.execute();

		const eight = new Date('2026-11-23T07:05:00Z'); // 08:05 in Amsterdam
		expect(await buildDigests(temp.db, eight)).toEqual({ built: 1, items: 2 });
		expect((await buildDigests(temp.db, new Date('2026-11-23T09:00:00Z'))).built).toBe(0);
		expect(await deliverDue(round(temp.db, 'w1'), eight)).toMatchObject({ sent: 1 });
		const [digest] = await mail.waitFor(1);
		expect(digest!.parsed.subject).toBe('Je dag in Ripple: 2 updates');
		expect(digest!.parsed.text!.match(/Nieuw leerwerk voor jou/g)).toHaveLength(2);
	});

	it('are not sent when everything in them was read before they went', async () => {
		await notify(
			temp.db,
			[
				{
					to: 'ann',
					kind: 'learning.assigned',
					subject: { type: 'assignment', id: 'x' },
					href: '/learn',
					params: { item: `module:${mod.slug}`, due: '2026-12-15', by: 'Mona Manager', note: '' }
				}
			],
			new Date('2026-11-23T06:00:00Z')
		);
		const eight = new Date('2026-11-23T07:05:00Z');
		expect((await buildDigests(temp.db, eight)).built).toBe(1);
		await temp.db.updateTable('notifications').set({ read_at: eight.toISOString() }).execute();
		expect(await deliverDue(round(temp.db, 'w1'), eight)).toMatchObject({ skipped: 1 });
		expect((await deliveries())[0]).toMatchObject({ status: 'skipped', reason: 'nothing_unread' });
		expect(mail.received).toHaveLength(0);
	});
});

describe('job shadowing reaches each person it waits on', () => {
	it(
		'request to the manager, approval to the host, confirmation with an invitation, cancellation to the calendar',
		{ timeout: 30_000 },
		async () => {
			const slot = await publishSlot(
				temp.db,
				await actorFor(temp.db, 'hana'),
				{
					team_id: 'care',
					host_email: 'hana@example.com',
					date: '2026-12-02',
					time: '10:00',
					minutes: 120,
					capacity: 2,
					place: 'Floor 2',
					video_url: '',
					what_you_will_see: 'Live calls'
				},
				T0
			);
			expect(slot.ok).toBe(true);
			const slotId = (slot as { id: string }).id;
			const requested = await requestVisit(
				temp.db,
				await actorFor(temp.db, 'ann'),
				slotId,
				{ objectives: 'See how complaints are handled' },
				T0
			);
			expect(requested).toMatchObject({ ok: true, status: 'pending_manager' });
			const visitId = (requested as { id: string }).id;
			const kindsFor = async (person: string) =>
				(
					await temp.db
						.selectFrom('notifications')
						.select('kind')
						.where('person_id', '=', person)
						.where('withdrawn_at', 'is', null)
						// Several are made at T0: ties go by kind, as PostgreSQL keeps no insertion order.
						.orderBy('created_at')
						.orderBy('kind')
						.execute()
				).map((n) => n.kind);
			expect(await kindsFor('mgr')).toEqual(['shadowing.approval_needed']);
			// A request someone waits on goes at once, even with the category on the daily digest.
			expect(await deliverDue(round(temp.db, 'w1'), T0)).toMatchObject({ sent: 1 });
			expect((await mail.waitFor(1))[0]!.envelopeTo).toEqual(['mona@example.com']);

			await decideAsManager(temp.db, await actorFor(temp.db, 'mgr'), visitId, true, '', T0);
			expect(await deliverDue(round(temp.db, 'w1'), T0)).toMatchObject({ sent: 1 });
			expect((await mail.waitFor(2))[1]!.envelopeTo).toEqual(['hana@example.com']);
			expect(await kindsFor('hana')).toEqual(['shadowing.confirmation_needed']);
			expect(await kindsFor('ann')).toEqual(['shadowing.approved']);
			// Deciding settled the manager's request.
			const managers = await temp.db
				.selectFrom('notifications')
				.select('read_at')
				.where('person_id', '=', 'mgr')
				.execute();
			expect(managers[0]!.read_at).not.toBeNull();

			await decideAsHost(temp.db, await actorFor(temp.db, 'hana'), visitId, true, '', T0);
			expect(await kindsFor('ann')).toEqual(['shadowing.approved', 'shadowing.confirmed']);

			// The confirmation carries its invitation and goes at once; "approved" waited for Ann's digest.
			expect(await deliverDue(round(temp.db, 'w1'), T0)).toMatchObject({ sent: 1 });
			const received = await mail.waitFor(3);
			const confirmed = received.find((r) => r.parsed.subject === 'Je bezoek aan Customer Care is bevestigd')!;
			const invitation = confirmed.parsed.attachments.find((a) => a.contentType === 'text/calendar');
			const calendarText = invitation
				? invitation.content.toString('utf8')
				: String((confirmed.parsed as unknown as { textAsHtml?: string }).textAsHtml ?? '');
			const parsed = new ICAL.Component(ICAL.parse(calendarText));
			expect(parsed.getFirstPropertyValue('method')).toBe('REQUEST');
			const event = parsed.getFirstSubcomponent('vevent')!;
			expect(event.getFirstPropertyValue('uid')).toBe(`visit-${visitId}@ripple`);
			const requestSequence = Number(event.getFirstPropertyValue('sequence'));
			expect(String(event.getFirstProperty('attendee')!.getFirstValue()).toLowerCase()).toBe('mailto:ann@example.com');

			mail.clear();
			await cancelVisit(temp.db, await actorFor(temp.db, 'ann'), visitId, T0);
			expect(await kindsFor('hana')).toContain('shadowing.cancelled');
			await deliverDue(round(temp.db, 'w1'), T0);
			const afterCancel = await mail.waitFor(2);
			const cancel = afterCancel.find((r) => r.envelopeTo.includes('ann@example.com'))!;
			const cancelFile = cancel.parsed.attachments.find((a) => a.contentType === 'text/calendar')!;
			const cancelled = new ICAL.Component(ICAL.parse(cancelFile.content.toString('utf8')));
			expect(cancelled.getFirstPropertyValue('method')).toBe('CANCEL');
			const cancelledEvent = cancelled.getFirstSubcomponent('vevent')!;
			expect(cancelledEvent.getFirstPropertyValue('uid')).toBe(`visit-${visitId}@ripple`);
			expect(Number(cancelledEvent.getFirstPropertyValue('sequence'))).toBeGreaterThan(requestSequence);
		}
	);
});

describe('learning reminders', () => {
	it('fall on each learner’s own day, once, and stop for whoever has completed', { timeout: 30_000 }, async () => {
		await temp.db.deleteFrom('assignments').execute();
		const result = await assignLearning(temp.db, await actorFor(temp.db, 'mgr'), assignInput('2026-12-15'), T0);
		expect(result.ok).toBe(true);
		const reminders = async () =>
			(
				await temp.db
					.selectFrom('notifications')
					.select(['person_id', 'kind', 'params', 'email'])
					.where('kind', '!=', 'learning.assigned')
					.orderBy('created_at')
					.orderBy('person_id')
					.execute()
			).map((n) => [n.person_id, n.kind, (JSON.parse(n.params) as { days: number }).days, n.email]);

		// 8 December, 07:30 UTC: 08:30 in Amsterdam, 15:30 in Shanghai, 07:30 for the manager in UTC.
		expect((await schedulerPass(temp.db, new Date('2026-12-08T07:30:00Z'))).reminders).toBe(2);
		expect(await reminders()).toEqual([
			['ann', 'learning.due_soon', 7, 'digest'],
			['bo', 'learning.due_soon', 7, 'digest']
		]);
		// The same pass again makes nothing new. Later that day, only the manager's own (a member of
		// the team too) falls due, at 08:00 in UTC.
		expect((await schedulerPass(temp.db, new Date('2026-12-08T07:31:00Z'))).reminders).toBe(0);
		expect((await schedulerPass(temp.db, new Date('2026-12-08T15:00:00Z'))).reminders).toBe(1);
		expect((await reminders()).at(-1)).toEqual(['mgr', 'learning.due_soon', 7, 'digest']);
		expect((await schedulerPass(temp.db, new Date('2026-12-08T15:01:00Z'))).reminders).toBe(0);

		// 14 December, 01:00 UTC: already 09:00 in Shanghai, still night in Amsterdam.
		expect((await schedulerPass(temp.db, new Date('2026-12-14T01:00:00Z'))).reminders).toBe(1);
		expect((await reminders()).at(-1)).toEqual(['bo', 'learning.due_soon', 1, 'digest']);
		expect((await schedulerPass(temp.db, new Date('2026-12-14T07:30:00Z'))).reminders).toBe(1);
		expect((await reminders()).at(-1)).toEqual(['ann', 'learning.due_soon', 1, 'digest']);

		// The manager completes it; so does Bo. Only Ann is overdue on the 16th.
		await temp.db
			.insertInto('completions')
			.values({
				id: 'mgr-done',
				person_id: 'mgr',
				module_slug: mod.slug,
				module_version: mod.version,
				completed_at: '2026-12-14T09:00:00Z',
				verification_code: 'KLMNO-PQRST',
				locale: 'en'
			})
			.execute();
		await temp.db
			.insertInto('completions')
			.values({
				id: 'bo-done',
				person_id: 'bo',
				module_slug: mod.slug,
				module_version: mod.version,
				completed_at: '2026-12-14T10:00:00Z',
				verification_code: 'ABCDE-FGHIJ',
				locale: 'zh-CN'
			})
			.execute();
		expect((await schedulerPass(temp.db, new Date('2026-12-16T07:30:00Z'))).reminders).toBe(1);
		expect((await reminders()).at(-1)).toEqual(['ann', 'learning.overdue', 1, 'digest']);

		// A week overdue, her manager hears of it, in the digest only, once.
		await temp.db
			.insertInto('notification_preferences')
			.values({ person_id: 'mgr', category: 'learning', mode: 'immediate' })
			.execute();
		expect((await schedulerPass(temp.db, new Date('2026-12-22T08:30:00Z'))).reminders).toBe(1);
		expect((await reminders()).at(-1)).toEqual(['mgr', 'learning.member_overdue', 7, 'digest']);
		// The next day: Ann's weekly overdue reminder; nothing new for the manager.
		expect((await schedulerPass(temp.db, new Date('2026-12-23T08:30:00Z'))).reminders).toBe(1);
		expect((await reminders()).at(-1)).toEqual(['ann', 'learning.overdue', 8, 'digest']);
	});
});

describe('visit reminders', () => {
	it(
		'come the day before to visitor and host, then ask for the reflection and feedback, once more if still missing',
		{ timeout: 30_000 },
		async () => {
			await temp.db.deleteFrom('assignments').execute();
			const slot = await publishSlot(
				temp.db,
				await actorFor(temp.db, 'hana'),
				{
					team_id: 'care',
					host_email: 'hana@example.com',
					date: '2026-12-09',
					time: '10:00',
					minutes: 60,
					capacity: 1,
					place: 'Floor 2',
					video_url: '',
					what_you_will_see: 'Complaints handled live'
				},
				T0
			);
			const slotId = (slot as { id: string }).id;
			const visit = await requestVisit(
				temp.db,
				await actorFor(temp.db, 'ann'),
				slotId,
				{ objectives: 'Complaints from the inside' },
				T0
			);
			const visitId = (visit as { id: string }).id;
			await decideAsManager(temp.db, await actorFor(temp.db, 'mgr'), visitId, true, '', T0);
			await decideAsHost(temp.db, await actorFor(temp.db, 'hana'), visitId, true, '', T0);
			const kinds = async () =>
				(
					await temp.db
						.selectFrom('notifications')
						.select(['person_id', 'kind', 'params'])
						.where('kind', 'in', ['shadowing.day_before', 'shadowing.reflection_due', 'shadowing.feedback_due'])
						.where('withdrawn_at', 'is', null)
						.orderBy('created_at')
						.orderBy('person_id')
						.execute()
				).map((n) => `${n.person_id}:${n.kind}${(JSON.parse(n.params) as { again?: boolean }).again ? ':again' : ''}`);

			// 8 December at 08:30 UTC: the day before, for Ann in Amsterdam and Hana in UTC alike.
			await schedulerPass(temp.db, new Date('2026-12-08T08:30:00Z'));
			expect(await kinds()).toEqual(['ann:shadowing.day_before', 'hana:shadowing.day_before']);
			await schedulerPass(temp.db, new Date('2026-12-08T12:00:00Z'));
			expect(await kinds()).toHaveLength(2);

			// The day after the visit, both are asked for their part; Ann writes hers.
			await schedulerPass(temp.db, new Date('2026-12-10T08:30:00Z'));
			expect((await kinds()).slice(2)).toEqual(['ann:shadowing.reflection_due', 'hana:shadowing.feedback_due']);
			const written = await saveReflection(
				temp.db,
				await actorFor(temp.db, 'ann'),
				visitId,
				{
					learned: 'How a complaint is logged and who calls back',
					impact: 'Our invoices cause a third of them',
					change: 'Clearer remittance notes'
				},
				new Date('2026-12-10T10:00:00Z')
			);
			expect(written.ok).toBe(true);
			// Four days on, only Hana is reminded once more; after that, nobody.
			await schedulerPass(temp.db, new Date('2026-12-13T08:30:00Z'));
			expect((await kinds()).slice(4)).toEqual(['hana:shadowing.feedback_due:again']);
			await schedulerPass(temp.db, new Date('2026-12-20T08:30:00Z'));
			expect(await kinds()).toHaveLength(5);
		}
	);
});

describe('a new edition of a completed module', () => {
	it('is announced once to whoever completed an earlier major version', async () => {
		const [major] = mod.version.split('.').map(Number) as [number];
		expect(major).toBeGreaterThanOrEqual(1);
		await temp.db.deleteFrom('completions').execute();
		await temp.db
			.insertInto('completions')
			.values({
				id: 'old-edition',
				person_id: 'ann',
				module_slug: mod.slug,
				module_version: `${major - 1}.9.0`,
				completed_at: '2025-06-01T10:00:00Z',
				verification_code: 'OLDED-ITION',
				locale: 'en'
			})
			.execute();
		const announced = async () =>
			(
				await temp.db
					.selectFrom('notifications')
					.select(['person_id', 'kind'])
					.where('kind', '=', 'learning.new_version')
					.execute()
			).length;
		await schedulerPass(temp.db, new Date('2026-12-08T09:00:00Z'));
		expect(await announced()).toBe(1);
		await schedulerPass(temp.db, new Date('2026-12-09T09:00:00Z'));
		expect(await announced()).toBe(1);
	});
});

describe('the weekly case-feedback note to managers', () => {
	it('counts last week’s answers on their Monday, and shows scores only from five answers', async () => {
		await temp.db
			.insertInto('feedback_links')
			.values({
				id: 'standing-ap',
				team_id: 'ap',
				kind: 'standing',
				case_reference: null,
				requester_email: null,
				token_hash: 'not-a-real-hash',
				created_by: 'mgr',
				created_at: '2026-11-01T09:00:00Z',
				expires_at: '2027-11-01T09:00:00Z',
				answered_at: null,
				closed_at: null
			})
			.execute();
		const answer = (id: string, score: number, at: string) => ({
			id,
			link_id: 'standing-ap',
			team_id: 'ap',
			score,
			reasons: '[]',
			comment: '',
			minutes_lost: null,
			submitted_at: at,
			respondent_key: null
		});
		await temp.db
			.insertInto('case_feedback')
			.values([
				answer('f1', 9, '2026-12-01T10:00:00Z'),
				answer('f2', 6, '2026-12-02T10:00:00Z'),
				answer('f3', 10, '2026-12-03T10:00:00Z')
			])
			.execute();
		const notes = async () =>
			(
				await temp.db
					.selectFrom('notifications')
					.select(['person_id', 'params'])
					.where('kind', '=', 'measure.feedback_week')
					.orderBy('created_at')
					.execute()
			).map((n) => [n.person_id, JSON.parse(n.params) as { count: number; average: number | null }]);
		// Monday 7 December, 08:30 for the manager (UTC): three answers, too few for scores.
		await schedulerPass(temp.db, new Date('2026-12-07T08:30:00Z'));
		expect(await notes()).toEqual([['mgr', { team: 'Accounts Payable', count: 3, average: null, netScore: null }]]);
		// Not again that Monday; nothing on Tuesday.
		await schedulerPass(temp.db, new Date('2026-12-07T12:00:00Z'));
		await schedulerPass(temp.db, new Date('2026-12-08T08:30:00Z'));
		expect(await notes()).toHaveLength(1);

		// The next week has five: the average and net score are shown.
		await temp.db
			.insertInto('case_feedback')
			.values([9, 9, 10, 7, 5].map((score, i) => answer(`g${i}`, score, `2026-12-0${8 + (i % 2)}T10:00:00Z`)))
			.execute();
		await schedulerPass(temp.db, new Date('2026-12-14T08:30:00Z'));
		const [, second] = await notes();
		expect(second![1]).toMatchObject({ count: 5, average: 8, netScore: 40 });
	});
});

describe('month-start messages', () => {
	it('tell managers which metrics are missing and leaders their unit’s scorecards, once a month', async () => {
		const metric = (id: string, kind: 'sla' | 'operational') => ({
			id,
			key: id,
			direction: 'higher' as const,
			target: 95,
			amber_band: 2,
			kind,
			period: 'month' as const,
			rollup: 'mean' as const,
			source: 'values' as const,
			position: 1,
			archived_at: null,
			created_at: '2026-01-01T00:00:00Z',
			updated_at: '2026-01-01T00:00:00Z'
		});
		await temp.db
			.insertInto('metrics')
			.values([metric('on-time', 'sla'), metric('first-time-right', 'operational')])
			.execute();
		await temp.db
			.insertInto('metric_texts')
			.values([
				{ metric_id: 'on-time', locale: 'en', name: 'On time', description: '', unit: '%' },
				{ metric_id: 'first-time-right', locale: 'en', name: 'First time right', description: '', unit: '%' }
			])
			.execute();
		// Accounts Payable met its SLA in November, but its internal customers scored it low.
		await temp.db
			.insertInto('metric_values')
			.values({
				metric_id: 'on-time',
				team_id: 'ap',
				period: '2026-11',
				value: 98,
				source: 'entry',
				updated_by: 'mgr',
				integration_id: null,
				updated_at: '2026-11-30T10:00:00Z'
			})
			.execute();
		await temp.db
			.insertInto('feedback_links')
			.values({
				id: 'standing-ap-nov',
				team_id: 'ap',
				kind: 'standing',
				case_reference: null,
				requester_email: null,
				token_hash: 'not-a-real-hash-nov',
				created_by: 'mgr',
				created_at: '2026-11-01T09:00:00Z',
				expires_at: '2027-11-01T09:00:00Z',
				answered_at: null,
				closed_at: null
			})
			.execute();
		await temp.db
			.insertInto('case_feedback')
			.values(
				[2, 3, 4, 5, 6, 3].map((score, i) => ({
					id: `nov-${i}`,
					link_id: 'standing-ap-nov',
					team_id: 'ap',
					score,
					reasons: '[]',
					comment: '',
					minutes_lost: null,
					submitted_at: `2026-11-1${i}T10:00:00Z`,
					respondent_key: null
				}))
			)
			.execute();
		await addPerson(temp.db, { id: 'lea', email: 'lea@example.com', name: 'Lea Leader' });
		await addGrant(temp.db, 'lea', 'leader', { org_unit_id: 'co' });

		const made = async () =>
			(
				await temp.db
					.selectFrom('notifications')
					.select(['person_id', 'kind', 'params', 'href'])
					.where('kind', 'in', ['measure.metrics_missing', 'measure.scorecard_summary'])
					.orderBy('person_id')
					.execute()
			).map((n) => ({ to: n.person_id, kind: n.kind, href: n.href, params: JSON.parse(n.params) as unknown }));

		// Tuesday 1 December, before anyone's digest time: nothing yet.
		await schedulerPass(temp.db, new Date('2026-12-01T07:30:00Z'));
		expect(await made()).toEqual([]);
		await schedulerPass(temp.db, new Date('2026-12-01T08:30:00Z'));
		expect(await made()).toEqual([
			{
				to: 'hana',
				kind: 'measure.metrics_missing',
				href: '/measure/teams/care/metrics',
				params: { team: 'Customer Care', month: '2026-11', missing: 2, total: 2 }
			},
			{
				to: 'lea',
				kind: 'measure.scorecard_summary',
				href: '/measure?month=2026-11&unit=co',
				params: { unit: 'Northwind Test', month: '2026-11', teams: 2, offTarget: 1, watermelons: ['Accounts Payable'] }
			},
			{
				to: 'mgr',
				kind: 'measure.metrics_missing',
				href: '/measure/teams/ap/metrics',
				params: { team: 'Accounts Payable', month: '2026-11', missing: 1, total: 2 }
			}
		]);
		// Later that week, and again after a restart of the scheduler: not again.
		await schedulerPass(temp.db, new Date('2026-12-02T09:00:00Z'));
		await schedulerPass(temp.db, new Date('2026-12-04T09:00:00Z'));
		expect(await made()).toHaveLength(3);

		// The leader reads it in their language, the watermelon by name.
		const [summary] = (await made()).filter((n) => n.kind === 'measure.scorecard_summary');
		const dutch = inLocale('nl', () =>
			wordNotification('measure.scorecard_summary', summary!.params, { timeZone: 'UTC' })
		);
		expect(dutch?.title).toBe('Northwind Test: de scorecards van november 2026');
		expect(dutch?.body).toContain('Watermeloensignaal: Accounts Payable haalt de SLA');

		await temp.db.deleteFrom('role_grants').where('person_id', '=', 'lea').execute();
		await temp.db.deleteFrom('case_feedback').where('link_id', '=', 'standing-ap-nov').execute();
		await temp.db.deleteFrom('feedback_links').where('id', '=', 'standing-ap-nov').execute();
		await temp.db.deleteFrom('metric_values').execute();
		await temp.db.deleteFrom('metric_texts').where('metric_id', 'in', ['on-time', 'first-time-right']).execute();
		await temp.db.deleteFrom('metrics').where('id', 'in', ['on-time', 'first-time-right']).execute();
	});
});
