import { describe, expect, it } from 'vitest';
import { matchLocale, negotiateAcceptLanguage, requestLocale } from './locales';

describe('matchLocale', () => {
	it('maps regional and script variants to the languages Ripple offers', () => {
		expect(matchLocale('nl-BE')).toBe('nl');
		expect(matchLocale('en-GB')).toBe('en');
		expect(matchLocale('zh')).toBe('zh-CN');
		expect(matchLocale('zh-Hans-CN')).toBe('zh-CN');
		expect(matchLocale('zh_SG')).toBe('zh-CN');
	});

	it('offers nothing for Traditional Chinese or a language Ripple does not speak', () => {
		expect(matchLocale('zh-TW')).toBeNull();
		expect(matchLocale('zh-Hant')).toBeNull();
		expect(matchLocale('de-DE')).toBeNull();
		expect(matchLocale('')).toBeNull();
		expect(matchLocale(null)).toBeNull();
	});
});

describe('negotiateAcceptLanguage', () => {
	it('takes the best-rated supported language, in the order given when ratings tie', () => {
		expect(negotiateAcceptLanguage('de-DE,de;q=0.9,nl;q=0.8,en;q=0.7')).toBe('nl');
		expect(negotiateAcceptLanguage('en;q=0.5, zh-CN')).toBe('zh-CN');
		expect(negotiateAcceptLanguage('nl, en')).toBe('nl');
	});

	it('ignores refused languages, wildcards and what Ripple does not offer', () => {
		expect(negotiateAcceptLanguage('nl;q=0, en;q=0.1')).toBe('en');
		expect(negotiateAcceptLanguage('*, fr')).toBeNull();
		expect(negotiateAcceptLanguage('')).toBeNull();
	});
});

describe('requestLocale', () => {
	const base = { personLanguage: null, chosen: null, acceptLanguage: null, organisationDefault: 'en' as const };

	it('follows the signed-in person before anything the browser says', () => {
		expect(requestLocale({ ...base, personLanguage: 'nl', chosen: 'zh-CN', acceptLanguage: 'en' })).toBe('nl');
	});

	it('follows the language chosen on the page, then the browser, then the organisation', () => {
		expect(requestLocale({ ...base, chosen: 'zh-CN', acceptLanguage: 'nl' })).toBe('zh-CN');
		expect(requestLocale({ ...base, chosen: 'xx', acceptLanguage: 'nl-NL' })).toBe('nl');
		expect(requestLocale({ ...base, acceptLanguage: 'fr', organisationDefault: 'nl' })).toBe('nl');
	});

	it('falls back past a person whose language Ripple does not offer', () => {
		expect(requestLocale({ ...base, personLanguage: 'ar', acceptLanguage: 'zh' })).toBe('zh-CN');
	});
});
