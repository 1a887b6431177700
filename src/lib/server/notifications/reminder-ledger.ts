import { isTimeZone } from '../../locale';
import type { Db } from '../db';
import { inTransaction } from '../db/transaction';
import { contactsOf } from '../people/directory';
import { notify, type Notice } from './notify';
import { claimLedgerKeys, settingsOf } from './queries';
import { DEFAULT_SETTINGS } from './rules';

/**
 * What every kind of time-based reminder shares: who reads it, on which clock, and the ledger that
 * makes each reminder once. A reminder's ledger key (person, object, kind, day) is claimed in the
 * transaction that writes it, so a second pass, a restarted scheduler or another instance running
 * at the same moment finds the key taken and makes nothing.
 */

export interface DueReminder {
	key: string;
	notice: Notice;
}

/** People's zone and the time their day's reminders come (their digest time). */
export async function readersOf(database: Db, personIds: readonly string[]) {
	const [contacts, settings] = await Promise.all([contactsOf(database, personIds), settingsOf(database, personIds)]);
	const digestTime = new Map(settings.map((s) => [s.person_id, s.digest_time]));
	return new Map(
		contacts.map((c) => [
			c.id,
			{
				active: c.active === 1,
				timeZone: isTimeZone(c.time_zone) ? c.time_zone : 'UTC',
				digestTime: digestTime.get(c.id) ?? DEFAULT_SETTINGS.digest_time
			}
		])
	);
}

/** Claims and writes due reminders, a chunk per transaction; returns how many were made. */
export async function makeReminders(database: Db, due: readonly DueReminder[], now: Date): Promise<number> {
	let made = 0;
	for (let i = 0; i < due.length; i += 200) {
		const chunk = due.slice(i, i + 200);
		made += await inTransaction(database, async (trx) => {
			const claimed = await claimLedgerKeys(
				trx,
				chunk.map((d) => d.key),
				now.toISOString()
			);
			const notices = chunk.filter((d) => claimed.has(d.key)).map((d) => d.notice);
			await notify(trx, notices, now);
			return notices.length;
		});
	}
	return made;
}
