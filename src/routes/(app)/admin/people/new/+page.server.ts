import { fail } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { listTeams } from '$lib/server/org/queries';
import { createPerson } from '$lib/server/people/service';
import { languages, timeZones } from '$lib/locale';
import { personSchema } from '$lib/schemas/people';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const admin = requireAdmin(locals);
	const teams = await listTeams(db());
	return {
		teams: teams.map((t) => ({ id: t.id, name: t.name })),
		timeZones,
		languages,
		defaults: { time_zone: admin.timeZone, language: 'en' },
		timeZone: admin.timeZone
	};
};

export const actions: Actions = {
	// The invite token exists only in this response, so success renders it rather than redirecting.
	default: async ({ locals, request, url, getClientAddress }) => {
		const admin = requireAdmin(locals);
		const parsed = parseForm(personSchema, await request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = await createPerson(db(), { id: admin.id, ip: getClientAddress() }, parsed.data, new Date());
		if (!result.ok) return fail(400, { values: parsed.values, errors: result.errors });
		return {
			created: {
				id: result.personId,
				name: parsed.data.name,
				inviteUrl: `${url.origin}/invite/${result.inviteToken}`,
				expiresAt: result.inviteExpiresAt.toISOString()
			}
		};
	}
};
