import { getLocale } from './paraglide/runtime';
import { intlLocale } from './i18n/locales';

/** The Intl locale of the current request (or page in the browser): "en-GB", "nl-NL", "zh-CN". */
export function currentIntlLocale(): string {
	return intlLocale(getLocale());
}

/**
 * Shared Intl formatters. Building one costs far more than using it (tens of microseconds each,
 * which a page of dates or numbers multiplies), so each locale and option set is built once.
 * A constructor that throws (an unknown time zone) throws every time and is never stored.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRuleSets = new Map<string, Intl.PluralRules>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

/** Option sets are small literals, so their JSON is a stable enough key. */
function memo<F>(cache: Map<string, F>, locale: string, options: object, build: () => F): F {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = cache.get(key);
	if (!format) {
		format = build();
		// Bounded: keys come from code and time zones, but nothing should grow without limit.
		if (cache.size >= 500) cache.clear();
		cache.set(key, format);
	}
	return format;
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	return memo(dateFormats, locale, options, () => new Intl.DateTimeFormat(locale, options));
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	return memo(numberFormats, locale, options, () => new Intl.NumberFormat(locale, options));
}

export function pluralRules(locale: string, options: Intl.PluralRulesOptions = {}): Intl.PluralRules {
	return memo(pluralRuleSets, locale, options, () => new Intl.PluralRules(locale, options));
}

export function relativeTimeFormat(locale: string, options: Intl.RelativeTimeFormatOptions): Intl.RelativeTimeFormat {
	return memo(relativeFormats, locale, options, () => new Intl.RelativeTimeFormat(locale, options));
}

/**
 * A count with its noun in the right plural form for the language: "1 row", "2 rows", "1,500 rows".
 * `forms` names the noun for each plural category the language uses; `other` is the fallback.
 */
export function formatCount(
	count: number,
	forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
	locale = currentIntlLocale()
): string {
	return `${numberFormat(locale, {}).format(count)} ${forms[pluralRules(locale).select(count)] ?? forms.other}`;
}

/** Items joined as a sentence lists them: "email and name", "team, roles and time zone". */
export function formatList(items: readonly string[], locale = currentIntlLocale()): string {
	return memo(listFormats, locale, {}, () => new Intl.ListFormat(locale, { type: 'conjunction' })).format(items);
}

/** Items joined as alternatives: "email or name", "电子邮件或姓名". */
export function formatAlternatives(items: readonly string[], locale = currentIntlLocale()): string {
	return memo(listFormats, `${locale}|or`, {}, () => new Intl.ListFormat(locale, { type: 'disjunction' })).format(
		items
	);
}

/** Sentences run together as the language writes them: a space between them, none in Chinese. */
export function joinSentences(sentences: readonly string[], locale = currentIntlLocale()): string {
	return sentences.join(locale.startsWith('zh') ? '' : ' ');
}

/** A whole number or decimal for people in the current locale: "1,500", "1.500", "1,500". */
export function formatInteger(value: number, locale = currentIntlLocale()): string {
	return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A share (0.42) as a percentage in the current locale: "42%", "42%", "42%". */
export function formatPercent(share: number, digits = 0, locale = currentIntlLocale()): string {
	return numberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(share);
}

/** "3 days ago", "in 2 hours", "gisteren", "3天前": the largest unit that fits, in the current locale. */
export function formatRelative(iso: string, now: Date = new Date(), locale = currentIntlLocale()): string {
	const seconds = (Date.parse(iso) - now.getTime()) / 1000;
	const units: [Intl.RelativeTimeFormatUnit, number][] = [
		['year', 31_536_000],
		['month', 2_592_000],
		['week', 604_800],
		['day', 86_400],
		['hour', 3_600],
		['minute', 60]
	];
	const format = relativeTimeFormat(locale, { numeric: 'auto' });
	for (const [unit, size] of units) {
		if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
	}
	return format.format(0, 'minute');
}
