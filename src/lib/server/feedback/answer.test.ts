import { describe, expect, it } from 'vitest';
import { answerFormValues, answerValues, parseAnswer, type AnswerValues } from './answer';

const blank: AnswerValues = { score: '', reasons: [], comment: '', time_lost: '', time_unit: 'minutes' };

describe('parseAnswer', () => {
	it('needs only a score', () => {
		expect(parseAnswer({ ...blank, score: '0' })).toEqual({
			ok: true,
			answer: { score: 0, reasons: [], comment: '', minutesLost: null }
		});
	});

	it('takes reasons, a trimmed comment and time lost in hours', () => {
		const parsed = parseAnswer({
			score: '9',
			reasons: ['slow', 'kept_informed'],
			comment: '  Thanks!  ',
			time_lost: '1,5',
			time_unit: 'hours'
		});
		expect(parsed).toEqual({
			ok: true,
			answer: { score: 9, reasons: ['kept_informed', 'slow'], comment: 'Thanks!', minutesLost: 90 }
		});
	});

	it('explains every problem at once', () => {
		const parsed = parseAnswer({
			score: '11',
			reasons: ['made_up'],
			comment: 'x'.repeat(1001),
			time_lost: 'lots',
			time_unit: 'minutes'
		});
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(Object.keys(parsed.errors).sort()).toEqual(['comment', 'reasons', 'score', 'time_lost']);
		expect(parsed.errors.score).toBe('Choose a score from 0 to 10');
	});

	it('refuses a missing score, fractional minutes, an odd unit and more than two weeks lost', () => {
		expect(parseAnswer(blank)).toMatchObject({ ok: false, errors: { score: 'Choose a score from 0 to 10' } });
		expect(parseAnswer({ ...blank, score: '5', time_lost: '2.5' })).toMatchObject({
			ok: false,
			errors: { time_lost: 'Enter whole minutes, or choose hours' }
		});
		expect(parseAnswer({ ...blank, score: '5', time_lost: '2', time_unit: 'days' })).toMatchObject({
			ok: false,
			errors: { time_unit: 'Choose minutes or hours' }
		});
		expect(parseAnswer({ ...blank, score: '5', time_lost: '81', time_unit: 'hours' })).toMatchObject({
			ok: false,
			errors: { time_lost: 'Enter at most 80 hours' }
		});
		expect(parseAnswer({ ...blank, score: '5', time_lost: '-3' })).toMatchObject({ ok: false });
	});
});

describe('answerValues', () => {
	it('collects every ticked reason and defaults the unit to minutes', () => {
		const form = new FormData();
		form.append('score', '7');
		form.append('reasons', 'quick');
		form.append('reasons', 'slow');
		expect(answerValues(form)).toEqual({
			score: '7',
			reasons: ['quick', 'slow'],
			comment: '',
			time_lost: '',
			time_unit: 'minutes'
		});
	});
});

describe('answerFormValues', () => {
	it('gives back a stored answer as the form reads it, so sending it unchanged stores the same answer', () => {
		const stored = { score: 6, reasons: ['slow' as const], comment: 'Took a while.', minutesLost: 90 };
		const values = answerFormValues(stored);
		expect(values).toEqual({
			score: '6',
			reasons: ['slow'],
			comment: 'Took a while.',
			time_lost: '90',
			time_unit: 'minutes'
		});
		expect(parseAnswer(values)).toEqual({ ok: true, answer: stored });
		expect(answerFormValues({ ...stored, minutesLost: null }).time_lost).toBe('');
	});
});
