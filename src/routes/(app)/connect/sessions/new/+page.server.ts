import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { firstErrors } from '$lib/server/forms';
import { canOrganise, createSession, sessionSchema } from '$lib/server/lunch/service';
import type { Actions, PageServerLoad } from './$types';

function requireOrganiser(locals: App.Locals) {
	const user = requireUser(locals);
	if (!canOrganise(user.scope)) error(403, 'Managers, leaders and admins plan sessions. Ask yours to put one on.');
	return user;
}

export const load: PageServerLoad = ({ locals }) => {
	const user = requireOrganiser(locals);
	return { timeZone: user.timeZone, email: user.email };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireOrganiser(locals);
		const values = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)]));
		const parsed = sessionSchema.safeParse({
			topic: '',
			description: '',
			presenter_email: '',
			date: '',
			time: '',
			minutes: '',
			place: '',
			video_url: '',
			capacity: '',
			...values
		});
		if (!parsed.success) return fail(400, { values, errors: firstErrors(parsed.error) });
		const result = await createSession(db(), { id: user.id, timeZone: user.timeZone }, parsed.data, new Date());
		if (!result.ok) return fail(400, { values, errors: result.errors });
		redirect(303, `/connect/sessions/${result.id}?created=1`);
	}
};
