import { describe, expect, it } from 'vitest';
import { aroundLink, formatAmount, joinItems, ragLabel, sentenceParts } from './measure';
import { m } from './paraglide/messages.js';

describe('measure labels', () => {
	it('words a status and a value with its unit', () => {
		expect(ragLabel('amber')).toBe('Near target');
		expect(formatAmount(97.5, '%')).toBe('97.5 %');
		expect(formatAmount(1234.5678, 'requests', 4)).toBe('1,234.5678 requests');
		expect(formatAmount(3, '')).toBe('3');
		expect(joinItems(['A', 'B', 'C'])).toBe('A, B, C');
	});
});

describe('sentences a page draws parts of', () => {
	it('splits a sentence around its link, wherever the language puts it', () => {
		expect(aroundLink((link) => m.measure_no_team_matches({ link }))).toEqual({
			before: 'No team matches these filters. ',
			after: '.'
		});
		expect(aroundLink((link) => m.measure_grid_intro({ link }, { locale: 'zh-CN' })).after).toBe('更快。');
	});

	it('cuts a sentence into text and slots in the order of the language', () => {
		const parts = (locale: 'en' | 'zh-CN') =>
			sentenceParts(['reference', 'until'], (s) => m.measure_created_case_link(s, { locale }));
		expect(parts('en')).toEqual([
			{ text: 'Link for ' },
			{ slot: 'reference' },
			{ text: ' created. It takes one answer and works until ' },
			{ slot: 'until' },
			{ text: '.' }
		]);
		expect(parts('zh-CN').map((p) => p.slot ?? p.text)).toEqual([
			'已创建',
			'reference',
			'的链接。此链接只接收一次回答，有效期至',
			'until',
			'。'
		]);
	});
});
