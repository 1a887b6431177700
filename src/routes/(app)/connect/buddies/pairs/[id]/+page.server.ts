import { fail, redirect } from '@sveltejs/kit';
import {
	cancelPlan,
	fitSchema,
	haveMet,
	logMeeting,
	meetingSchema,
	pairAccessFor,
	pairPage,
	planMeeting,
	planSchema,
	plansOf,
	recordFit
} from '$lib/server/buddies/pairs';
import { db } from '$lib/server/db';
import { formError, objectIdOf, parseForm, readForm } from '$lib/server/forms';
import { calendarDate } from '$lib/server/learning/rules';
import { requireActor, requireAllowed, requireFound } from '$lib/server/policy';
import { worded } from '$lib/server/service-result';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor(locals);
	const today = calendarDate(new Date(), actor.timeZone);
	const page = requireFound(await pairPage(db(), actor, params.id, today), m.connect_pair_not_found());
	const plans = await plansOf(db(), page.id, new Date());
	// "Log your meeting" links name the planned day; anything else, or a day to come, opens on today.
	const named = url.searchParams.get('met_on') ?? '';
	const logDay = /^\d{4}-\d{2}-\d{2}$/.test(named) && named <= today ? named : today;
	return { ...page, plans, timeZone: actor.timeZone, today, logDay, notice: url.searchParams.get('done') };
};

/** The buddies' own actions: others who may see the pair are refused before their form is read. */
async function buddyOf(locals: App.Locals, pairId: string, refusal: () => string) {
	const actor = requireActor(locals);
	const access = requireFound(await pairAccessFor(db(), actor, pairId), m.connect_pair_not_found());
	requireAllowed(access.member, refusal());
	return actor;
}

export const actions: Actions = {
	meeting: async ({ locals, params, request }) => {
		const actor = await buddyOf(locals, params.id, m.connect_pair_only_buddies_log_page);
		const parsed = await readForm(request, meetingSchema);
		if (!parsed.ok) return fail(400, { form: 'meeting' as const, values: parsed.values, errors: parsed.errors });
		const now = new Date();
		const result = await logMeeting(db(), actor, params.id, parsed.data, calendarDate(now, actor.timeZone), now);
		if (!result.ok)
			return fail(400, { form: 'meeting' as const, values: parsed.values, errors: worded(result.errors) });
		redirect(303, `/connect/buddies/pairs/${params.id}?done=meeting`);
	},
	plan: async ({ locals, params, request }) => {
		const actor = await buddyOf(locals, params.id, m.connect_pair_only_buddies_plan_page);
		const parsed = await readForm(request, planSchema);
		if (!parsed.ok) return fail(400, { form: 'plan' as const, values: parsed.values, errors: parsed.errors });
		const result = await planMeeting(db(), actor, params.id, parsed.data, new Date());
		if (!result.ok) return fail(400, { form: 'plan' as const, values: parsed.values, errors: worded(result.errors) });
		redirect(303, `/connect/buddies/pairs/${params.id}?done=planned`);
	},
	cancelPlan: async ({ locals, params, request }) => {
		const actor = await buddyOf(locals, params.id, m.connect_pair_only_buddies_plan_page);
		const planId = objectIdOf(await request.formData(), 'plan_id');
		const result = await cancelPlan(db(), actor, params.id, planId, new Date());
		if (!result.ok) return fail(403, { form: 'plan' as const, values: {}, errors: worded(result.errors) });
		redirect(303, `/connect/buddies/pairs/${params.id}?done=unplanned`);
	},
	fit: async ({ locals, params, request }) => {
		const actor = await buddyOf(locals, params.id, m.connect_pair_only_buddies_fit_page);
		const form = await request.formData();
		const parsed = parseForm(fitSchema, form);
		// Before the first meeting there is no fit to record, and no form on the page to correct.
		if (!(await haveMet(db(), params.id)))
			return fail(400, {
				form: 'fit' as const,
				values: parsed.values,
				errors: formError(m.connect_fit_after_first_meeting_page())
			});
		if (!parsed.ok) return fail(400, { form: 'fit' as const, values: parsed.values, errors: parsed.errors });
		const result = await recordFit(db(), actor, params.id, parsed.data, new Date());
		if (!result.ok) return fail(400, { form: 'fit' as const, values: parsed.values, errors: worded(result.errors) });
		redirect(303, `/connect/buddies/pairs/${params.id}?done=fit`);
	}
};
