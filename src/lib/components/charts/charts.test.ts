import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import RadarChart from './RadarChart.svelte';
import Sparkline from './Sparkline.svelte';
import TrendChart from './TrendChart.svelte';

/**
 * On the server a chart is its caption, its numbers and a box of the picture's proportions; the
 * picture is drawn in the browser (charts.svelte.test.ts), so no SVG is rendered here.
 */
describe('charts on the server', () => {
	it('sends a sparkline as a box of the picture’s shape, hidden from screen readers and without numbers', () => {
		const { body } = render(Sparkline, { props: { values: [80, null, 96], target: 90 } });
		expect(body).toMatch(/class="picture"[^>]*aria-hidden="true"[^>]*style="aspect-ratio: 160 \/ 40;"/);
		expect(body).not.toContain('<table');
		expect(body).not.toContain('96');
		expect(body).not.toContain('<svg');
	});

	it('sends a trend chart with its legend and its numbers behind a disclosure', () => {
		const { body } = render(TrendChart, {
			props: {
				caption: 'Net score',
				months: ['2026-09', '2026-10'],
				series: [
					{ label: 'Accounts Payable', values: [10, 20] },
					{ label: 'Accounts Receivable', values: [-5, null] }
				],
				target: 30,
				width: 500
			}
		});
		expect(body).toMatch(/<summary[^>]*>Show the numbers<\/summary>/);
		expect(body).toContain('<th scope="col">Accounts Receivable</th>');
		expect(body).toContain('<td>-5</td>');
		expect(body).toContain('Target 30');
		expect(body).toMatch(/aspect-ratio: 500 \/ 200/);
		expect(body).not.toContain('<svg class="lc');
	});

	it('sends a radar’s ratings as a table, unrated components named as such', () => {
		const axes = [
			{ short: 'A', label: 'Alpha' },
			{ short: 'B', label: 'Beta' },
			{ short: 'C', label: 'Gamma' }
		];
		const { body } = render(RadarChart, {
			props: {
				caption: 'Self-assessment',
				axes,
				series: [
					{ label: 'Team', values: [3, 4, 5] },
					{ label: 'Organisation', values: [null, null, null] }
				]
			}
		});
		expect(body).toContain('<th scope="row">Gamma</th>');
		expect(body).toContain('<td>Not rated</td>');
		expect(body).toMatch(/aspect-ratio: 480 \/ 380/);
	});
});
