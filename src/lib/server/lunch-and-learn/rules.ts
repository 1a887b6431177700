/** Pure rules for lunch-and-learn RSVPs. */

/** A new RSVP goes on the list while there is room, otherwise on the waitlist. */
export function rsvpPlacement(going: number, capacity: number): 'going' | 'waitlist' {
	return going < capacity ? 'going' : 'waitlist';
}

/** Who moves up when places free: the earliest on the waitlist, as many as there are places. */
export function promotions<T extends { rsvp_at: string; person_id: string }>(
	waitlist: readonly T[],
	freePlaces: number
): T[] {
	if (freePlaces <= 0) return [];
	return [...waitlist]
		.sort((a, b) => a.rsvp_at.localeCompare(b.rsvp_at) || a.person_id.localeCompare(b.person_id))
		.slice(0, freePlaces);
}

export interface Attendee {
	personId: string;
	department: string | null;
	/** Whether this is the first session they attended (or are booked on). */
	firstTime: boolean;
}

/** "New faces": people from another department than the presenter's, and first-timers. */
export function newFaces(attendees: readonly Attendee[], presenterDepartment: string | null) {
	return {
		otherDepartments: attendees
			.filter((a) => a.department !== null && a.department !== presenterDepartment)
			.map((a) => a.personId),
		firstTimers: attendees.filter((a) => a.firstTime).map((a) => a.personId)
	};
}
