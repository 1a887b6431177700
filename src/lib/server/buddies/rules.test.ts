import { describe, expect, it } from 'vitest';
import { pairHealth, suggestedAgenda } from './rules';

describe('pair health', () => {
	it('is never met without a meeting that happened', () => {
		expect(pairHealth([], '2026-11-22')).toEqual({ state: 'never_met' });
		expect(pairHealth([{ met: 0, met_on: '2026-11-20' }], '2026-11-22')).toEqual({ state: 'never_met' });
	});
	it('goes quiet three weeks after the last meeting', () => {
		expect(pairHealth([{ met: 1, met_on: '2026-11-01' }], '2026-11-22')).toEqual({ state: 'quiet', weeks: 3 });
		expect(pairHealth([{ met: 1, met_on: '2026-11-02' }], '2026-11-22')).toEqual({ state: 'on_track' });
		expect(
			pairHealth(
				[
					{ met: 1, met_on: '2026-10-01' },
					{ met: 1, met_on: '2026-11-15' }
				],
				'2026-11-22'
			)
		).toEqual({ state: 'on_track' });
	});
});

describe('suggested agenda', () => {
	it('builds on what each can teach the other', () => {
		const agenda = suggestedAgenda(
			{ name: 'Priya', goals: '', learn: ['Customer calls'], offer: ['Excel'] },
			{ name: 'Carlos', goals: '', learn: ['excel'], offer: ['Customer calls', 'Escalations'] }
		);
		expect(agenda).toContain('Priya shows Carlos how they handle Excel.');
		expect(agenda).toContain('Carlos shows Priya how they handle Customer calls.');
	});
	it('falls back to walking through a shared request', () => {
		expect(
			suggestedAgenda({ name: 'A', goals: '', learn: [], offer: [] }, { name: 'B', goals: '', learn: [], offer: [] })[1]
		).toMatch(/one request/);
	});
});
