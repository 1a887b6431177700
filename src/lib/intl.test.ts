import { describe, expect, it } from 'vitest';
import { formatCount, formatList, joinSentences } from './intl';

describe('formatCount', () => {
	const rows = { one: 'row', other: 'rows' };

	it('uses the singular for one and the plural for every other count', () => {
		expect(formatCount(1, rows)).toBe('1 row');
		expect(formatCount(0, rows)).toBe('0 rows');
		expect(formatCount(2, rows)).toBe('2 rows');
		expect(formatCount(1.5, rows)).toBe('1.5 rows');
	});

	it('groups the digits of large counts', () => {
		expect(formatCount(5000, rows)).toBe('5,000 rows');
	});

	it('follows the plural rules of the language, falling back to the other form', () => {
		const polish = { one: 'wiersz', few: 'wiersze', many: 'wierszy', other: 'wiersza' };
		expect(formatCount(1, polish, 'pl')).toBe('1 wiersz');
		expect(formatCount(3, polish, 'pl')).toBe('3 wiersze');
		expect(formatCount(5, polish, 'pl')).toBe('5 wierszy');
		expect(formatCount(3, rows, 'pl')).toBe('3 rows');
	});
});

describe('formatList', () => {
	it('joins items as a sentence does', () => {
		expect(formatList(['email'])).toBe('email');
		expect(formatList(['email', 'name'])).toBe('email and name');
		expect(formatList(['team', 'roles', 'time zone'])).toBe('team, roles and time zone');
	});
});

describe('joinSentences', () => {
	it('puts a space between sentences, except in Chinese', () => {
		expect(joinSentences(['One.', 'Two.'], 'en')).toBe('One. Two.');
		expect(joinSentences(['Een.', 'Twee.'], 'nl')).toBe('Een. Twee.');
		expect(joinSentences(['一。', '二。'], 'zh-CN')).toBe('一。二。');
	});
});
