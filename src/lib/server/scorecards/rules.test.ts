import { describe, expect, it } from 'vitest';
import { confidenceOf, watermelonVerdict, type JudgedMeasure } from './rules';

const sla = (name: string, status: JudgedMeasure['status']): JudgedMeasure => ({ name, kind: 'sla', status });
const experience = (name: string, status: JudgedMeasure['status']): JudgedMeasure => ({
	name,
	kind: 'experience',
	status
});

describe('watermelonVerdict', () => {
	it('flags green SLAs over a red experience measure and names both sides', () => {
		const verdict = watermelonVerdict([
			sla('Tickets in SLA', 'green'),
			sla('First response', 'green'),
			experience('Net score', 'red'),
			experience('Average', 'amber')
		]);
		expect(verdict).toEqual({
			watermelon: true,
			greenSla: ['Tickets in SLA', 'First response'],
			redExperience: ['Net score']
		});
	});

	it('does not flag a team whose SLAs are not all green', () => {
		expect(
			watermelonVerdict([
				sla('Tickets in SLA', 'green'),
				sla('First response', 'amber'),
				experience('Net score', 'red')
			]).watermelon
		).toBe(false);
	});

	it('does not flag a team whose experience is not red', () => {
		expect(watermelonVerdict([sla('Tickets in SLA', 'green'), experience('Net score', 'amber')]).watermelon).toBe(
			false
		);
	});

	it('needs at least one judged SLA measure, ignoring those without data', () => {
		expect(watermelonVerdict([experience('Net score', 'red')]).watermelon).toBe(false);
		expect(watermelonVerdict([sla('Tickets in SLA', 'none'), experience('Net score', 'red')]).watermelon).toBe(false);
		expect(
			watermelonVerdict([sla('Tickets in SLA', 'none'), sla('Backlog', 'green'), experience('Net score', 'red')])
				.greenSla
		).toEqual(['Backlog']);
	});

	it('ignores operational measures', () => {
		expect(
			watermelonVerdict([
				{ name: 'Volume', kind: 'operational', status: 'red' },
				sla('Tickets in SLA', 'green'),
				experience('Net score', 'red')
			]).watermelon
		).toBe(true);
	});
});

describe('confidenceOf', () => {
	it('grows with observations and distinct raters', () => {
		expect(confidenceOf(0, 0)).toBe('none');
		expect(confidenceOf(2, 2)).toBe('low');
		expect(confidenceOf(10, 1)).toBe('low');
		expect(confidenceOf(3, 2)).toBe('medium');
		expect(confidenceOf(8, 2)).toBe('medium');
		expect(confidenceOf(8, 3)).toBe('high');
	});
});
