/**
 * The languages Ripple speaks (issue 16): English, the source, and the complete translations.
 * Shared by server and browser; the message catalogue itself is compiled by Paraglide from
 * `messages/<locale>.json`.
 */
export const supportedLocales = ['en', 'nl', 'zh-CN'] as const;
export type Locale = (typeof supportedLocales)[number];

export const baseLocale: Locale = 'en';

/** Each language by its own name, as a switcher shows it. */
export const localeNames: Record<Locale, string> = {
	en: 'English',
	nl: 'Nederlands',
	'zh-CN': '简体中文'
};

/**
 * The Intl locale each language formats with: British English (day before month, 24-hour clock)
 * as Ripple always has, Dutch as written in the Netherlands, Simplified Chinese.
 */
const intlTags: Record<Locale, string> = { en: 'en-GB', nl: 'nl-NL', 'zh-CN': 'zh-CN' };

export function intlLocale(locale: string): string {
	return isLocale(locale) ? intlTags[locale] : locale;
}

/** A stored language code as a locale Ripple speaks, English when it is not one. */
export function asLocale(value: string | null | undefined): Locale {
	return isLocale(value) ? value : baseLocale;
}

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value);
}

/**
 * The supported locale a BCP 47 tag asks for, or null: "nl-BE" is Dutch, "zh", "zh-Hans" and
 * "zh-SG" are Simplified Chinese ("zh-TW" and "zh-Hant" are Traditional, which Ripple does not offer).
 */
export function matchLocale(tag: string | null | undefined): Locale | null {
	const value = tag?.trim().toLowerCase();
	if (!value) return null;
	const [language, ...rest] = value.split(/[-_]/);
	if (language === 'en') return 'en';
	if (language === 'nl') return 'nl';
	if (language === 'zh') {
		const traditional = rest.some((part) => part === 'hant' || part === 'tw' || part === 'hk' || part === 'mo');
		return traditional ? null : 'zh-CN';
	}
	return null;
}

/** The first supported language of an Accept-Language header, by quality, or null. */
export function negotiateAcceptLanguage(header: string | null | undefined): Locale | null {
	if (!header) return null;
	const ranges = header
		.split(',')
		.map((part, index) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
			return { tag: tag.trim(), quality: q === undefined ? 1 : Number(q), index };
		})
		.filter((r) => r.tag && r.tag !== '*' && r.quality > 0)
		.sort((a, b) => b.quality - a.quality || a.index - b.index);
	for (const range of ranges) {
		const locale = matchLocale(range.tag);
		if (locale) return locale;
	}
	return null;
}

/**
 * The locale of a request: the signed-in person's language; for someone not signed in, the
 * language chosen on the page (its cookie), else the browser's Accept-Language, else the
 * organisation's default.
 */
export function requestLocale(input: {
	personLanguage: string | null;
	chosen: string | null | undefined;
	acceptLanguage: string | null;
	organisationDefault: Locale;
}): Locale {
	return (
		matchLocale(input.personLanguage) ??
		matchLocale(input.chosen) ??
		negotiateAcceptLanguage(input.acceptLanguage) ??
		input.organisationDefault
	);
}
