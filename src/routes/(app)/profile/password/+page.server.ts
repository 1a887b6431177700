import { fail, redirect } from '@sveltejs/kit';
import { changePassword } from '$lib/server/auth/change-password';
import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { changePasswordSchema, PASSWORD_MIN_LENGTH } from '$lib/schemas/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const user = requireUser(locals);
	return { email: user.email, minLength: PASSWORD_MIN_LENGTH };
};

export const actions: Actions = {
	default: async ({ locals, request, getClientAddress }) => {
		const user = requireUser(locals);
		const parsed = parseForm(changePasswordSchema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		const result = await changePassword(
			db(),
			{ id: user.id, email: user.email, ip: getClientAddress() },
			locals.session!.id,
			parsed.data,
			new Date()
		);
		if (!result.ok) return fail(400, { errors: result.errors });
		redirect(303, '/profile?password');
	}
};
