import { cleanup, render } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import RadarChart from './RadarChart.svelte';
import Sparkline from './Sparkline.svelte';
import TrendChart from './TrendChart.svelte';

// jsdom has neither; LayerChart asks for reduced motion and watches its container's size.
vi.hoisted(() => {
	window.matchMedia ??= (query: string) => ({
		matches: false,
		media: query,
		onchange: null,
		addListener() {},
		removeListener() {},
		addEventListener() {},
		removeEventListener() {},
		dispatchEvent: () => false
	});
	globalThis.ResizeObserver ??= class {
		observe() {}
		unobserve() {}
		disconnect() {}
	};
});

afterEach(() => cleanup());

/** In the browser the pictures are drawn once the component is mounted. */
describe('charts in the browser', () => {
	it('draws a sparkline with its target', async () => {
		const { container } = render(Sparkline, {
			props: { values: [80, 96], target: 90 }
		});
		await tick();
		expect(container.querySelector('.picture svg path.series')?.getAttribute('d')).toMatch(/^M/);
		expect(container.querySelector('.picture .target')).not.toBeNull();
	});

	it('draws one line per series in a trend chart', async () => {
		const { container } = render(TrendChart, {
			props: {
				caption: 'Net score',
				months: ['2026-09', '2026-10'],
				series: [
					{ label: 'Accounts Payable', values: [10, 20] },
					{ label: 'Accounts Receivable', values: [-5, null] }
				]
			}
		});
		await tick();
		expect(container.querySelectorAll('.picture path.series')).toHaveLength(2);
	});

	it('draws a closed outline per rated series on a radar', async () => {
		const axes = [
			{ short: 'A', label: 'Alpha' },
			{ short: 'B', label: 'Beta' },
			{ short: 'C', label: 'Gamma' }
		];
		const { container } = render(RadarChart, {
			props: {
				caption: 'Self-assessment',
				axes,
				series: [
					{ label: 'Team', values: [3, 4, 5] },
					{ label: 'Unit', values: [2, 3, 3] },
					{ label: 'Organisation', values: [null, null, null] }
				]
			}
		});
		await tick();
		const outlines = [...container.querySelectorAll('.picture path.series')].map((p) => p.getAttribute('d') ?? '');
		expect(outlines).toHaveLength(2);
		for (const d of outlines) expect(d).toMatch(/Z$/);
	});
});
