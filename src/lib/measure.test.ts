import { describe, expect, it } from 'vitest';
import { formatAmount, joinItems, ragLabel } from './measure';
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

/** A message's parts as text, its markup written as tags: what RichText gives each snippet. */
const marked = (parts: { type: string; value?: string; name?: string }[]) =>
	parts
		.map((p) =>
			p.type === 'markup-start' ? `<${p.name}>` : p.type === 'markup-end' ? `</${p.name}>` : (p.value ?? '')
		)
		.join('');

describe('sentences with elements inside', () => {
	it('marks the link wherever the language puts it', () => {
		expect(marked(m.measure_no_team_matches.parts())).toBe(
			'No team matches these filters. <link>Show every team</link>.'
		);
		expect(marked(m.measure_grid_intro.parts({}, { locale: 'zh-CN' }))).toMatch(/<link>从CSV导入<\/link>更快。$/);
	});

	it('marks each element in the order of the language', () => {
		const created = (locale: 'en' | 'zh-CN') =>
			marked(m.measure_created_case_link.parts({ reference: 'C-1', until: '1 Dec' }, { locale }));
		expect(created('en')).toBe(
			'Link for <strong>C-1</strong> created. It takes one answer and works until <time>1 Dec</time>.'
		);
		expect(created('zh-CN')).toBe(
			'已创建<strong>C-1</strong>的链接。此链接只接收一次回答，有效期至<time>1 Dec</time>。'
		);
	});
});
