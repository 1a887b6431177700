import type { Actor } from '../auth/actor';
import { recordAudit, type AuditWording } from '../audit/log';
import { db, type Db } from '../db';
import { baseLocale, isLocale, type Locale } from '../../i18n/locales';

/**
 * Organisation-wide settings, kept in `app_meta`. The default language is what people who are not
 * signed in see when their browser asks for no language Ripple speaks, and what new people start with.
 */
const DEFAULT_LOCALE_KEY = 'default_locale';

/** A language as a sentence names it, worded for each reader ("Dutch", "Nederlands", "荷兰语"). */
export const languageInText = {
	en: { code: 'admin_language_en_in_text' },
	nl: { code: 'admin_language_nl_in_text' },
	'zh-CN': { code: 'admin_language_zh_cn_in_text' }
} as const satisfies Record<Locale, AuditWording>;

export async function defaultLocale(database: Db): Promise<Locale> {
	const row = await database
		.selectFrom('app_meta')
		.select('value')
		.where('key', '=', DEFAULT_LOCALE_KEY)
		.executeTakeFirst();
	return isLocale(row?.value) ? row.value : baseLocale;
}

/** Sets the default language and audits the change; nothing is written when it is already so. */
export async function setDefaultLocale(database: Db, actor: Actor, locale: Locale, now: Date): Promise<boolean> {
	return database.transaction().execute(async (trx) => {
		const before = await defaultLocale(trx);
		if (before === locale) return false;
		await trx
			.insertInto('app_meta')
			.values({ key: DEFAULT_LOCALE_KEY, value: locale })
			.onConflict((oc) => oc.column('key').doUpdateSet({ value: locale }))
			.execute();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'organisation.default_language_changed',
			objectType: 'organisation',
			objectId: null,
			summary: {
				code: 'admin_audit_default_language_changed',
				params: { from: languageInText[before], to: languageInText[locale] }
			},
			details: { from: before, to: locale },
			ip: actor.ip,
			at: now
		});
		return true;
	});
}

/**
 * The default language as requests need it, read at most once every `ttlMs` per process: a change
 * made on one instance reaches the others within that time, and at once on the instance that made it.
 */
export function cachedDefaultLocale(read: () => Promise<Locale>, ttlMs = 60_000) {
	let cached: { locale: Locale; until: number } | null = null;
	// Counts changes, so a read that started before one cannot put the older value back after it.
	let changes = 0;
	return {
		async get(now = Date.now()): Promise<Locale> {
			if (cached && cached.until > now) return cached.locale;
			const before = changes;
			const locale = await read();
			if (changes !== before) return cached!.locale;
			cached = { locale, until: now + ttlMs };
			return locale;
		},
		set(locale: Locale, now = Date.now()): void {
			changes += 1;
			cached = { locale, until: now + ttlMs };
		}
	};
}

/** This process's view of the default language, for every request's locale (hooks.server.ts). */
export const organisationLocale = cachedDefaultLocale(() => defaultLocale(db()));
