import { requireAdmin } from '$lib/server/policy';
import { auditActionLabel } from '$lib/server/audit/action-labels';
import { auditActions, listAuditEvents, type AuditAction } from '$lib/server/audit/log';
import { db } from '$lib/server/db';
import { getPersonDetail } from '$lib/server/people/directory';
import { pageCount, pageFrom } from '$lib/paging';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireAdmin(locals);
	const raw = url.searchParams.get('action') ?? '';
	const action = (auditActions as readonly string[]).includes(raw) ? (raw as AuditAction) : undefined;
	const person = url.searchParams.get('person');
	const subject = person ? await getPersonDetail(db(), person) : undefined;
	const paging = pageFrom(url, PAGE_SIZE);
	const { rows, total } = await listAuditEvents(db(), {
		action,
		objectId: subject?.id,
		limit: paging.limit,
		offset: paging.offset
	});
	return {
		events: rows.map((e) => ({ ...e, details: e.details ? (JSON.parse(e.details) as Record<string, unknown>) : null })),
		total,
		page: paging.page,
		pageCount: pageCount(total, PAGE_SIZE),
		action: action ?? '',
		subject: subject ? { id: subject.id, name: subject.name } : null,
		// The filter shows each action by its label; the code stays the option's value.
		actions: auditActions.map((value) => ({ value, label: auditActionLabel(value) })),
		timeZone: actor.timeZone
	};
};
