import ical, {
	ICalAttendeeRole,
	ICalAttendeeStatus,
	ICalCalendarMethod,
	ICalEventStatus,
	escape,
	type ICalCalendar
} from 'ical-generator';

export interface CalendarItem {
	uid: string; // stable across changes, e.g. 'visit-<id>@ripple'
	sequence: number; // increases each time the item changes
	title: string;
	description: string;
	location: string | null; // a place
	url: string | null; // a video link or the item's page in Ripple
	start: Date; // instants (UTC)
	end: Date;
	status: 'confirmed' | 'tentative' | 'cancelled';
	organizer: { name: string; email: string } | null;
	/** `invited`: an iTIP invitation's attendee, who has not answered (PARTSTAT=NEEDS-ACTION). */
	attendees: { name: string; email: string; invited?: boolean }[];
	updatedAt: Date; // DTSTAMP / LAST-MODIFIED
}

const prodId = '//Ripple//Ripple//EN'; // the library adds the leading '-'

const statuses = {
	confirmed: ICalEventStatus.CONFIRMED,
	tentative: ICalEventStatus.TENTATIVE,
	cancelled: ICalEventStatus.CANCELLED
} as const;

// RFC 5545 TEXT may not hold control characters other than tab and line breaks.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

function text(value: string): string {
	return value.replace(controlChars, '');
}

/** CN is a quoted parameter: no DQUOTE or line breaks allowed. */
function displayName(value: string): string {
	return value
		.replace(/[\r\n\t]+/g, ' ')
		.replace(controlChars, '')
		.replace(/"/g, "'")
		.trim();
}

function email(value: string, where: string): string {
	const trimmed = value.trim();
	if (!/^[^\s@",;:<>\\]+@[^\s@",;:<>\\]+$/.test(trimmed))
		throw new Error(`Calendar item ${where} has an invalid email: ${JSON.stringify(value)}`);
	return trimmed;
}

/** An absolute URL; ',' and ';' are percent-encoded because the library escapes them as TEXT. */
function uri(value: string, uid: string): string {
	let parsed: URL;
	try {
		parsed = new URL(value);
	} catch {
		throw new Error(`Calendar item ${uid} has an invalid url: ${JSON.stringify(value)}`);
	}
	return parsed.href.replace(/,/g, '%2C').replace(/;/g, '%3B');
}

function instant(value: Date, field: string, uid: string): Date {
	if (!(value instanceof Date) || Number.isNaN(value.getTime()))
		throw new Error(`Calendar item ${uid} has an invalid ${field}`);
	return value;
}

function addEvent(calendar: ICalCalendar, item: CalendarItem): void {
	const { uid } = item;
	// The library writes UID unescaped, so keep it to safe characters.
	// eslint-disable-next-line no-control-regex -- a UID must not contain them
	if (!/^[^\s\\;,\u0000-\u001F\u007F]+$/.test(uid))
		throw new Error(`Calendar item UID is empty or has unsafe characters: ${JSON.stringify(uid)}`);
	if (!Number.isSafeInteger(item.sequence) || item.sequence < 0)
		throw new Error(`Calendar item ${uid} needs a non-negative integer sequence`);
	const start = instant(item.start, 'start', uid);
	const end = instant(item.end, 'end', uid);
	const updatedAt = instant(item.updatedAt, 'updatedAt', uid);
	// Times are written to the second; compare at that precision.
	if (Math.floor(end.getTime() / 1000) <= Math.floor(start.getTime() / 1000)) {
		throw new Error(
			`Calendar item ${uid} must end after it starts (start ${start.toISOString()}, end ${end.toISOString()})`
		);
	}
	const organizer = item.organizer && {
		email: email(item.organizer.email, `${uid} organizer`),
		name: displayName(item.organizer.name) || item.organizer.email.trim()
	};
	const location = item.location === null ? '' : text(item.location).trim();
	calendar.createEvent({
		id: uid,
		sequence: item.sequence,
		summary: text(item.title),
		description: text(item.description) || null,
		location: location || null,
		url: item.url === null || item.url.trim() === '' ? null : uri(item.url.trim(), uid),
		start,
		end,
		timezone: null,
		status: statuses[item.status],
		organizer,
		attendees: item.attendees.map((a) => ({
			email: email(a.email, `${uid} attendee`),
			name: displayName(a.name) || null,
			...(a.invited ? { role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION, rsvp: false } : {})
		})),
		stamp: updatedAt,
		lastModified: updatedAt
	});
}

/** Library output omits the CRLF after END:VCALENDAR that RFC 5545 requires. */
function render(calendar: ICalCalendar): string {
	const out = calendar.toString();
	return out.endsWith('\r\n') ? out : `${out}\r\n`;
}

/**
 * One downloadable event (METHOD:PUBLISH; a cancelled item is STATUS:CANCELLED so calendars remove it).
 * X-WR-CALNAME is left out on purpose: Outlook opens a file carrying it as a new calendar instead of
 * adding the event (MS-OXCICAL: it MUST be omitted for a single appointment).
 */
export function eventFile(item: CalendarItem, calendarName: string): string {
	void calendarName; // kept for symmetry with feedFile; see above
	const calendar = ical({ prodId, method: ICalCalendarMethod.PUBLISH });
	addEvent(calendar, item);
	return render(calendar);
}

/** A subscription feed with many events. */
export function feedFile(items: CalendarItem[], calendarName: string): string {
	const seen = new Set<string>();
	for (const { uid } of items) {
		if (seen.has(uid)) throw new Error(`Calendar feed has more than one item with UID ${uid}`);
		seen.add(uid);
	}
	const name = text(calendarName).replace(/\s+/g, ' ').trim();
	const calendar = ical({
		prodId,
		method: ICalCalendarMethod.PUBLISH,
		// The library writes NAME / X-WR-CALNAME unescaped.
		name: name ? escape(name, false) : null,
		ttl: 60 * 60 // suggest an hourly refresh to subscribers
	});
	for (const item of items) addEvent(calendar, item);
	return render(calendar);
}

/**
 * An iTIP message (RFC 5546) for one person: METHOD:REQUEST invites them (Outlook and Google
 * Calendar show it as a meeting to add), METHOD:CANCEL takes it out of their calendar. UID and
 * SEQUENCE are the item's own, as in the download and the feed, so every copy is the same event
 * and a later SEQUENCE replaces an earlier one. Ripple's sending address is the organiser: replies
 * are not read, so RSVP is not asked for.
 */
export function invitationFile(
	item: CalendarItem,
	method: 'REQUEST' | 'CANCEL',
	organizer: { name: string; email: string },
	attendee: { name: string; email: string }
): string {
	const calendar = ical({
		prodId,
		method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST
	});
	addEvent(calendar, {
		...item,
		status: method === 'CANCEL' ? 'cancelled' : 'confirmed',
		organizer,
		attendees: [{ ...attendee, invited: true }]
	});
	return render(calendar);
}
