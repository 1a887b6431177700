import { afterEach, describe, expect, it } from 'vitest';
import { m } from '../paraglide/messages';
import { getLocale, overwriteGetLocale } from '../paraglide/runtime';
import { formatAlternatives, formatInteger, formatList, formatPercent, formatRelative } from '../intl';
import { formatCalendarDate, formatDateTime } from '../locale';
import { formatNumber } from '../measure';
import { formatSpan } from '../time';

/**
 * Numbers, dates and plurals in each language Ripple speaks (issue 16): formatted by Intl in the
 * request's locale, plurals chosen by the language's own rules. Here the locale is set directly,
 * as the request's strategy sets it on the server and <html lang> in the browser.
 */

const original = getLocale;
afterEach(() => overwriteGetLocale(original));
const inLocale = (locale: 'en' | 'nl' | 'zh-CN') => overwriteGetLocale(() => locale);

const instant = '2026-12-01T11:30:00Z';

describe('numbers', () => {
	it('group thousands and mark decimals as each language writes them', () => {
		inLocale('en');
		expect([formatNumber(1234.5), formatInteger(1500), formatPercent(0.425, 1)]).toEqual(['1,234.5', '1,500', '42.5%']);
		inLocale('nl');
		expect([formatNumber(1234.5), formatInteger(1500), formatPercent(0.425, 1)]).toEqual(['1.234,5', '1.500', '42,5%']);
		inLocale('zh-CN');
		expect([formatNumber(1234.5), formatInteger(1500), formatPercent(0.425, 1)]).toEqual(['1,234.5', '1,500', '42.5%']);
	});
});

describe('dates and times', () => {
	it('name months and weekdays in the language, in the person’s time zone', () => {
		inLocale('en');
		expect(formatDateTime(instant, 'Europe/Amsterdam')).toBe('1 Dec 2026, 12:30');
		expect(formatSpan(instant, '2026-12-01T12:15:00Z', 'Europe/London')).toBe('Tue, 1 Dec 2026, 11:30–12:15');
		inLocale('nl');
		expect(formatDateTime(instant, 'Europe/Amsterdam')).toBe('1 dec 2026, 12:30');
		expect(formatSpan(instant, '2026-12-01T12:15:00Z', 'Europe/Amsterdam')).toBe('di 1 dec 2026, 12:30–13:15');
		expect(formatCalendarDate('2026-03-07')).toBe('7 mrt 2026');
		inLocale('zh-CN');
		expect(formatDateTime(instant, 'Asia/Shanghai')).toBe('2026年12月1日 19:30');
		expect(formatSpan(instant, '2026-12-01T12:15:00Z', 'Asia/Shanghai')).toBe('2026/12/1周二 19:30–20:15');
	});

	it('say how long ago in the language', () => {
		const now = new Date('2026-12-04T11:30:00Z');
		inLocale('en');
		expect(formatRelative(instant, now)).toBe('3 days ago');
		inLocale('nl');
		expect(formatRelative(instant, now)).toBe('3 dagen geleden');
		inLocale('zh-CN');
		expect(formatRelative(instant, now)).toBe('3天前');
		expect(formatRelative('2026-12-03T11:30:00Z', now)).toBe('昨天');
	});
});

describe('lists', () => {
	it('join items with the language’s words and punctuation', () => {
		inLocale('nl');
		expect(formatList(['team', 'rollen', 'tijdzone'])).toBe('team, rollen en tijdzone');
		expect(formatAlternatives(['e-mail', 'naam'])).toBe('e-mail of naam');
		inLocale('zh-CN');
		expect(formatList(['团队', '角色', '时区'])).toBe('团队、角色和时区');
	});
});

describe('plural messages', () => {
	it('choose the form by the language’s rules: one and other in English and Dutch, one form in Chinese', () => {
		const wait = (minutes: number, locale: 'en' | 'nl' | 'zh-CN') => m.login_throttled({ minutes }, { locale });
		expect(wait(1, 'en')).toContain('1 minute and');
		expect(wait(15, 'en')).toContain('15 minutes and');
		expect(wait(1, 'nl')).toContain('1 minuut');
		expect(wait(15, 'nl')).toContain('15 minuten');
		expect(wait(1, 'zh-CN')).toContain('1分钟');
		expect(wait(15, 'zh-CN')).toContain('15分钟');
	});
});
