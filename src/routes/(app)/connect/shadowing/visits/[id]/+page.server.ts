import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { firstErrors, formError } from '$lib/server/forms';
import {
	cancelVisit,
	decideAsHost,
	decideAsManager,
	hostFeedbackSchema,
	reflectionSchema,
	rolesInVisit,
	saveHostFeedback,
	saveReflection,
	visitContext
} from '$lib/server/shadowing/service';
import type { Scope } from '$lib/server/people/rules';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const ctx = await visitContext(db(), params.id);
	const roles = ctx ? rolesInVisit(ctx, user.scope) : null;
	if (!ctx || !roles?.any) error(404, 'We could not find that visit.');
	const { visit, slot } = ctx;
	const ended = visit.ends_at <= new Date().toISOString();
	return {
		visit: {
			id: visit.id,
			status: visit.status,
			objectives: visit.objectives,
			startsAt: visit.starts_at,
			endsAt: visit.ends_at,
			declineReason: visit.decline_reason,
			reflection: visit.reflected_at
				? { learned: visit.reflection_learned, impact: visit.reflection_impact, change: visit.reflection_change }
				: null,
			hostFeedback: visit.host_feedback
		},
		slot: {
			id: slot.id,
			place: slot.place,
			// The call link is for people taking part once the visit is confirmed.
			videoUrl: visit.status === 'confirmed' ? slot.video_url : '',
			whatYouWillSee: slot.what_you_will_see
		},
		visitor: { id: ctx.visitor.id, name: ctx.visitor.name },
		host: { name: ctx.host.name },
		team: ctx.team,
		roles: { visitor: roles.visitor, approver: roles.approver, host: roles.host },
		ended,
		timeZone: user.timeZone,
		notice: url.searchParams.get('requested') ? 'requested' : url.searchParams.get('done')
	};
};

const back = (id: string, done: string) => redirect(303, `/connect/shadowing/visits/${id}?done=${done}`);

/**
 * Each action belongs to one role in the visit: the visitor, their manager (the approver) or the
 * host side. Anyone else is refused before the form is read: 404 when the visit is not theirs to
 * see at all, 403 when it is but the action is not theirs.
 */
async function requireRole(scope: Scope, visitId: string, role: 'visitor' | 'approver' | 'host') {
	const ctx = await visitContext(db(), visitId);
	const roles = ctx ? rolesInVisit(ctx, scope) : null;
	if (!ctx || !roles?.any) error(404, 'We could not find that visit.');
	const who = { visitor: 'the visitor', approver: 'the visitor’s manager', host: 'the host team' }[role];
	if (!roles[role]) error(403, `Only ${who} can do this.`);
	return ctx;
}

/** Reflections and host feedback come after a confirmed visit; before, there is no form to correct. */
const hasHappened = (ctx: NonNullable<Awaited<ReturnType<typeof visitContext>>>) =>
	ctx.visit.status === 'confirmed' && ctx.visit.ends_at <= new Date().toISOString();
const reasonOf = async (request: Request) =>
	String((await request.formData()).get('reason') ?? '')
		.trim()
		.slice(0, 500);

export const actions: Actions = {
	approve: async ({ locals, params }) => {
		const user = requireUser(locals);
		await requireRole(user.scope, params.id, 'approver');
		const result = await decideAsManager(db(), user.scope, params.id, true, '', new Date());
		if (!result.ok) return fail(403, { errors: result.errors });
		back(params.id, 'approved');
	},
	decline: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		await requireRole(user.scope, params.id, 'approver');
		const result = await decideAsManager(db(), user.scope, params.id, false, await reasonOf(request), new Date());
		if (!result.ok) return fail(403, { errors: result.errors });
		back(params.id, 'declined');
	},
	confirm: async ({ locals, params }) => {
		const user = requireUser(locals);
		await requireRole(user.scope, params.id, 'host');
		const result = await decideAsHost(db(), user.scope, params.id, true, '', new Date());
		if (!result.ok) return fail(403, { errors: result.errors });
		back(params.id, 'confirmed');
	},
	hostDecline: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		await requireRole(user.scope, params.id, 'host');
		const result = await decideAsHost(db(), user.scope, params.id, false, await reasonOf(request), new Date());
		if (!result.ok) return fail(403, { errors: result.errors });
		back(params.id, 'declined');
	},
	cancel: async ({ locals, params }) => {
		const user = requireUser(locals);
		await requireRole(user.scope, params.id, 'visitor');
		const result = await cancelVisit(db(), user.id, params.id, new Date());
		if (!result.ok) return fail(400, { errors: result.errors });
		back(params.id, 'cancelled');
	},
	reflect: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const ctx = await requireRole(user.scope, params.id, 'visitor');
		if (!hasHappened(ctx))
			return fail(400, {
				form: 'reflect' as const,
				values: { learned: '', impact: '', change: '' },
				errors: formError('Reflect after the visit.')
			});
		const form = await request.formData();
		const values = {
			learned: String(form.get('learned') ?? ''),
			impact: String(form.get('impact') ?? ''),
			change: String(form.get('change') ?? '')
		};
		const parsed = reflectionSchema.safeParse(values);
		if (!parsed.success) return fail(400, { form: 'reflect' as const, values, errors: firstErrors(parsed.error) });
		const result = await saveReflection(db(), user.id, params.id, parsed.data, new Date());
		if (!result.ok) return fail(400, { form: 'reflect' as const, values, errors: result.errors });
		back(params.id, 'reflected');
	},
	feedback: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const ctx = await requireRole(user.scope, params.id, 'host');
		if (!hasHappened(ctx))
			return fail(400, {
				form: 'feedback' as const,
				values: { feedback: '' },
				errors: formError('Leave feedback after the visit.')
			});
		const values = { feedback: String((await request.formData()).get('feedback') ?? '') };
		const parsed = hostFeedbackSchema.safeParse(values);
		if (!parsed.success) return fail(400, { form: 'feedback' as const, values, errors: firstErrors(parsed.error) });
		const result = await saveHostFeedback(db(), user.scope, params.id, parsed.data.feedback, new Date());
		if (!result.ok) return fail(400, { form: 'feedback' as const, values, errors: result.errors });
		back(params.id, 'feedback');
	}
};
