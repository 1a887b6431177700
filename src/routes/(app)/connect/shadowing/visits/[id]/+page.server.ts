import { fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { formError, readForm } from '$lib/server/forms';
import { requireActor, requireAllowed, requireFound } from '$lib/server/policy';
import {
	cancelVisit,
	declineSchema,
	decideAsHost,
	decideAsManager,
	hostFeedbackSchema,
	reflectionSchema,
	saveHostFeedback,
	saveReflection,
	visitFor,
	visitView
} from '$lib/server/shadowing/service';
import { worded } from '$lib/server/service-result';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor(locals);
	const ctx = requireFound(await visitFor(db(), actor, params.id), m.connect_visit_not_found());
	return {
		...visitView(ctx, new Date()),
		timeZone: actor.timeZone,
		notice: url.searchParams.get('requested') ? 'requested' : url.searchParams.get('done')
	};
};

const back = (id: string, done: string) => redirect(303, `/connect/shadowing/visits/${id}?done=${done}`);

/**
 * Each action belongs to one role in the visit: the visitor, their manager (the approver) or the
 * host side. Anyone else is refused before the form is read: 404 when the visit is not theirs to
 * see at all, 403 when it is but the action is not theirs.
 */
async function visitAs(locals: App.Locals, visitId: string, role: 'visitor' | 'approver' | 'host') {
	const actor = requireActor(locals);
	const ctx = requireFound(await visitFor(db(), actor, visitId), m.connect_visit_not_found());
	const refusal = {
		visitor: m.connect_visit_only_visitor,
		approver: m.connect_visit_only_approver,
		host: m.connect_visit_only_host
	}[role];
	requireAllowed(ctx.roles[role], refusal());
	return { actor, ctx, view: visitView(ctx, new Date()) };
}

export const actions: Actions = {
	approve: async ({ locals, params }) => {
		const { actor } = await visitAs(locals, params.id, 'approver');
		const result = await decideAsManager(db(), actor, params.id, true, '', new Date());
		if (!result.ok) return fail(403, { errors: worded(result.errors) });
		back(params.id, 'approved');
	},
	decline: async ({ locals, params, request }) => {
		const { actor } = await visitAs(locals, params.id, 'approver');
		// An overlong reason is refused, never cut short.
		const parsed = await readForm(request, declineSchema);
		if (!parsed.ok) return fail(400, { errors: formError(parsed.errors.reason ?? m.connect_decline_reason_short()) });
		const result = await decideAsManager(db(), actor, params.id, false, parsed.data.reason, new Date());
		if (!result.ok) return fail(403, { errors: worded(result.errors) });
		back(params.id, 'declined');
	},
	confirm: async ({ locals, params }) => {
		const { actor } = await visitAs(locals, params.id, 'host');
		const result = await decideAsHost(db(), actor, params.id, true, '', new Date());
		if (!result.ok) return fail(403, { errors: worded(result.errors) });
		back(params.id, 'confirmed');
	},
	hostDecline: async ({ locals, params, request }) => {
		const { actor } = await visitAs(locals, params.id, 'host');
		// An overlong reason is refused, never cut short.
		const parsed = await readForm(request, declineSchema);
		if (!parsed.ok) return fail(400, { errors: formError(parsed.errors.reason ?? m.connect_decline_reason_short()) });
		const result = await decideAsHost(db(), actor, params.id, false, parsed.data.reason, new Date());
		if (!result.ok) return fail(403, { errors: worded(result.errors) });
		back(params.id, 'declined');
	},
	cancel: async ({ locals, params }) => {
		const { actor } = await visitAs(locals, params.id, 'visitor');
		const result = await cancelVisit(db(), actor, params.id, new Date());
		if (!result.ok) return fail(400, { errors: worded(result.errors) });
		back(params.id, 'cancelled');
	},
	reflect: async ({ locals, params, request }) => {
		const { actor, view } = await visitAs(locals, params.id, 'visitor');
		const empty = { learned: '', impact: '', change: '' };
		// Before the visit there is no reflection form on the page to correct.
		if (!view.happened)
			return fail(400, {
				form: 'reflect' as const,
				values: empty,
				errors: formError(m.connect_visit_reflect_after_page())
			});
		const parsed = await readForm(request, reflectionSchema);
		if (!parsed.ok) return fail(400, { form: 'reflect' as const, values: parsed.values, errors: parsed.errors });
		const result = await saveReflection(db(), actor, params.id, parsed.data, new Date());
		if (!result.ok)
			return fail(400, { form: 'reflect' as const, values: parsed.values, errors: worded(result.errors) });
		back(params.id, 'reflected');
	},
	feedback: async ({ locals, params, request }) => {
		const { actor, view } = await visitAs(locals, params.id, 'host');
		if (!view.happened)
			return fail(400, {
				form: 'feedback' as const,
				values: { feedback: '' },
				errors: formError(m.connect_visit_feedback_after_page())
			});
		const parsed = await readForm(request, hostFeedbackSchema);
		if (!parsed.ok) return fail(400, { form: 'feedback' as const, values: parsed.values, errors: parsed.errors });
		const result = await saveHostFeedback(db(), actor, params.id, parsed.data.feedback, new Date());
		if (!result.ok)
			return fail(400, { form: 'feedback' as const, values: parsed.values, errors: worded(result.errors) });
		back(params.id, 'feedback');
	}
};
