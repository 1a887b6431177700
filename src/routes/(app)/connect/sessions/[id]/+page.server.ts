import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { cancelRsvp, cancelSession, markAttendance, rsvp, sessionDetail } from '$lib/server/lunch/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const detail = await sessionDetail(db(), params.id, user.id);
	if (!detail) error(404, 'We could not find that session.');
	const now = new Date().toISOString();
	return {
		...detail,
		started: detail.session.starts_at <= now,
		timeZone: user.timeZone,
		notice: url.searchParams.get('created') ? 'created' : url.searchParams.get('done')
	};
};

const back = (id: string, done: string) => redirect(303, `/connect/sessions/${id}?done=${done}`);

export const actions: Actions = {
	rsvp: async ({ locals, params }) => {
		const user = requireUser(locals);
		const result = await rsvp(db(), user.id, params.id, new Date());
		if (!result.ok) return fail(400, { errors: result.errors });
		back(params.id, result.status);
	},
	cancel: async ({ locals, params }) => {
		const user = requireUser(locals);
		const result = await cancelRsvp(db(), user.id, params.id);
		if (!result.ok) return fail(400, { errors: result.errors });
		back(params.id, 'cancelled');
	},
	attendance: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const attended = (await request.formData()).getAll('attended').map(String);
		const result = await markAttendance(db(), user.id, params.id, attended, new Date());
		if (!result.ok) return fail(result.errors._form?.startsWith('Only') ? 403 : 400, { errors: result.errors });
		back(params.id, 'attendance');
	},
	cancelSession: async ({ locals, params }) => {
		const user = requireUser(locals);
		const result = await cancelSession(db(), user.id, params.id, new Date());
		if (!result.ok) return fail(403, { errors: result.errors });
		back(params.id, 'session-cancelled');
	}
};
