import { fail, redirect } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { objectIdOf, readForm } from '$lib/server/forms';
import { listMetrics } from '$lib/server/metrics/definitions';
import {
	createIntegration,
	integrationSchema,
	listIntegrations,
	revokeIntegration
} from '$lib/server/metrics/integrations';
import { teamChoices } from '$lib/server/org/directory';
import { calendarDate } from '$lib/server/learning/rules';
import { periodOf, shiftPeriod } from '$lib/periods';
import type { Actions, PageServerLoad } from './$types';
import { worded } from '$lib/server/service-result';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireAdmin(locals);
	const [integrations, metrics, teams] = await Promise.all([
		listIntegrations(db()),
		listMetrics(db()),
		teamChoices(db())
	]);
	// A real team, metric and period make the example work as pasted.
	const metric = metrics.find((m) => m.source === 'values');
	const today = calendarDate(new Date(), actor.timeZone);
	return {
		integrations: integrations.map((i) => ({
			id: i.id,
			name: i.name,
			createdAt: i.created_at,
			createdBy: i.created_by_name,
			lastUsedAt: i.last_used_at,
			revokedAt: i.revoked_at
		})),
		example: {
			endpoint: `${url.origin}/api/v1/metrics`,
			team: teams[0]?.name ?? 'Accounts Payable',
			metric: metric?.key ?? 'sla_on_time',
			period:
				metric?.period === 'week' ? shiftPeriod(periodOf('week', today), -1) : shiftPeriod(periodOf('month', today), -1)
		},
		timeZone: actor.timeZone,
		saved: url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	// The token exists only in this response, so success renders it rather than redirecting.
	create: async ({ locals, request }) => {
		const actor = requireAdmin(locals);
		const parsed = await readForm(request, integrationSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = await createIntegration(db(), actor, parsed.data, new Date());
		if (!result.ok) return fail(400, { values: parsed.values, errors: worded(result.errors) });
		return { created: { id: result.id, name: parsed.data.name, token: result.token } };
	},
	revoke: async ({ locals, request }) => {
		const actor = requireAdmin(locals);
		const id = objectIdOf(await request.formData());
		const result = await revokeIntegration(db(), actor, id, new Date());
		if (!result.ok)
			return fail(400, { revokeError: worded(result.errors)._form ?? m.admin_integration_revoke_failed() });
		redirect(303, '/admin/integrations?saved=revoked');
	}
};
