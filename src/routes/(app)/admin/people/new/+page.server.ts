import { fail } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { teamChoices } from '$lib/server/org/directory';
import { createPerson } from '$lib/server/people/service';
import { languages, timeZones } from '$lib/locale';
import { defaultLocale } from '$lib/server/org/settings';
import { personSchema } from '$lib/schemas/people';
import type { Actions, PageServerLoad } from './$types';
import { worded } from '$lib/server/service-result';

export const load: PageServerLoad = async ({ locals }) => {
	const admin = requireAdmin(locals);
	return {
		teams: await teamChoices(db()),
		timeZones,
		languages,
		defaults: { time_zone: admin.timeZone, language: await defaultLocale(db()) },
		timeZone: admin.timeZone
	};
};

export const actions: Actions = {
	// The invite token exists only in this response, so success renders it rather than redirecting.
	default: async ({ locals, request, url }) => {
		const actor = requireAdmin(locals);
		const parsed = await readForm(request, personSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = await createPerson(db(), actor, parsed.data, new Date());
		if (!result.ok) return fail(400, { values: parsed.values, errors: worded(result.errors) });
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
