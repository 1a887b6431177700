import { describe, expect, it, vi } from 'vitest';
import * as generated from '../paraglide/registry.js';
import * as memoised from './registry';
import { m } from '../paraglide/messages';

describe('the memoised message registry', () => {
	it('answers as Paraglide’s generated registry does', () => {
		for (const locale of ['en', 'nl', 'zh-CN'] as const) {
			for (const n of [0, 1, 2, 5, 1.5, 21, 1500, 1234567.891]) {
				expect(memoised.plural(locale, n, {})).toBe(generated.plural(locale, n, {}));
				expect(memoised.plural(locale, n, { type: 'ordinal' })).toBe(generated.plural(locale, n, { type: 'ordinal' }));
				expect(memoised.number(locale, n, {})).toBe(generated.number(locale, n, {}));
				expect(memoised.number(locale, n, { style: 'percent' })).toBe(
					generated.number(locale, n, { style: 'percent' })
				);
				const options = { unit: 'day' as const, numeric: 'auto' as const };
				expect(memoised.relativetime(locale, n, options)).toBe(generated.relativetime(locale, n, options));
			}
			const at = '2026-12-07T15:04:05.000Z';
			expect(memoised.datetime(locale, at, { dateStyle: 'long', timeZone: 'UTC' })).toBe(
				generated.datetime(locale, at, { dateStyle: 'long', timeZone: 'UTC' })
			);
		}
	});

	it('is what the compiled messages use: each Intl object is built once, not on every call', () => {
		const built = vi.spyOn(Intl, 'PluralRules');
		try {
			for (let i = 0; i < 5; i++)
				m.admin_audit_directory_hold_approved({ count: i, directory: 'Workday' }, { locale: 'nl' });
			expect(built.mock.calls.length).toBeLessThanOrEqual(1);
		} finally {
			built.mockRestore();
		}
		expect(m.admin_audit_directory_hold_approved({ count: 3, directory: 'Workday' }, { locale: 'en' })).toBe(
			'Approved the held deactivations from Workday: 3 applied'
		);
	});
});
