import { openDatabase } from '../../src/lib/server/db';
import { deliverDue } from '../../src/lib/server/notifications/delivery';
import { smtpMailer } from '../../src/lib/server/notifications/mailer';
import { notify, type Notice } from '../../src/lib/server/notifications/notify';
import { schedulerPass } from '../../src/lib/server/notifications/worker';
import { startMailServer } from '../mail-server';

/**
 * The notification targets of issue 17, timed inside the benchmark process on a copy of the large
 * organisation (loaded through Vite like in-process.ts, since wording reads course content):
 * - one scheduler pass over every person (reminders due, and the daily digests of everyone who has
 *   something waiting), its time and how much memory it takes on top of what the process held;
 * - delivery: emails handed to a real SMTP server on this machine, per second.
 */

/**
 * The busiest pass of a month: the first Monday of the next month, 14:00 UTC (past 08:00 from
 * Chicago to Tokyo). Besides the daily digests and the day's reminders, it makes the weekly digests
 * (Monday by default), the managers' weekly case-feedback notes and, in the first week of a month,
 * the managers' missing-metrics prompts and the leaders' scorecard summaries.
 */
function busiestPassAfter(now: Date): Date {
	const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 14));
	while (day.getUTCDay() !== 1) day.setUTCDate(day.getUTCDate() + 1);
	return day;
}

export async function notificationTimings(url: string, now: Date, emails: number) {
	const database = openDatabase(url, { poolSize: 4 });
	const mail = await startMailServer();
	const mailer = smtpMailer(mail.url);
	try {
		const passAt = busiestPassAfter(now);
		const people = await database.selectFrom('people').select(['id']).where('active', '=', 1).execute();
		// Everyone has something waiting for their digest, written the day before.
		const waiting: Notice[] = people.map((p) => ({
			to: p.id,
			kind: 'measure.recognition_received',
			subject: { type: 'recognition', id: `bench-${p.id}` },
			href: '/connect/recognition',
			params: { from: 'A colleague', behaviour: { en: 'Keeps promises' }, message: 'Thank you for the quick answer.' }
		}));
		for (let i = 0; i < waiting.length; i += 1000)
			await notify(database, waiting.slice(i, i + 1000), new Date(passAt.getTime() - 86_400_000));

		let peak = process.memoryUsage().rss;
		const idle = peak;
		const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
		const start = performance.now();
		const pass = await schedulerPass(database, passAt);
		const passMs = performance.now() - start;
		clearInterval(sampler);
		peak = Math.max(peak, process.memoryUsage().rss);

		// Delivery: the queue now holds the digests; add account emails until it holds `emails`.
		const queued = await database
			.selectFrom('email_deliveries')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('status', '=', 'queued')
			.executeTakeFirstOrThrow();
		const more = Math.max(0, emails - Number(queued.n));
		const extra: Notice[] = people.slice(0, more).map((p) => ({
			to: p.id,
			kind: 'account.password_changed',
			subject: { type: 'person', id: p.id },
			href: '/profile',
			params: { at: passAt.toISOString() }
		}));
		for (let i = 0; i < extra.length; i += 1000) await notify(database, extra.slice(i, i + 1000), passAt);
		const deliveryStart = performance.now();
		let sent = 0;
		for (;;) {
			const round = await deliverDue(
				{
					database,
					mailer,
					worker: 'bench',
					compose: { origin: 'https://ripple.example.com', from: 'Ripple <ripple@example.com>' },
					batch: 200,
					parallel: 8
				},
				passAt
			);
			sent += round.sent;
			if (round.claimed === 0) break;
		}
		const deliverySeconds = (performance.now() - deliveryStart) / 1000;
		return {
			people: people.length,
			reminders: pass.reminders,
			digests: pass.digests.built,
			passMs,
			passExtraMb: (peak - idle) / 2 ** 20,
			emailsSent: sent,
			received: mail.received.length,
			emailsPerSecond: sent / deliverySeconds
		};
	} finally {
		mailer.close();
		await mail.close();
		await database.destroy();
	}
}
