import { fail, redirect } from '@sveltejs/kit';
import { changePassword } from '$lib/server/auth/change-password';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { requireActor } from '$lib/server/policy';
import { changePasswordSchema, PASSWORD_MIN_LENGTH } from '$lib/schemas/auth';
import type { Actions, PageServerLoad } from './$types';
import { worded } from '$lib/server/service-result';

export const load: PageServerLoad = ({ locals }) => {
	const user = requireUser(locals);
	return { email: user.email, minLength: PASSWORD_MIN_LENGTH };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const actor = requireActor(locals);
		const parsed = await readForm(request, changePasswordSchema);
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		const result = await changePassword(db(), actor, locals.session!.id, parsed.data, new Date());
		if (!result.ok) return fail(400, { errors: worded(result.errors) });
		redirect(303, '/profile?password');
	}
};
