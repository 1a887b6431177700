import { z } from 'zod';
import { m } from '../../paraglide/messages.js';
import { EARLIEST_DAY, LATEST_DAY, isCalendarDate } from '../../schemas/dates';

/**
 * A form field holding a real day, as `calendarDay` (src/lib/schemas/dates.ts) checks it, with its
 * messages worded when a form is read, in that request's language. Connect's forms use this until
 * `calendarDay` itself takes a message function.
 */
export function dayField(error: () => string) {
	return z
		.string()
		.trim()
		.refine(isCalendarDate, { error })
		.refine((v) => !isCalendarDate(v) || (v >= EARLIEST_DAY && v <= LATEST_DAY), {
			error: () => m.connect_date_out_of_range({ first: EARLIEST_DAY.slice(0, 4), last: LATEST_DAY.slice(0, 4) })
		});
}
