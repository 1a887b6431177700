import { error, fail, redirect } from '@sveltejs/kit';
import { listAuditEvents } from '$lib/server/audit/log';

import { endSessions, liveSessionsOf } from '$lib/server/auth/session-admin';
import { db } from '$lib/server/db';
import { objectIdOf, readForm } from '$lib/server/forms';
import { teamChoices, unitChoices } from '$lib/server/org/directory';
import { getPersonDetail, listGrants } from '$lib/server/people/directory';
import { requireAdmin } from '$lib/server/policy';
import { erasedLabel, erasePerson, isErased } from '$lib/server/people/personal-data';
import { editPerson, grantRole, reissueInvite, revokeRole, setPersonActive } from '$lib/server/people/service';
import { languages, timeZones } from '$lib/locale';
import { erasureSchema, grantSchema, personSchema } from '$lib/schemas/people';
import type { Actions, PageServerLoad } from './$types';
import { worded } from '$lib/server/service-result';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const admin = requireAdmin(locals);
	const [person, grants, teams, units, activity, sessions] = await Promise.all([
		getPersonDetail(db(), params.id),
		listGrants(db(), params.id),
		teamChoices(db()),
		unitChoices(db()),
		listAuditEvents(db(), { objectId: params.id, limit: 8, offset: 0 }),
		liveSessionsOf(db(), params.id, new Date(), locals.session?.id ?? null)
	]);
	if (!person) error(404, m.admin_person_not_found());
	return {
		person,
		grants,
		sessions,
		activity: { events: activity.rows, total: activity.total },
		isSelf: person.id === admin.id,
		erased: isErased(person),
		erasedLabel: erasedLabel(person.id),
		teams,
		units: units.map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
		timeZones,
		languages,
		timeZone: admin.timeZone,
		saved: url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	update: async ({ locals, request, params }) => {
		const actor = requireAdmin(locals);
		const parsed = await readForm(request, personSchema);
		if (!parsed.ok) return fail(400, { form: 'details', values: parsed.values, errors: parsed.errors });
		const result = await editPerson(db(), actor, params.id, parsed.data, new Date());
		if (!result.ok) return fail(400, { form: 'details', values: parsed.values, errors: worded(result.errors) });
		redirect(303, `/admin/people/${params.id}?saved=details`);
	},
	grant: async ({ locals, request, params }) => {
		const actor = requireAdmin(locals);
		const parsed = await readForm(request, grantSchema);
		if (!parsed.ok) return fail(400, { form: 'grant', values: parsed.values, errors: parsed.errors });
		const result = await grantRole(db(), actor, params.id, parsed.data, new Date());
		if (!result.ok) return fail(400, { form: 'grant', values: parsed.values, errors: worded(result.errors) });
		redirect(303, `/admin/people/${params.id}?saved=roles`);
	},
	revoke: async ({ locals, request, params }) => {
		const actor = requireAdmin(locals);
		const grantId = objectIdOf(await request.formData(), 'grant_id');
		const result = await revokeRole(db(), actor, params.id, grantId, new Date());
		if (!result.ok) return fail(400, { form: 'roles', errors: worded(result.errors) });
		redirect(303, `/admin/people/${params.id}?saved=roles`);
	},
	deactivate: async ({ locals, params }) => {
		const actor = requireAdmin(locals);
		const result = await setPersonActive(db(), actor, params.id, false, new Date());
		if (!result.ok) return fail(400, { form: 'status', errors: worded(result.errors) });
		redirect(303, `/admin/people/${params.id}?saved=deactivated`);
	},
	reactivate: async ({ locals, params }) => {
		const actor = requireAdmin(locals);
		const result = await setPersonActive(db(), actor, params.id, true, new Date());
		if (!result.ok) return fail(400, { form: 'status', errors: worded(result.errors) });
		redirect(303, `/admin/people/${params.id}?saved=reactivated`);
	},
	endSession: async ({ locals, request, params }) => {
		const actor = requireAdmin(locals);
		const sessionId = objectIdOf(await request.formData(), 'session_id');
		const result = await endSessions(
			db(),
			{ ...actor, sessionId: locals.session?.id ?? null },
			params.id,
			sessionId,
			new Date()
		);
		if (!result.ok) return fail(400, { form: 'sessions', errors: worded(result.errors) });
		redirect(303, `/admin/people/${params.id}?saved=session`);
	},
	endAllSessions: async ({ locals, params }) => {
		const actor = requireAdmin(locals);
		const result = await endSessions(
			db(),
			{ ...actor, sessionId: locals.session?.id ?? null },
			params.id,
			null,
			new Date()
		);
		if (!result.ok) return fail(400, { form: 'sessions', errors: worded(result.errors) });
		redirect(303, `/admin/people/${params.id}?saved=sessions`);
	},
	erase: async ({ locals, request, params }) => {
		const actor = requireAdmin(locals);
		const confirmed = await readForm(request, erasureSchema);
		if (!confirmed.ok) return fail(400, { form: 'erase', errors: confirmed.errors });
		const result = await erasePerson(db(), actor, params.id, new Date());
		if (!result.ok) return fail(400, { form: 'erase', errors: worded(result.errors) });
		redirect(303, `/admin/people/${params.id}?saved=erased`);
	},
	invite: async ({ locals, params, url }) => {
		const actor = requireAdmin(locals);
		const result = await reissueInvite(db(), actor, params.id, new Date());
		if (!result.ok) return fail(400, { form: 'status', errors: worded(result.errors) });
		return {
			invite: { url: `${url.origin}/invite/${result.inviteToken}`, expiresAt: result.inviteExpiresAt.toISOString() }
		};
	}
};
