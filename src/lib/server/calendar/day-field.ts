import { m } from '../../paraglide/messages.js';
import { EARLIEST_DAY, LATEST_DAY, calendarDay } from '../../schemas/dates';

/** A form field holding a real day, as Connect's forms ask for one; `error` says what to choose. */
export function dayField(error: () => string) {
	return calendarDay(error, () =>
		m.connect_date_out_of_range({ first: EARLIEST_DAY.slice(0, 4), last: LATEST_DAY.slice(0, 4) })
	);
}
