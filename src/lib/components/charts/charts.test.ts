import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import RadarChart from './RadarChart.svelte';
import Sparkline from './Sparkline.svelte';
import TrendChart from './TrendChart.svelte';

describe('charts on the server', () => {
	it('draws a sparkline with a hidden table of its numbers', () => {
		const { body } = render(Sparkline, { props: { caption: 'Invoices in SLA, last 3 months', points: [{ month: '2026-08', value: 80 }, { month: '2026-09', value: null }, { month: '2026-10', value: 96 }], target: 90, unit: '%' } });
		expect(body).toMatch(/<path[^>]+d="M/);
		expect(body).toContain('Invoices in SLA, last 3 months');
		expect(body).toContain('<td>No value</td>');
		expect(body).toContain('<td>96 %</td>');
	});

	it('draws a trend chart with a legend and a table behind a disclosure', () => {
		const { body } = render(TrendChart, { props: { caption: 'Net score', months: ['2026-09', '2026-10'], series: [{ label: 'Accounts Payable', values: [10, 20] }, { label: 'Accounts Receivable', values: [-5, null] }], target: 30 } });
		expect(body).toMatch(/<summary[^>]*>Show the numbers<\/summary>/);
		expect(body).toMatch(/class="[^"]*target/);
		expect(body).toContain('<th scope="col">Accounts Receivable</th>');
		expect(body).toContain('Target 30');
		expect(body.match(/class="lc-path series/g)).toHaveLength(2);
	});

	it('draws a radar with one closed outline per series', () => {
		const axes = [{ short: 'A', label: 'Alpha' }, { short: 'B', label: 'Beta' }, { short: 'C', label: 'Gamma' }];
		const { body } = render(RadarChart, { props: { caption: 'Self-assessment', axes, series: [{ label: 'Team', values: [3, 4, 5] }, { label: 'Unit', values: [2, 3, 3] }, { label: 'Organisation', values: [null, null, null] }] } });
		expect(body.match(/class="lc-path series[^"]*"/g)).toHaveLength(2);
		expect(body).toMatch(/d="M[^"]*Z"/);
		expect(body).toContain('<td>Not rated</td>');
	});
});
