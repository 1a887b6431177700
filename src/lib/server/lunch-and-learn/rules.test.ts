import { describe, expect, it } from 'vitest';
import { newFaces, promotions, rsvpPlacement } from './rules';

describe('lunch-and-learn rules', () => {
	it('places people while there is room, then on the waitlist', () => {
		expect(rsvpPlacement(0, 2)).toBe('going');
		expect(rsvpPlacement(1, 2)).toBe('going');
		expect(rsvpPlacement(2, 2)).toBe('waitlist');
	});

	it('promotes the earliest on the waitlist, as many as places free up', () => {
		const waitlist = [
			{ person_id: 'c', rsvp_at: '2026-11-22T10:02:00Z' },
			{ person_id: 'a', rsvp_at: '2026-11-22T10:00:00Z' },
			{ person_id: 'b', rsvp_at: '2026-11-22T10:01:00Z' }
		];
		expect(promotions(waitlist, 1).map((w) => w.person_id)).toEqual(['a']);
		expect(promotions(waitlist, 2).map((w) => w.person_id)).toEqual(['a', 'b']);
		expect(promotions(waitlist, 0)).toEqual([]);
	});

	it('finds new faces from other departments and first-timers', () => {
		const faces = newFaces(
			[
				{ personId: 'same-dept', department: 'fin', firstTime: false },
				{ personId: 'other-dept', department: 'hr', firstTime: false },
				{ personId: 'newbie', department: 'fin', firstTime: true }
			],
			'fin'
		);
		expect(faces).toEqual({ otherDepartments: ['other-dept'], firstTimers: ['newbie'] });
	});
});
