/** Time zones and languages a person can choose; shared by forms, CSV import and validation. */
import { currentIntlLocale, dateTimeFormat } from './intl';
import { localeNames, supportedLocales } from './i18n/locales';

function intlAccepts(zone: string): boolean {
	try {
		dateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

// Older ICU data lists some zones by their former names (Asia/Calcutta); people expect the
// current ones, so those are added wherever the runtime understands them.
const currentNames = [
	'Asia/Kolkata',
	'Europe/Kyiv',
	'Asia/Kathmandu',
	'Asia/Ho_Chi_Minh',
	'America/Nuuk',
	'Asia/Yangon'
];

export const timeZones: readonly string[] = (() => {
	const zones = new Set(Intl.supportedValuesOf('timeZone'));
	zones.add('UTC');
	for (const zone of currentNames) if (intlAccepts(zone)) zones.add(zone);
	return [...zones].sort();
})();
const knownZones = new Set(timeZones);

export function isTimeZone(value: string): boolean {
	return knownZones.has(value) || (value.includes('/') && intlAccepts(value));
}

/** The languages a person can choose: those Ripple speaks completely (src/lib/i18n/locales.ts). */
export const languages = supportedLocales.map((code) => ({ code, name: localeNames[code] }));

export function languageName(code: string): string {
	return languages.find((l) => l.code === code)?.name ?? code;
}

/** Formats an ISO instant in a person's time zone and the current locale, e.g. "22 Nov 2026, 14:05". */
export function formatDateTime(iso: string, timeZone: string): string {
	return dateTimeFormat(currentIntlLocale(), {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: isTimeZone(timeZone) ? timeZone : 'UTC'
	}).format(new Date(iso));
}

export function formatDate(iso: string, timeZone: string): string {
	return dateTimeFormat(currentIntlLocale(), {
		dateStyle: 'medium',
		timeZone: isTimeZone(timeZone) ? timeZone : 'UTC'
	}).format(new Date(iso));
}

/**
 * Formats a calendar date (YYYY-MM-DD: a due date, a cycle's start, the day something was seen) as
 * `formatDate` writes instants, e.g. "7 Dec 2026". A calendar date has no time zone: it is read at
 * noon UTC so that no zone moves it to another day.
 */
export function formatCalendarDate(date: string): string {
	return formatDate(`${date}T12:00:00Z`, 'UTC');
}
