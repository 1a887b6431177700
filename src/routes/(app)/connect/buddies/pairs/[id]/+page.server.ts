import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import {
	cancelPlan,
	fitSchema,
	haveMet,
	logMeeting,
	meetingSchema,
	pairAccess,
	pairPage,
	planMeeting,
	planSchema,
	plansOf,
	recordFit
} from '$lib/server/buddies/pairs';
import type { Scope } from '$lib/server/people/rules';
import { db } from '$lib/server/db';
import { firstErrors, formError } from '$lib/server/forms';
import { calendarDate } from '$lib/server/learning/rules';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const today = calendarDate(new Date(), user.timeZone);
	const page = await pairPage(db(), user.scope, params.id, today);
	if (!page) error(404, 'We could not find that pair.');
	const plans = await plansOf(db(), page.id, new Date());
	return { ...page, plans, timeZone: user.timeZone, today, notice: url.searchParams.get('done') };
};

/** The buddies' own actions: others who may see the pair are refused before their form is read. */
async function requireBuddy(scope: Scope, pairId: string, what: string): Promise<void> {
	const access = await pairAccess(db(), scope, pairId);
	if (!access) error(404, 'We could not find that pair.');
	if (!access.member) error(403, `Only the buddies ${what}.`);
}

export const actions: Actions = {
	meeting: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		await requireBuddy(user.scope, params.id, 'log their meetings');
		const form = await request.formData();
		const values = {
			met: String(form.get('met') ?? ''),
			met_on: String(form.get('met_on') ?? ''),
			rating: String(form.get('rating') ?? ''),
			notes: String(form.get('notes') ?? '')
		};
		const parsed = meetingSchema.safeParse(values);
		if (!parsed.success) return fail(400, { form: 'meeting' as const, values, errors: firstErrors(parsed.error) });
		const now = new Date();
		const result = await logMeeting(db(), user.scope, params.id, parsed.data, calendarDate(now, user.timeZone), now);
		if (!result.ok) return fail(400, { form: 'meeting' as const, values, errors: result.errors });
		redirect(303, `/connect/buddies/pairs/${params.id}?done=meeting`);
	},
	plan: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		await requireBuddy(user.scope, params.id, 'plan their meetings');
		const values = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)]));
		const parsed = planSchema.safeParse({ date: '', time: '', minutes: '', place: '', ...values });
		if (!parsed.success) return fail(400, { form: 'plan' as const, values, errors: firstErrors(parsed.error) });
		const result = await planMeeting(db(), user.scope, user.timeZone, params.id, parsed.data, new Date());
		if (!result.ok) return fail(400, { form: 'plan' as const, values, errors: result.errors });
		redirect(303, `/connect/buddies/pairs/${params.id}?done=planned`);
	},
	cancelPlan: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const planId = String((await request.formData()).get('plan_id') ?? '');
		const result = await cancelPlan(db(), user.scope, params.id, planId, new Date());
		if (!result.ok) return fail(403, { form: 'plan' as const, values: {}, errors: result.errors });
		redirect(303, `/connect/buddies/pairs/${params.id}?done=unplanned`);
	},
	fit: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		await requireBuddy(user.scope, params.id, 'record how the pairing fits');
		const form = await request.formData();
		const values = { fit: String(form.get('fit') ?? ''), note: String(form.get('note') ?? '') };
		// Before the first meeting there is no fit to record, and no form on the page to correct.
		if (!(await haveMet(db(), params.id)))
			return fail(400, { form: 'fit' as const, values, errors: formError('Record the fit after your first meeting.') });
		const parsed = fitSchema.safeParse(values);
		if (!parsed.success) return fail(400, { form: 'fit' as const, values, errors: firstErrors(parsed.error) });
		const result = await recordFit(db(), user.scope, params.id, parsed.data, new Date());
		if (!result.ok) return fail(400, { form: 'fit' as const, values, errors: result.errors });
		redirect(303, `/connect/buddies/pairs/${params.id}?done=fit`);
	}
};
