/**
 * Shared Intl formatters. Building one costs far more than using it (tens of microseconds each,
 * which a page of dates or numbers multiplies), so each locale and option set is built once.
 * A constructor that throws (an unknown time zone) throws every time and is never stored.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
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

/**
 * A count with its noun in the right plural form for the language: "1 row", "2 rows", "1,500 rows".
 * `forms` names the noun for each plural category the language uses; `other` is the fallback.
 */
export function formatCount(
	count: number,
	forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
	locale = 'en'
): string {
	const rules = memo(pluralRules, locale, {}, () => new Intl.PluralRules(locale));
	return `${numberFormat(locale, {}).format(count)} ${forms[rules.select(count)] ?? forms.other}`;
}

/** Items joined as a sentence lists them: "email and name", "team, roles and time zone". */
export function formatList(items: readonly string[], locale = 'en-GB'): string {
	return memo(listFormats, locale, {}, () => new Intl.ListFormat(locale, { type: 'conjunction' })).format(items);
}
