import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { fitSchema, logMeeting, meetingSchema, pairPage, recordFit } from '$lib/server/buddies/pairs';
import { db } from '$lib/server/db';
import { firstErrors } from '$lib/server/forms';
import { calendarDate } from '$lib/server/learning/rules';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const today = calendarDate(new Date(), user.timeZone);
	const page = await pairPage(db(), user.scope, params.id, today);
	if (!page) error(404, 'We could not find that pair.');
	return { ...page, today, notice: url.searchParams.get('done') };
};

export const actions: Actions = {
	meeting: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const form = await request.formData();
		const values = { met: String(form.get('met') ?? ''), met_on: String(form.get('met_on') ?? ''), rating: String(form.get('rating') ?? ''), notes: String(form.get('notes') ?? '') };
		const parsed = meetingSchema.safeParse(values);
		if (!parsed.success) return fail(400, { form: 'meeting' as const, values, errors: firstErrors(parsed.error) });
		const now = new Date();
		const result = await logMeeting(db(), user.scope, params.id, parsed.data, calendarDate(now, user.timeZone), now);
		if (!result.ok) return fail(400, { form: 'meeting' as const, values, errors: result.errors });
		redirect(303, `/connect/buddies/pairs/${params.id}?done=meeting`);
	},
	fit: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const form = await request.formData();
		const values = { fit: String(form.get('fit') ?? ''), note: String(form.get('note') ?? '') };
		const parsed = fitSchema.safeParse(values);
		if (!parsed.success) return fail(400, { form: 'fit' as const, values, errors: firstErrors(parsed.error) });
		const result = await recordFit(db(), user.scope, params.id, parsed.data, new Date());
		if (!result.ok) return fail(400, { form: 'fit' as const, values, errors: result.errors });
		redirect(303, `/connect/buddies/pairs/${params.id}?done=fit`);
	}
};
