import { hostname } from 'node:os';
import { config } from '../config';
import type { Db } from '../db';
import { smtpMailer } from './mailer';
import { newId } from '../db/ids';
import { deliverDue, writeKeptEmails, type DeliveryRound, type RoundResult } from './delivery';
import { buildDigests, type DigestRun } from './digests';
import { makeReminders, remindersDue } from './reminders';

/**
 * The notification worker: delivery rounds every few seconds, and every minute a scheduler pass
 * that finds the reminders and digests now due. It runs inside the server by default and, for
 * those who prefer, alone (`npm run worker`); any number of instances may run it against one
 * database, because claims and the reminder ledger let only one of them take each piece of work.
 * It never runs inside a request: nothing a person does waits for it.
 */

export interface SchedulerPass {
	reminders: number;
	digests: DigestRun;
}

/**
 * Finds what is due now and writes it to the outbox; safe to run anywhere, any number of times.
 * Reminders come first, so a reminder due at someone's digest time rides in that digest.
 */
export async function schedulerPass(database: Db, now: Date): Promise<SchedulerPass> {
	const reminders = await makeReminders(database, await remindersDue(database, now), now);
	const digests = await buildDigests(database, now);
	return { reminders, digests };
}

/**
 * Emails kept as "not sent: no mail server" while none was configured. Once there is one, those
 * still worth sending go (their `relevant_until` is ahead and their notification is still unread);
 * the rest stay in the log as they are, so configuring SMTP late does not flood anyone.
 */
export async function releaseBacklog(database: Db, now: Date): Promise<number> {
	const at = now.toISOString();
	const result = await database
		.updateTable('email_deliveries')
		.set({ status: 'queued', reason: null, not_before: at, updated_at: at })
		.where('status', '=', 'not_sent')
		.where('reason', '=', 'no_mail_server')
		.where('relevant_until', '>', at)
		.where((eb) =>
			eb.or([
				eb('notification_id', 'is', null),
				eb.not(
					eb.exists(
						eb
							.selectFrom('notifications')
							.select('notifications.id')
							.whereRef('notifications.id', '=', 'email_deliveries.notification_id')
							.where((n) => n.or([n('read_at', 'is not', null), n('withdrawn_at', 'is not', null)]))
					)
				)
			])
		)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

export interface WorkerOptions extends Omit<DeliveryRound, 'worker'> {
	tickMs: number;
	schedulerEveryMs?: number;
	clock?: () => Date;
	log?: (message: string) => void;
}

export interface RunningWorker {
	readonly id: string;
	/** Runs one delivery round and, when due, a scheduler pass now; for tests and the CLI. */
	tick(): Promise<RoundResult>;
	stop(): Promise<void>;
}

export function startWorker(options: WorkerOptions): RunningWorker {
	const id = `${hostname()}:${process.pid}:${newId().slice(0, 6)}`;
	const clock = options.clock ?? (() => new Date());
	const log = options.log ?? ((message: string) => console.log(message));
	const schedulerEveryMs = options.schedulerEveryMs ?? 60_000;
	let lastPass = 0;
	let running: Promise<RoundResult> | null = null;
	let stopped = false;
	let backlogChecked = false;

	async function round(): Promise<RoundResult> {
		const now = clock();
		if (!backlogChecked && options.mailer) {
			backlogChecked = true;
			const released = await releaseBacklog(options.database, now);
			if (released) log(`Notifications: ${released} earlier email(s) still worth sending are queued again.`);
		}
		if (now.getTime() - lastPass >= schedulerEveryMs) {
			lastPass = now.getTime();
			await schedulerPass(options.database, now);
			await writeKeptEmails(options);
		}
		const total: RoundResult = { claimed: 0, sent: 0, notSent: 0, retrying: 0, dead: 0, skipped: 0 };
		const batch = options.batch ?? 50;
		// Drain what is due, batch by batch, so a burst does not wait a tick per batch.
		for (;;) {
			const result = await deliverDue({ ...options, worker: id }, clock());
			for (const key of Object.keys(total) as (keyof RoundResult)[]) total[key] += result[key];
			if (result.claimed < batch || stopped) break;
		}
		return total;
	}

	function tick(): Promise<RoundResult> {
		// Never two rounds at once in one process.
		running ??= round().finally(() => (running = null));
		return running;
	}

	const run = () => tick().catch((error) => console.error('Notifications: a worker round failed', error));
	const timer = setInterval(run, options.tickMs);
	// A first round at once, so what waited while no worker ran goes without waiting a tick.
	void run();

	return {
		id,
		tick,
		async stop() {
			stopped = true;
			clearInterval(timer);
			await running?.catch(() => undefined);
			options.mailer?.close();
		}
	};
}

/**
 * The worker as the server (and `npm run worker`) runs it: configured from the environment, with
 * Nodemailer's SMTP pool when `SMTP_URL` is set and the delivery log alone when it is not.
 */
export function startNotificationWorker(database: Db): RunningWorker {
	const url = config.smtpUrl;
	const worker = startWorker({
		database,
		mailer: url ? smtpMailer(url) : null,
		compose: { origin: config.origin, from: config.mailFrom },
		tickMs: config.notificationsTickSeconds * 1000
	});
	console.log(
		url
			? `Notifications: worker ${worker.id} sends email through ${new URL(url).host}.`
			: 'Notifications: no SMTP_URL, so emails are written to the delivery log and not sent.'
	);
	return worker;
}
