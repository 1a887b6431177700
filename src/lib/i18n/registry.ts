import { dateTimeFormat, numberFormat, pluralRules, relativeTimeFormat } from '../intl';

/**
 * What Paraglide's compiled messages call to choose a plural form and format a number: the same
 * functions as its generated `registry.js`, which builds a new Intl object on every call, with the
 * objects built once per locale and options (see `intl.ts`). On a scorecard of 50 teams that is
 * thousands of constructions a request (about 8% of the page's time, measured). vite.config.ts
 * points the messages' import of `registry.js` here.
 */

export function plural(locale: string, input: unknown, options?: Intl.PluralRulesOptions): string {
	return pluralRules(locale, options ?? {}).select(Number(input));
}

export function number(locale: string, input: unknown, options?: Intl.NumberFormatOptions): string {
	return numberFormat(locale, options ?? {}).format(Number(input));
}

export function datetime(locale: string, input: unknown, options?: Intl.DateTimeFormatOptions): string {
	return dateTimeFormat(locale, options ?? {}).format(new Date(input as string));
}

export function relativetime(
	locale: string,
	input: unknown,
	options: Intl.RelativeTimeFormatOptions & { unit: Intl.RelativeTimeFormatUnit }
): string {
	const { unit, ...intlOptions } = options;
	return relativeTimeFormat(locale, intlOptions).format(Number(input), unit);
}
