import { error, fail, redirect } from '@sveltejs/kit';
import { requireActor } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import {
	attendanceSchema,
	cancelLunchSession,
	cancelRsvp,
	lunchSessionDetail,
	markAttendance,
	ONLY_ORGANISER_MARKS_ATTENDANCE,
	rsvp
} from '$lib/server/lunch-and-learn/service';
import { worded } from '$lib/server/service-result';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor(locals);
	const detail = await lunchSessionDetail(db(), params.id, actor.id);
	if (!detail) error(404, m.connect_session_not_found());
	const now = new Date().toISOString();
	return {
		...detail,
		started: detail.session.starts_at <= now,
		timeZone: actor.timeZone,
		notice: url.searchParams.get('created') ? 'created' : url.searchParams.get('done')
	};
};

const back = (id: string, done: string) => redirect(303, `/connect/sessions/${id}?done=${done}`);

export const actions: Actions = {
	rsvp: async ({ locals, params }) => {
		const actor = requireActor(locals);
		const result = await rsvp(db(), actor, params.id, new Date());
		if (!result.ok) return fail(400, { errors: worded(result.errors) });
		back(params.id, result.status);
	},
	cancel: async ({ locals, params }) => {
		const actor = requireActor(locals);
		const result = await cancelRsvp(db(), actor, params.id, new Date());
		if (!result.ok) return fail(400, { errors: worded(result.errors) });
		back(params.id, 'cancelled');
	},
	attendance: async ({ locals, params, request }) => {
		const actor = requireActor(locals);
		const parsed = await readForm(request, attendanceSchema);
		const attended = parsed.ok ? parsed.data.attended : [];
		const result = await markAttendance(db(), actor, params.id, attended, new Date());
		if (!result.ok) {
			// Someone who does not organise the session is refused (403); the rest is a fixable 400.
			const refusal = result.errors._form;
			const forbidden = typeof refusal === 'object' && refusal.code === ONLY_ORGANISER_MARKS_ATTENDANCE;
			return fail(forbidden ? 403 : 400, { errors: worded(result.errors) });
		}
		back(params.id, 'attendance');
	},
	cancelSession: async ({ locals, params }) => {
		const actor = requireActor(locals);
		const result = await cancelLunchSession(db(), actor, params.id, new Date());
		if (!result.ok) return fail(403, { errors: worded(result.errors) });
		back(params.id, 'session-cancelled');
	}
};
