import { z } from 'zod';
import {
	COMMENT_MAX,
	MAX_MINUTES_LOST,
	SCORE_MAX,
	SCORE_MIN,
	isTimeLostUnit,
	parseReasons,
	toMinutesLost,
	type ReasonKey
} from '../../feedback';
import { m } from '../../paraglide/messages.js';
import { firstErrors, type FieldErrors, parseForm } from '../forms';

/** An answer from the public form, validated. */
export interface Answer {
	score: number;
	reasons: ReasonKey[];
	comment: string;
	minutesLost: number | null;
}

/** What the person typed, kept so a form with a mistake comes back as they left it. */
export interface AnswerValues {
	score: string;
	reasons: string[];
	comment: string;
	time_lost: string;
	time_unit: string;
}

/** Worded when an answer is checked, in the language of whoever is answering. */
const scoreMessage = { error: () => m.measure_answer_score_required({ min: SCORE_MIN, max: SCORE_MAX }) };

const answerSchema = z.object({
	score: z
		.string()
		.regex(/^\d{1,2}$/, scoreMessage)
		.transform(Number)
		.pipe(z.number().min(SCORE_MIN, scoreMessage).max(SCORE_MAX, scoreMessage)),
	reasons: z
		.array(z.string())
		.refine((raw) => parseReasons(raw) !== null, { error: () => m.measure_answer_reasons_invalid() })
		.transform((raw) => parseReasons(raw) ?? []),
	comment: z
		.string()
		.trim()
		.max(COMMENT_MAX, { error: () => m.measure_answer_comment_too_long({ max: COMMENT_MAX }) })
});

/**
 * Time lost is optional: empty means "not said". Checked on its own so its message shows
 * alongside any other field's.
 */
function parseTimeLost(
	rawAmount: string,
	unit: string
): { ok: true; minutes: number | null } | { ok: false; errors: FieldErrors } {
	// Decimal commas are common outside the UK ("1,5 hours").
	const text = rawAmount.trim().replace(',', '.');
	if (text === '') return { ok: true, minutes: null };
	if (!isTimeLostUnit(unit)) return { ok: false, errors: { time_unit: m.measure_answer_time_unit_invalid() } };
	const amount = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
	if (Number.isNaN(amount)) return { ok: false, errors: { time_lost: m.measure_answer_time_lost_invalid() } };
	if (unit === 'minutes' && !Number.isInteger(amount))
		return { ok: false, errors: { time_lost: m.measure_answer_time_lost_whole_minutes() } };
	const minutes = toMinutesLost(amount, unit);
	if (minutes > MAX_MINUTES_LOST)
		return { ok: false, errors: { time_lost: m.measure_answer_time_lost_too_much({ max: MAX_MINUTES_LOST / 60 }) } };
	return { ok: true, minutes };
}

/** Reads the public form: every reason chip that is ticked arrives as its own `reasons` value. */
/** The form as typed: every field as text, the ticked reasons as a list. */
const answerFormSchema = z.object({
	score: z.string(),
	reasons: z.array(z.string()),
	comment: z.string(),
	time_lost: z.string(),
	time_unit: z.string()
});

export function answerValues(form: FormData): AnswerValues {
	const parsed = parseForm(answerFormSchema, form);
	const typed = parsed.ok ? parsed.data : { score: '', reasons: [], comment: '', time_lost: '', time_unit: '' };
	return { ...typed, time_unit: typed.time_unit || 'minutes' };
}

export function parseAnswer(values: AnswerValues): { ok: true; answer: Answer } | { ok: false; errors: FieldErrors } {
	const fields = answerSchema.safeParse(values);
	const time = parseTimeLost(values.time_lost, values.time_unit);
	if (fields.success && time.ok) return { ok: true, answer: { ...fields.data, minutesLost: time.minutes } };
	return {
		ok: false,
		errors: { ...(fields.success ? {} : firstErrors(fields.error)), ...(time.ok ? {} : time.errors) }
	};
}

/** An answer already stored, as the form shows it for changing: time lost in minutes, as stored. */
export function answerFormValues(answer: Answer): AnswerValues {
	return {
		score: String(answer.score),
		reasons: [...answer.reasons],
		comment: answer.comment,
		time_lost: answer.minutesLost === null ? '' : String(answer.minutesLost),
		time_unit: 'minutes'
	};
}
