import { describe, expect, it } from 'vitest';
import { serviceComponentKeys } from '../../service-framework';
import { assessmentSchema, componentAverages, scoresFromForm } from './assessment';

describe('componentAverages', () => {
	it('averages each component over the teams that rated it', () => {
		const averages = componentAverages([
			{ component: 'client_feedback', score: 2 },
			{ component: 'client_feedback', score: 5 },
			{ component: 'recharging', score: 3 },
			{ component: 'not_a_component', score: 1 }
		]);
		expect(averages.client_feedback).toEqual({ average: 3.5, teams: 2 });
		expect(averages.recharging).toEqual({ average: 3, teams: 1 });
		expect(averages.account_management).toEqual({ average: null, teams: 0 });
		expect(Object.keys(averages)).toEqual([...serviceComponentKeys]);
	});
});

describe('assessmentSchema', () => {
	const form = (overrides: Record<string, string> = {}) => ({
		...Object.fromEntries(
			serviceComponentKeys.flatMap((key) => [
				[`score_${key}`, '3'],
				[`note_${key}`, '']
			])
		),
		...overrides
	});

	it('reads a level and a note for every component', () => {
		const parsed = assessmentSchema.safeParse(
			form({ score_recharging: '5', note_recharging: '  Charges explained in the annual review.  ' })
		);
		expect(parsed.success).toBe(true);
		const scores = scoresFromForm(parsed.data!);
		expect(scores.recharging).toEqual({ score: 5, note: 'Charges explained in the annual review.' });
		expect(scores.account_management).toEqual({ score: 3, note: '' });
	});

	it('asks for a level where one is missing or out of range', () => {
		const parsed = assessmentSchema.safeParse(form({ score_client_feedback: '', score_recharging: '6' }));
		expect(parsed.success).toBe(false);
		const messages = Object.fromEntries(parsed.error!.issues.map((i) => [String(i.path[0]), i.message]));
		expect(messages.score_client_feedback).toBe('Choose a level for Client feedback');
		expect(messages.score_recharging).toBe('Choose a level for Recharging');
	});
});
