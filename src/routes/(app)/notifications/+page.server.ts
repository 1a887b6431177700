import { z } from 'zod';
import { fail } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { centrePage, markNotificationsRead, PAGE_SIZE } from '$lib/server/notifications/centre';
import { requireActor } from '$lib/server/policy';
import { pageCount, pageFrom } from '$lib/paging';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals);
	const { page } = pageFrom(url, PAGE_SIZE);
	const unreadOnly = url.searchParams.get('show') === 'unread';
	const { items, total } = await centrePage(db(), actor, { unreadOnly, page });
	return { items, total, page, pageCount: pageCount(total, PAGE_SIZE), unreadOnly, timeZone: actor.timeZone };
};

const idSchema = z.object({ id: z.string().regex(/^[a-z0-9]{1,40}$/) });

export const actions: Actions = {
	read: async ({ locals, request }) => {
		const actor = requireActor(locals);
		const parsed = idSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { notFound: true });
		await markNotificationsRead(db(), actor, [parsed.data.id], new Date());
		return { done: 'read' as const };
	},
	readAll: async ({ locals }) => {
		const actor = requireActor(locals);
		await markNotificationsRead(db(), actor, 'all', new Date());
		return { done: 'all' as const };
	}
};
