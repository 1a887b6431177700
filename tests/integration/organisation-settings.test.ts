import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/lib/server/audit/log';
import { cachedDefaultLocale, defaultLocale, setDefaultLocale } from '../../src/lib/server/org/settings';
import { getLocale, overwriteGetLocale } from '../../src/lib/paraglide/runtime.js';
import { actorFor, addGrant, addPerson, openTempDb, T0, type TempDb } from './temp-db';

let temp: TempDb;

beforeAll(async () => {
	temp = await openTempDb('organisation-settings');
	await addPerson(temp.db, { id: 'adm', email: 'adm@example.com', name: 'Ada Admin' });
	await addGrant(temp.db, 'adm', 'admin');
});
afterAll(async () => {
	await temp.close();
});

describe('the organisation’s default language', () => {
	it('is English until an admin chooses another, and a change is audited once', async () => {
		expect(await defaultLocale(temp.db)).toBe('en');
		const admin = await actorFor(temp.db, 'adm');
		expect(await setDefaultLocale(temp.db, admin, 'nl', T0)).toBe(true);
		expect(await setDefaultLocale(temp.db, admin, 'nl', T0)).toBe(false);
		expect(await defaultLocale(temp.db)).toBe('nl');
		const events = await temp.db
			.selectFrom('audit_events')
			.select(['action', 'summary', 'actor_id'])
			.where('action', '=', 'organisation.default_language_changed')
			.execute();
		expect(events).toEqual([
			{
				action: 'organisation.default_language_changed',
				summary: 'Changed the default language from English to Dutch',
				actor_id: 'adm'
			}
		]);
	});

	it('is summarised in the audit log in each reader’s language', async () => {
		const read = async () =>
			(await listAuditEvents(temp.db, { action: 'organisation.default_language_changed', limit: 5, offset: 0 })).rows;
		const [english] = await read();
		expect(english).toMatchObject({ summary: 'Changed the default language from English to Dutch' });
		// The summary's message is kept with the details, but readers see only the details.
		expect(JSON.parse(english!.details!)).toEqual({ from: 'en', to: 'nl' });

		const requestLocale = getLocale;
		try {
			overwriteGetLocale(() => 'nl');
			expect((await read())[0]!.summary).toBe('Standaardtaal gewijzigd van Engels naar Nederlands');
			overwriteGetLocale(() => 'zh-CN');
			expect((await read())[0]!.summary).toBe('将默认语言从英语改为荷兰语');
		} finally {
			overwriteGetLocale(requestLocale);
		}
	});

	it('is read again after its time to live, and at once where it was changed', async () => {
		let stored: 'en' | 'nl' = 'en';
		let reads = 0;
		const cache = cachedDefaultLocale(async () => (reads++, stored), 1000);
		expect(await cache.get(0)).toBe('en');
		stored = 'nl';
		expect(await cache.get(999)).toBe('en');
		expect(await cache.get(1000)).toBe('nl');
		cache.set('en', 1000);
		expect(await cache.get(1500)).toBe('en');
		expect(reads).toBe(2);
	});

	it('keeps a change made while an older value was being read', async () => {
		let release: (locale: 'en') => void = () => {};
		const slowRead = new Promise<'en'>((resolve) => (release = resolve));
		const cache = cachedDefaultLocale(() => slowRead, 1000);
		const reading = cache.get(0);
		// An admin saves Dutch while that read is still on its way with the old English.
		cache.set('nl', 0);
		release('en');
		expect(await reading).toBe('nl');
		expect(await cache.get(10)).toBe('nl');
	});
});
