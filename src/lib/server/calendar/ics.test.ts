import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { eventFile, feedFile, type CalendarItem } from './ics';

// Output is parsed back with ical.js (Mozilla), independent of the generator (ical-generator).

function item(overrides: Partial<CalendarItem> = {}): CalendarItem {
	return {
		uid: 'visit-42@ripple',
		sequence: 3,
		title: 'Job shadowing: Accounts Payable',
		description: 'Meet at reception.',
		location: 'Building 2, Room 4.01',
		url: 'https://ripple.example.com/visits/42',
		start: new Date('2026-03-02T09:00:00Z'),
		end: new Date('2026-03-02T10:30:00Z'),
		status: 'confirmed',
		organizer: { name: 'Anna Zielińska', email: 'anna@example.com' },
		attendees: [
			{ name: 'Wei 中文', email: 'wei@example.com' },
			{ name: 'Sam Smith', email: 'sam@example.com' }
		],
		updatedAt: new Date('2026-02-20T08:15:00Z'),
		...overrides
	};
}

function parse(ics: string): ICAL.Component {
	return ICAL.Component.fromString(ics);
}

function events(ics: string): ICAL.Component[] {
	return parse(ics).getAllSubcomponents('vevent');
}

function onlyEvent(ics: string): ICAL.Component {
	const all = events(ics);
	expect(all).toHaveLength(1);
	return all[0]!;
}

function text(component: ICAL.Component, name: string): string | null {
	const value = component.getFirstPropertyValue(name);
	if (value === null) return null;
	if (typeof value !== 'string') throw new Error(`${name} is not text`);
	return value;
}

function instant(component: ICAL.Component, name: string): Date {
	const value = component.getFirstPropertyValue(name);
	if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a date-time`);
	expect(value.isDate).toBe(false);
	expect(value.zone?.tzid).toBe('UTC');
	return value.toJSDate();
}

/** ical.js does not know X- properties, so decode one as the TEXT value it is. */
function xText(component: ICAL.Component, name: string): string | null {
	const raw = text(component, name);
	if (raw === null) return null;
	const value = ICAL.Property.fromString(`${name};VALUE=TEXT:${raw}`).getFirstValue();
	if (typeof value !== 'string') throw new Error(`${name} is not text`);
	return value;
}

function mailto(value: string | null): string {
	return (value ?? '').replace(/^mailto:/i, '');
}

describe('eventFile', () => {
	it('writes a PUBLISH calendar with Ripple PRODID, UID, SEQUENCE and unicode SUMMARY', () => {
		const ics = eventFile(item({ title: 'Lunch & learn with Zieliński — 中文' }), 'Ripple');
		const calendar = parse(ics);
		expect(text(calendar, 'version')).toBe('2.0');
		expect(text(calendar, 'prodid')).toBe('-//Ripple//Ripple//EN');
		expect(text(calendar, 'method')).toBe('PUBLISH');
		const event = onlyEvent(ics);
		expect(text(event, 'uid')).toBe('visit-42@ripple');
		expect(event.getFirstPropertyValue('sequence')).toBe(3);
		expect(text(event, 'summary')).toBe('Lunch & learn with Zieliński — 中文');
	});

	it('round-trips text with commas, semicolons, backslashes and newlines', () => {
		const description =
			'Bring: laptop, badge; notebook\nAsk for Zieliński at desk 3\r\nPath C:\\shared\\visits\n\n中文, too';
		const event = onlyEvent(
			eventFile(
				item({ title: 'Buddy meeting; week 1, day 2', description, location: 'HQ, Floor 3; Room "Oak"\nNorth wing' }),
				'Ripple'
			)
		);
		expect(text(event, 'summary')).toBe('Buddy meeting; week 1, day 2');
		expect(text(event, 'description')).toBe(description.replace(/\r\n/g, '\n'));
		expect(text(event, 'location')).toBe('HQ, Floor 3; Room "Oak"\nNorth wing');
	});

	it('writes LOCATION and URL, and leaves them out when null', () => {
		const event = onlyEvent(eventFile(item({ url: 'https://meet.example.com/j/123?pwd=a1b2&x=%20' }), 'Ripple'));
		expect(text(event, 'location')).toBe('Building 2, Room 4.01');
		expect(text(event, 'url')).toBe('https://meet.example.com/j/123?pwd=a1b2&x=%20');

		const bare = onlyEvent(eventFile(item({ location: null, url: null, description: '' }), 'Ripple'));
		expect(bare.hasProperty('location')).toBe(false);
		expect(bare.hasProperty('url')).toBe(false);
		expect(bare.hasProperty('description')).toBe(false);
	});

	it('keeps a URL with commas and semicolons equivalent', () => {
		const url = 'https://ripple.example.com/a,b;c?q=1,2';
		const written = text(onlyEvent(eventFile(item({ url }), 'Ripple')), 'url');
		expect(written).not.toBeNull();
		expect(written).not.toContain('\\');
		expect(decodeURIComponent(written!)).toBe(url);
	});

	it('writes DTSTART/DTEND as the same instants in UTC', () => {
		const start = new Date('2026-10-25T00:30:00Z'); // a DST changeover night in Europe
		const end = new Date('2026-10-25T03:15:00Z');
		const ics = eventFile(item({ start, end }), 'Ripple');
		const event = onlyEvent(ics);
		expect(instant(event, 'dtstart').getTime()).toBe(start.getTime());
		expect(instant(event, 'dtend').getTime()).toBe(end.getTime());
		expect(ics).toMatch(/^DTSTART:20261025T003000Z\r$/m);
		expect(ics).toMatch(/^DTEND:20261025T031500Z\r$/m);
	});

	it('writes DTSTAMP and LAST-MODIFIED from updatedAt', () => {
		const event = onlyEvent(eventFile(item(), 'Ripple'));
		expect(instant(event, 'dtstamp').toISOString()).toBe('2026-02-20T08:15:00.000Z');
		expect(instant(event, 'last-modified').toISOString()).toBe('2026-02-20T08:15:00.000Z');
	});

	it.each([
		['confirmed', 'CONFIRMED'],
		['tentative', 'TENTATIVE'],
		['cancelled', 'CANCELLED']
	] as const)('writes STATUS for a %s item', (status, expected) => {
		const event = onlyEvent(eventFile(item({ status, sequence: 7 }), 'Ripple'));
		expect(text(event, 'status')).toBe(expected);
		expect(event.getFirstPropertyValue('sequence')).toBe(7);
		expect(text(event, 'uid')).toBe('visit-42@ripple');
	});

	it('writes ORGANIZER and ATTENDEE emails and names', () => {
		const event = onlyEvent(
			eventFile(item({ organizer: { name: 'Anna "Ania" Zielińska', email: 'anna@example.com' } }), 'Ripple')
		);
		const organizer = event.getFirstProperty('organizer');
		expect(mailto(text(event, 'organizer'))).toBe('anna@example.com');
		expect(organizer?.getParameter('cn')).toBe("Anna 'Ania' Zielińska");
		const attendees = event.getAllProperties('attendee');
		expect(attendees.map((a) => mailto(String(a.getFirstValue())))).toEqual(['wei@example.com', 'sam@example.com']);
		expect(attendees.map((a) => a.getParameter('cn'))).toEqual(['Wei 中文', 'Sam Smith']);
	});

	it('leaves out ORGANIZER and ATTENDEE when there are none', () => {
		const event = onlyEvent(eventFile(item({ organizer: null, attendees: [] }), 'Ripple'));
		expect(event.hasProperty('organizer')).toBe(false);
		expect(event.hasProperty('attendee')).toBe(false);
	});

	it('does not name a calendar for a single event', () => {
		const calendar = parse(eventFile(item(), 'Ripple visits'));
		expect(calendar.hasProperty('x-wr-calname')).toBe(false);
	});

	it('is deterministic for the same item', () => {
		expect(eventFile(item(), 'Ripple')).toBe(eventFile(item(), 'Ripple'));
	});

	it('throws when end is not after start', () => {
		const start = new Date('2026-03-02T09:00:00Z');
		expect(() => eventFile(item({ start, end: start }), 'Ripple')).toThrow(/must end after it starts/);
		expect(() => eventFile(item({ start, end: new Date('2026-03-02T08:00:00Z') }), 'Ripple')).toThrow(
			/must end after it starts/
		);
		expect(() => eventFile(item({ start, end: new Date(start.getTime() + 500) }), 'Ripple')).toThrow(
			/must end after it starts/
		);
		expect(() => feedFile([item(), item({ uid: 'b@ripple', start, end: start })], 'Ripple')).toThrow(
			/b@ripple must end after it starts/
		);
	});

	it('rejects unusable input with a clear error', () => {
		expect(() => eventFile(item({ start: new Date('nope') }), 'Ripple')).toThrow(/invalid start/);
		expect(() => eventFile(item({ uid: 'a b\n' }), 'Ripple')).toThrow(/UID/);
		expect(() => eventFile(item({ sequence: -1 }), 'Ripple')).toThrow(/sequence/);
		expect(() => eventFile(item({ url: '/visits/42' }), 'Ripple')).toThrow(/invalid url/);
		expect(() => eventFile(item({ attendees: [{ name: 'X', email: 'not-an-email' }] }), 'Ripple')).toThrow(
			/invalid email/
		);
	});
});

describe('feedFile', () => {
	it('holds many events with X-WR-CALNAME', () => {
		const ics = feedFile(
			[
				item(),
				item({ uid: 'buddy-7@ripple', sequence: 0, title: 'Buddy meeting', status: 'tentative' }),
				item({
					uid: 'lunch-9@ripple',
					sequence: 12,
					title: 'Lunch and learn',
					status: 'cancelled',
					organizer: null,
					attendees: []
				})
			],
			'Ripple: visits, buddies; lunches'
		);
		const calendar = parse(ics);
		expect(xText(calendar, 'x-wr-calname')).toBe('Ripple: visits, buddies; lunches');
		expect(ics).toContain('\r\nX-WR-CALNAME:Ripple: visits\\, buddies\\; lunches\r\n');
		expect(text(calendar, 'prodid')).toBe('-//Ripple//Ripple//EN');
		const all = calendar.getAllSubcomponents('vevent');
		expect(all.map((e) => text(e, 'uid'))).toEqual(['visit-42@ripple', 'buddy-7@ripple', 'lunch-9@ripple']);
		expect(all.map((e) => e.getFirstPropertyValue('sequence'))).toEqual([3, 0, 12]);
		expect(all.map((e) => text(e, 'status'))).toEqual(['CONFIRMED', 'TENTATIVE', 'CANCELLED']);
		expect(all.map((e) => text(e, 'summary'))).toEqual([
			'Job shadowing: Accounts Payable',
			'Buddy meeting',
			'Lunch and learn'
		]);
	});

	it('is a valid calendar when empty', () => {
		const ics = feedFile([], 'Ripple');
		expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
		const calendar = parse(ics);
		expect(calendar.name).toBe('vcalendar');
		expect(text(calendar, 'version')).toBe('2.0');
		expect(text(calendar, 'prodid')).toBe('-//Ripple//Ripple//EN');
		expect(xText(calendar, 'x-wr-calname')).toBe('Ripple');
		expect(calendar.getAllSubcomponents('vevent')).toEqual([]);
	});

	it('rejects two items with the same UID', () => {
		expect(() => feedFile([item(), item()], 'Ripple')).toThrow(/more than one item with UID visit-42@ripple/);
	});
});

describe('line format', () => {
	const long = item({
		title: 'Lunch & learn: '.repeat(8) + 'Zieliński',
		description: 'Ćwiczenia, zadania; 中文字符 '.repeat(30) + '\n' + 'x'.repeat(200),
		location: 'Zielińskiego 12, 中文 building; '.repeat(5) + 'gate B',
		url: `https://meet.example.com/j/${'9'.repeat(150)}`,
		attendees: Array.from({ length: 5 }, (_, i) => ({
			name: `Attendee 中文 Zieliński ${i}`,
			email: `attendee.with.a.long.address.${i}@example.com`
		}))
	});

	it.each([
		['eventFile', () => eventFile(long, 'Ripple')],
		[
			'feedFile',
			() => feedFile([long, item({ uid: 'other@ripple' })], 'Ripple ' + 'kalendarz Zielińskiego '.repeat(5))
		],
		['empty feedFile', () => feedFile([], 'Ripple')]
	])('%s uses CRLF and folds lines to at most 75 octets', (_name, make) => {
		const ics = make();
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		expect(ics.endsWith('\r\n')).toBe(true);
		// Split the octets, not the characters: each line must be at most 75 octets of whole UTF-8 characters.
		const decoder = new TextDecoder('utf-8', { fatal: true });
		const lines = Buffer.from(ics, 'utf8').toString('latin1').slice(0, -2).split('\r\n');
		expect(lines.length).toBeGreaterThan(4);
		for (const line of lines) {
			expect(line.length).toBeLessThanOrEqual(75);
			expect(() => decoder.decode(Buffer.from(line, 'latin1'))).not.toThrow();
		}
	});

	it('round-trips folded long values', () => {
		const event = onlyEvent(eventFile(long, 'Ripple'));
		expect(text(event, 'summary')).toBe(long.title);
		expect(text(event, 'description')).toBe(long.description);
		expect(text(event, 'location')).toBe(long.location);
		expect(text(event, 'url')).toBe(long.url);
		expect(event.getAllProperties('attendee')).toHaveLength(5);
	});
});
