import { describe, expect, it } from 'vitest';
import { agendaItemText } from '../../buddies';
import { pairHealth, suggestedAgenda, unloggedPlans, fitCheckDue } from './rules';

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
		expect(agenda).toContainEqual({ kind: 'shows', from: 'Priya', to: 'Carlos', topics: ['Excel'] });
		expect(agenda.map(agendaItemText)).toContain('Priya shows Carlos how they handle Excel.');
		expect(agenda.map(agendaItemText)).toContain('Carlos shows Priya how they handle Customer calls.');
	});
	it('falls back to walking through a shared request', () => {
		const agenda = suggestedAgenda(
			{ name: 'A', goals: '', learn: [], offer: [] },
			{ name: 'B', goals: '', learn: [], offer: [] }
		);
		expect(agenda[1]).toEqual({ kind: 'walk_through' });
		expect(agendaItemText(agenda[1]!)).toMatch(/one request/);
	});
});

describe('unloggedPlans', () => {
	const plan = (id: string, startsAt: string, cancelled = false) => ({
		id,
		pair_id: 'p',
		starts_at: startsAt,
		ends_at: new Date(Date.parse(startsAt) + 45 * 60_000).toISOString(),
		cancelled_at: cancelled ? startsAt : null
	});
	const now = new Date('2026-11-30T12:00:00Z');

	it('keeps plans that are over with nothing logged on or after their day', () => {
		const plans = [plan('over', '2026-11-25T12:00:00Z'), plan('ahead', '2026-12-02T12:00:00Z')];
		expect(unloggedPlans(plans, [], now, 'UTC').map((p) => p.id)).toEqual(['over']);
	});

	it('counts any log from the plan’s day on, met or not, and ignores cancelled plans and other pairs', () => {
		const plans = [plan('a', '2026-11-20T12:00:00Z'), plan('b', '2026-11-25T12:00:00Z', true)];
		expect(unloggedPlans(plans, [{ pair_id: 'p', met_on: '2026-11-22' }], now, 'UTC')).toEqual([]);
		expect(unloggedPlans(plans, [{ pair_id: 'other', met_on: '2026-11-22' }], now, 'UTC').map((p) => p.id)).toEqual([
			'a'
		]);
		expect(unloggedPlans(plans, [{ pair_id: 'p', met_on: '2026-11-19' }], now, 'UTC').map((p) => p.id)).toEqual(['a']);
	});

	it('reads the plan’s day in the person’s time zone', () => {
		// 01:00 UTC on the 26th is still the 25th in New York, where the meeting was logged.
		const plans = [plan('late', '2026-11-26T01:00:00Z')];
		const log = [{ pair_id: 'p', met_on: '2026-11-25' }];
		expect(unloggedPlans(plans, log, now, 'America/New_York')).toEqual([]);
		expect(unloggedPlans(plans, log, now, 'UTC').map((p) => p.id)).toEqual(['late']);
	});
});

describe('fitCheckDue', () => {
	it('waits once the pair has met, until this member gives it', () => {
		expect(fitCheckDue('p', 'ann', [{ pair_id: 'p', met: 0 }], [])).toBe(false);
		expect(fitCheckDue('p', 'ann', [{ pair_id: 'p', met: 1 }], [])).toBe(true);
		expect(fitCheckDue('p', 'ann', [{ pair_id: 'p', met: 1 }], [{ pair_id: 'p', person_id: 'bo' }])).toBe(true);
		expect(fitCheckDue('p', 'ann', [{ pair_id: 'p', met: 1 }], [{ pair_id: 'p', person_id: 'ann' }])).toBe(false);
	});
});
