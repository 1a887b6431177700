/**
 * Shared Intl formatters. Building one costs far more than using it (tens of microseconds each,
 * which a page of dates or numbers multiplies), so each locale and option set is built once.
 * A constructor that throws (an unknown time zone) throws every time and is never stored.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

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
