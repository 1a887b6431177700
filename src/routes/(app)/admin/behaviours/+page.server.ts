import { error, fail, redirect } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import {
	createValue,
	deleteValue,
	frameworkOverview,
	getValue,
	moveBehaviour,
	moveValue,
	updateValue,
	valueSchema,
	type Direction
} from '$lib/server/behaviours/framework';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireAdmin(locals);
	return {
		values: await frameworkOverview(db()),
		editValue: url.searchParams.get('value'),
		saved: url.searchParams.get('saved')
	};
};

function actor(locals: App.Locals, ip: string) {
	return { id: requireAdmin(locals).id, ip };
}

const directionOf = (form: FormData): Direction => (form.get('direction') === 'up' ? 'up' : 'down');

export const actions: Actions = {
	createValue: async ({ locals, request, getClientAddress }) => {
		const by = actor(locals, getClientAddress());
		const parsed = parseForm(valueSchema, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'newValue', values: parsed.values, errors: parsed.errors });
		const result = await createValue(db(), by, parsed.data, new Date());
		if (!result.ok) return fail(400, { form: 'newValue', values: parsed.values, errors: result.errors });
		redirect(303, '/admin/behaviours?saved=value');
	},
	updateValue: async ({ locals, request, getClientAddress }) => {
		const by = actor(locals, getClientAddress());
		const form = await request.formData();
		const id = String(form.get('id') ?? '');
		if (!(await getValue(db(), id))) error(404, 'We could not find that value.');
		const parsed = parseForm(valueSchema, form);
		if (!parsed.ok) return fail(400, { form: `value:${id}`, values: parsed.values, errors: parsed.errors });
		const result = await updateValue(db(), by, id, parsed.data, new Date());
		if (!result.ok) return fail(400, { form: `value:${id}`, values: parsed.values, errors: result.errors });
		redirect(303, '/admin/behaviours?saved=value');
	},
	deleteValue: async ({ locals, request, getClientAddress }) => {
		const by = actor(locals, getClientAddress());
		const id = String((await request.formData()).get('id') ?? '');
		if (!(await getValue(db(), id))) error(404, 'We could not find that value.');
		const result = await deleteValue(db(), by, id, new Date());
		if (!result.ok) return fail(400, { form: `value:${id}`, values: {}, errors: result.errors });
		redirect(303, '/admin/behaviours?saved=valueDeleted');
	},
	moveValue: async ({ locals, request, getClientAddress }) => {
		const by = actor(locals, getClientAddress());
		const form = await request.formData();
		const id = String(form.get('id') ?? '');
		if (!(await getValue(db(), id))) error(404, 'We could not find that value.');
		const result = await moveValue(db(), by, id, directionOf(form), new Date());
		if (!result.ok) return fail(400, { form: `value:${id}`, values: {}, errors: result.errors });
		redirect(303, `/admin/behaviours?saved=moved#value-${id}`);
	},
	moveBehaviour: async ({ locals, request, getClientAddress }) => {
		const by = actor(locals, getClientAddress());
		const form = await request.formData();
		const id = String(form.get('id') ?? '');
		const result = await moveBehaviour(db(), by, id, directionOf(form), new Date());
		if (!result.ok) return fail(400, { form: 'list', values: {}, errors: result.errors });
		redirect(303, '/admin/behaviours?saved=moved');
	}
};
